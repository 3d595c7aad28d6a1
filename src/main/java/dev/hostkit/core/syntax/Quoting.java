package dev.hostkit.core.syntax;

/** Writes a value as a literal in each syntax the templates produce. */
public final class Quoting {
    private Quoting() {}

    /** A JSON string literal (also a valid YAML double-quoted scalar). */
    public static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /**
     * A YAML double-quoted scalar inside a compose file, where {@code $} starts an
     * interpolation and {@code $$} stands for a literal dollar.
     */
    public static String composeYaml(String value) {
        return json(value.replace("$", "$$"));
    }

    /**
     * A value in a compose env file. Double quotes with shell escapes, or single quotes
     * (used literally, no interpolation; {@code \'} for a quote) for values that carry a {@code $}.
     *
     * @throws IllegalArgumentException for a value with a {@code $} and also a backslash before
     *                                  a quote or at its end, which that format cannot hold
     */
    public static String composeEnvFile(String value) {
        if (value.indexOf('$') < 0) {
            return json(value);
        }
        // inside single quotes only \' is an escape: a backslash before a quote or at the end is ambiguous
        if (fitsComposeEnvFile(value)) {
            return "'" + value.replace("'", "\\'") + "'";
        }
        throw new IllegalArgumentException("a compose env file cannot hold a value that has '$' together with a "
                + "backslash before a quote or at its end, or a line break");
    }

    /** Whether {@link #composeEnvFile(String)} can write this value. */
    public static boolean fitsComposeEnvFile(String value) {
        return value.indexOf('$') < 0
                || (!value.contains("\\'") && !value.endsWith("\\") && value.indexOf('\n') < 0 && value.indexOf('\r') < 0);
    }

    /**
     * A value in a systemd EnvironmentFile: double quotes, in which systemd removes the
     * backslash before {@code "}, {@code \\}, {@code $} and {@code `}. No variables are expanded.
     */
    public static String systemdEnvFile(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$' || c == '`') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** A POSIX shell word in single quotes. */
    public static String shell(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
