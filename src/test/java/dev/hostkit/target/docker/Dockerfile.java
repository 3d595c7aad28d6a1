package dev.hostkit.target.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * A Dockerfile read into instructions as BuildKit reads it: lines joined at a trailing
 * backslash, comment lines and blank lines dropped, the keyword upper-cased.
 */
final class Dockerfile {
    static final String PATH = "docker/Dockerfile";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Instruction> instructions;

    private Dockerfile(List<Instruction> instructions) {
        this.instructions = instructions;
    }

    /**
     * @param keyword   FROM, RUN, COPY, ...
     * @param arguments the rest, continuation lines joined
     * @param index     position among the instructions
     */
    record Instruction(String keyword, String arguments, int line, int index) {
        /** Leading --name=value flags (COPY --chown, HEALTHCHECK --interval, ...). */
        List<String> flags() {
            List<String> flags = new ArrayList<>();
            for (String word : arguments.split("\\s+")) {
                if (!word.startsWith("--")) {
                    break;
                }
                flags.add(word);
            }
            return flags;
        }

        /** The arguments after the flags. */
        String body() {
            String body = arguments;
            for (String flag : flags()) {
                body = body.substring(body.indexOf(flag) + flag.length()).stripLeading();
            }
            return body;
        }

        /** Whitespace-separated words of the body (shell-form COPY, EXPOSE, USER, ...). */
        List<String> words() {
            return List.of(body().split("\\s+"));
        }

        /** The exec (JSON) form as a list of strings, or empty for the shell form or bad JSON. */
        static Optional<List<String>> execForm(String text) {
            if (!text.startsWith("[")) {
                return Optional.empty();
            }
            try {
                JsonNode array = JSON.readTree(text);
                if (!array.isArray() || !StreamSupport.stream(array.spliterator(), false).allMatch(JsonNode::isTextual)) {
                    return Optional.empty();
                }
                return Optional.of(StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList());
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return "'" + keyword + " " + arguments + "' (line " + line + ")";
        }
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = null;
        int startLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending == null)) {
                continue;
            }
            if (pending == null) {
                pending = new StringBuilder();
                startLine = i + 1;
            }
            boolean continued = line.endsWith("\\");
            pending.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continued) {
                String joined = pending.toString().strip();
                int space = joined.indexOf(' ');
                String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase(Locale.ROOT);
                String arguments = space < 0 ? "" : joined.substring(space + 1).strip();
                instructions.add(new Instruction(keyword, arguments, startLine, instructions.size()));
                pending = null;
            }
        }
        return new Dockerfile(instructions);
    }

    List<Instruction> all() {
        return instructions;
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The HEALTHCHECK's command in exec form, without the CMD keyword. */
    Optional<List<String>> healthcheckCommand() {
        List<Instruction> healthchecks = all("HEALTHCHECK");
        if (healthchecks.size() != 1 || !healthchecks.get(0).body().startsWith("CMD ")) {
            return Optional.empty();
        }
        return Instruction.execForm(healthchecks.get(0).body().substring("CMD ".length()).strip());
    }

    /** The one instruction with this keyword, or none after a message when there is not exactly one. */
    List<Instruction> only(String keyword, List<String> problems) {
        List<Instruction> found = all(keyword);
        if (found.size() != 1) {
            problems.add("expected exactly one " + keyword + ", found " + found);
            return List.of();
        }
        return found;
    }

    /** The "sh -c" script of an exec-form ENTRYPOINT ["/bin/sh", "-c", script, name]. */
    Optional<String> entrypointScript() {
        return all("ENTRYPOINT").stream().findFirst()
                .flatMap(entrypoint -> Instruction.execForm(entrypoint.body()))
                .filter(argv -> argv.size() >= 3 && argv.get(1).equals("-c"))
                .map(argv -> argv.get(2));
    }
}
