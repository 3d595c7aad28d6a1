package dev.hostkit.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a compose {@code env_file} the way docker compose v2 does (its dotenv syntax), which is
 * not what {@code docker run --env-file} does: that one keeps quotes as part of the value. So
 * the compose-like runner parses the file itself and passes each variable with {@code -e}.
 * <ul>
 *   <li>blank lines and lines starting with {@code #} are skipped; {@code export } is allowed;</li>
 *   <li>{@code "double quotes"}: the escapes {@code \" \\ \n \r \t} (and {@code $} interpolation, which
 *       this reader refuses: a kit never relies on the deploying shell's variables);</li>
 *   <li>{@code 'single quotes'}: the text as it is;</li>
 *   <li>unquoted: trimmed, a {@code #} after a blank starts a comment.</li>
 * </ul>
 */
final class EnvFile {
    private static final Pattern LINE = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=(.*)$");

    private EnvFile() {}

    static Map<String, String> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read env file " + file, e);
        }
    }

    static Map<String, String> parse(String text, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(source + ":" + number + ": not NAME=value: " + line);
            }
            values.put(matcher.group(1), value(matcher.group(2).stripLeading(), source + ":" + number));
        }
        return values;
    }

    private static String value(String raw, String where) {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            if (end < 0) {
                throw new IllegalArgumentException(where + ": unterminated single quote");
            }
            requireOnlyComment(raw.substring(end + 1), where);
            return raw.substring(1, end);
        }
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    requireOnlyComment(raw.substring(i + 1), where);
                    return out.toString();
                }
                if (c == '$') {
                    throw new IllegalArgumentException(where + ": '$' in a double-quoted value is interpolated by compose");
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    switch (next) {
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case '"', '\\', '$' -> out.append(next);
                        default -> out.append('\\').append(next);
                    }
                } else {
                    out.append(c);
                }
            }
            throw new IllegalArgumentException(where + ": unterminated double quote");
        }
        String value = raw;
        int comment = value.indexOf(" #");
        if (comment >= 0) {
            value = value.substring(0, comment);
        }
        value = value.strip();
        if (value.contains("$")) {
            throw new IllegalArgumentException(where + ": '$' in an unquoted value is interpolated by compose");
        }
        return value;
    }

    private static void requireOnlyComment(String rest, String where) {
        String trimmed = rest.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
            throw new IllegalArgumentException(where + ": text after the closing quote: " + rest);
        }
    }
}
