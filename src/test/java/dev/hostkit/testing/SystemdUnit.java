package dev.hostkit.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A systemd unit file read the way systemd reads the parts the kit uses: sections and
 * assignments, {@code %i} in values, {@code Environment=} and {@code EnvironmentFile=} (later
 * files win over {@code Environment=}), and {@code $VAR}/{@code ${VAR}} in {@code ExecStart=}.
 * Anything else it meets (quotes, line continuations, other specifiers) fails loudly rather
 * than being read differently from systemd.
 */
public final class SystemdUnit {
    /** The PATH systemd gives system services (systemd 252, split /usr). */
    public static final String SERVICE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern BRACED = Pattern.compile("\\$\\{(" + NAME + ")}");

    private final Map<String, List<String[]>> sections = new LinkedHashMap<>();

    private SystemdUnit() {}

    public static SystemdUnit parse(String text) {
        SystemdUnit unit = new SystemdUnit();
        List<String[]> current = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.endsWith("\\")) {
                throw new IllegalArgumentException("line continuations are not supported: " + line);
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = unit.sections.computeIfAbsent(line.substring(1, line.length() - 1), name -> new ArrayList<>());
                continue;
            }
            int equals = line.indexOf('=');
            if (current == null || equals < 1) {
                throw new IllegalArgumentException("not an assignment inside a section: " + line);
            }
            current.add(new String[] {line.substring(0, equals).strip(), line.substring(equals + 1).strip()});
        }
        return unit;
    }

    /** Every value assigned to KEY in SECTION, in order. */
    public List<String> values(String section, String key) {
        return sections.getOrDefault(section, List.of()).stream()
                .filter(entry -> entry[0].equals(key)).map(entry -> entry[1]).toList();
    }

    /** The keys assigned in SECTION, in order (once each). */
    public List<String> keys(String section) {
        return sections.getOrDefault(section, List.of()).stream().map(entry -> entry[0]).distinct().toList();
    }

    /** The one value of KEY in SECTION; fails when it is missing or assigned twice. */
    public String value(String section, String key) {
        List<String> values = values(section, key);
        if (values.size() != 1) {
            throw new AssertionError("[" + section + "] " + key + "= is assigned " + values.size() + " times, expected once");
        }
        return values.get(0);
    }

    public boolean has(String section, String key) {
        return !values(section, key).isEmpty();
    }

    /**
     * The environment the service gets: systemd's PATH, then {@code Environment=}, then each
     * {@code EnvironmentFile=} in order ({@code -} marks an optional one).
     *
     * @param instance the instance name for {@code %i}, or {@code null} for a plain unit
     * @param files    the content of an environment file by its path, empty when it does not exist
     */
    public Map<String, String> environment(String instance, Function<String, Optional<String>> files) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", SERVICE_PATH);
        for (String assignments : values("Service", "Environment")) {
            for (String assignment : words(specifiers(assignments, instance))) {
                int equals = assignment.indexOf('=');
                environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            }
        }
        for (String file : values("Service", "EnvironmentFile")) {
            boolean optional = file.startsWith("-");
            String path = specifiers(optional ? file.substring(1) : file, instance);
            Optional<String> content = files.apply(path);
            if (content.isEmpty() && !optional) {
                throw new AssertionError("EnvironmentFile " + path + " is required and missing: the service would not start");
            }
            content.ifPresent(text -> environment.putAll(SystemdEnvironmentFile.parse(text)));
        }
        return environment;
    }

    /** ExecStart= as the argument list systemd would run, with specifiers and variables expanded. */
    public List<String> command(String instance, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        for (String word : words(specifiers(value("Service", "ExecStart"), instance))) {
            if (word.startsWith("$") && NAME.matcher(word.substring(1)).matches()) {
                // "$VAR" alone: the value split at whitespace, zero or more words
                String value = environment.getOrDefault(word.substring(1), "").strip();
                if (!value.isEmpty()) {
                    command.addAll(List.of(value.split("\\s+")));
                }
            } else {
                Matcher braced = BRACED.matcher(word);
                command.add(braced.replaceAll(match -> Matcher.quoteReplacement(environment.getOrDefault(match.group(1), ""))));
            }
        }
        if (command.isEmpty() || !command.get(0).startsWith("/")) {
            throw new AssertionError("ExecStart must start with an absolute program path: " + command);
        }
        return command;
    }

    private static String specifiers(String value, String instance) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            char specifier = i + 1 < value.length() ? value.charAt(++i) : ' ';
            if (specifier == '%') {
                out.append('%');
            } else if (specifier == 'i' && instance != null) {
                out.append(instance);
            } else {
                throw new AssertionError("specifier %" + specifier + " cannot be expanded here"
                        + (instance == null ? " (not a template instance)" : "") + ": " + value);
            }
        }
        return out.toString();
    }

    private static List<String> words(String value) {
        if (value.contains("\"") || value.contains("'")) {
            throw new IllegalArgumentException("quoted words are not supported: " + value);
        }
        return value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }
}
