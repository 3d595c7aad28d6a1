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
 * Reads a compose {@code env_file} the way docker compose v2 does (compose-go's dotenv parser),
 * which is not what {@code docker run --env-file} does: that one keeps quotes as part of the
 * value. So the compose-like runner parses the file itself and passes each variable with {@code -e}.
 * <ul>
 *   <li>blank lines and lines starting with {@code #} are skipped; {@code export } is allowed;</li>
 *   <li>quoted values end at the first quote of the same kind not preceded by a backslash; inside,
 *       a backslash before that quote is dropped and every other backslash is kept;</li>
 *   <li>{@code "double quotes"} then decode the escapes {@code \n \r \t \\ \" \' \$} (and
 *       {@code \a \b \f \v}); a bare {@code $} would interpolate a variable of the deploying shell,
 *       which this reader refuses: a kit must not depend on it;</li>
 *   <li>{@code 'single quotes'}: nothing more (no escapes, no interpolation);</li>
 *   <li>unquoted: a {@code " #"} starts a comment, trailing blanks go; a {@code $} is refused.</li>
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
        if (raw.startsWith("'") || raw.startsWith("\"")) {
            char quote = raw.charAt(0);
            StringBuilder chars = new StringBuilder();
            boolean escaped = false;
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (escaped) {
                    escaped = false;
                    if (c != quote) {
                        chars.append('\\');
                    }
                    chars.append(c);
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == quote) {
                    requireOnlyComment(raw.substring(i + 1), where);
                    return quote == '"' ? decodeEscapes(chars.toString(), where) : chars.toString();
                } else {
                    chars.append(c);
                }
            }
            throw new IllegalArgumentException(where + ": unterminated " + (quote == '"' ? "double" : "single") + " quote");
        }
        String value = raw;
        int comment = value.indexOf(" #");
        if (comment >= 0) {
            value = value.substring(0, comment);
        }
        value = value.stripTrailing();
        if (value.contains("$")) {
            throw new IllegalArgumentException(where + ": '$' in an unquoted value is interpolated by compose");
        }
        return value;
    }

    /** The escapes compose decodes in double quotes; a bare '$' would be interpolated. */
    private static String decodeEscapes(String text, String where) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$') {
                throw new IllegalArgumentException(where + ": '$' in a double-quoted value is interpolated by compose");
            }
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case '\\', '"', '\'', '$' -> out.append(next);
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }

    private static void requireOnlyComment(String rest, String where) {
        String trimmed = rest.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
            throw new IllegalArgumentException(where + ": text after the closing quote: " + rest);
        }
    }
}
