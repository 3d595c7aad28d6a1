package dev.hostkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a compose {@code env_file} as Docker Compose v2 does (docs "Syntax for environment
 * files"; compose-go's dotenv parser), which is not what {@code docker run --env-file} does
 * (that one keeps quotes as part of the value): '#' comment lines; KEY=VALUE or KEY: VALUE,
 * optionally after "export"; single-quoted values literal except for \' ; double-quoted values
 * with the escapes \n \r \t \a \b \f \v \\ \" \' \$ and interpolation; unquoted values up to
 * the line end or a " #" comment, with interpolation. Quoted values may span lines.
 *
 * <p>Interpolation is not resolved: a "$NAME" or "${...}" is replaced by nothing (compose's
 * result for an unset variable) and reported in {@link Parsed#interpolated()}; "$$" is a
 * literal '$'. {@link #literal} refuses it instead: a kit must not depend on the deploying shell.
 */
public final class ComposeEnvFile {
    private ComposeEnvFile() {}

    /** The values as compose reads them, and each "KEY: $REFERENCE" compose would interpolate. */
    public record Parsed(Map<String, String> values, List<String> interpolated) {}

    public static Parsed parse(String text) {
        return new Reader(text).read();
    }

    /** The values, which must not need interpolation; SOURCE names the file in messages. */
    public static Map<String, String> literal(String text, String source) {
        Parsed parsed;
        try {
            parsed = parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (!parsed.interpolated().isEmpty()) {
            throw new IllegalArgumentException(source + ": compose would interpolate " + parsed.interpolated()
                    + " from the deploying shell");
        }
        return parsed.values();
    }

    public static Map<String, String> literal(Path file) {
        try {
            return literal(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read env file " + file, e);
        }
    }

    private static final class Reader {
        private final String text;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<String> interpolated = new ArrayList<>();
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        Parsed read() {
            while (skipBlankAndComments()) {
                String key = key();
                values.put(key, value(key));
            }
            return new Parsed(values, interpolated);
        }

        /** @return whether a statement starts at {@code pos} */
        private boolean skipBlankAndComments() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '#') {
                    int end = text.indexOf('\n', pos);
                    pos = end < 0 ? text.length() : end + 1;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else {
                    return true;
                }
            }
            return false;
        }

        private String key() {
            if (text.startsWith("export ", pos)) {
                pos += "export ".length();
                skipSpaces();
            }
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_.-".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            String key = text.substring(start, pos);
            skipSpaces();
            if (key.isEmpty() || pos >= text.length() || (text.charAt(pos) != '=' && text.charAt(pos) != ':')) {
                throw new IllegalArgumentException("Expected KEY=VALUE at line " + lineOf(start) + ": " + lineAt(start));
            }
            pos++;
            skipSpaces();
            return key;
        }

        private String value(String key) {
            char first = pos < text.length() ? text.charAt(pos) : '\n';
            if (first != '"' && first != '\'') {
                int end = text.indexOf('\n', pos);
                String raw = text.substring(pos, end < 0 ? text.length() : end);
                pos = end < 0 ? text.length() : end;
                int comment = raw.indexOf(" #");
                return interpolate(key, (comment < 0 ? raw : raw.substring(0, comment)).stripTrailing());
            }
            int start = pos++;
            StringBuilder raw = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw new IllegalArgumentException("Unterminated quoted value of " + key + " at line " + lineOf(start));
                }
                char c = text.charAt(pos++);
                if (c == first) {
                    break;
                }
                if (c == '\\' && pos < text.length()) {
                    char next = text.charAt(pos++);
                    if (next != first) {
                        raw.append('\\');
                    }
                    raw.append(next);
                    continue;
                }
                raw.append(c);
            }
            int lineEnd = text.indexOf('\n', pos);
            String rest = text.substring(pos, lineEnd < 0 ? text.length() : lineEnd);
            if (!rest.isBlank() && !rest.stripLeading().startsWith("#")) {
                throw new IllegalArgumentException("Unexpected text after the quoted value of " + key + ": " + rest);
            }
            pos = lineEnd < 0 ? text.length() : lineEnd;
            return first == '\'' ? raw.toString() : interpolate(key, unescape(raw.toString()));
        }

        /** Double-quoted escapes; a \$ becomes $$, which interpolation turns into a literal '$'. */
        private static String unescape(String raw) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '\\' || i + 1 >= raw.length()) {
                    out.append(c);
                    continue;
                }
                char next = raw.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'v' -> out.append('\u000b');
                    case '\\', '"', '\'' -> out.append(next);
                    case '$' -> out.append("$$");
                    default -> out.append('\\').append(next);
                }
            }
            return out.toString();
        }

        private String interpolate(String key, String value) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
                if (c != '$') {
                    out.append(c);
                } else if (next == '$') {
                    out.append('$');
                    i++;
                } else if (next == '{') {
                    int close = value.indexOf('}', i);
                    interpolated.add(key + ": " + value.substring(i, close < 0 ? value.length() : close + 1));
                    i = close < 0 ? value.length() : close;
                } else if (next == '_' || Character.isLetter(next)) {
                    int end = i + 1;
                    while (end < value.length() && (value.charAt(end) == '_' || Character.isLetterOrDigit(value.charAt(end)))) {
                        end++;
                    }
                    interpolated.add(key + ": " + value.substring(i, end));
                    i = end - 1;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private void skipSpaces() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private int lineOf(int offset) {
            return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        }

        private String lineAt(int offset) {
            int end = text.indexOf('\n', offset);
            return text.substring(offset, end < 0 ? text.length() : end);
        }
    }
}
