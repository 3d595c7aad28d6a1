package dev.hostkit.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A systemd {@code EnvironmentFile=} read as systemd reads it (not as compose reads its env files: {@link ComposeEnvFile}). */
public final class SystemdEnvironmentFile {
    private SystemdEnvironmentFile() {}

    /**
     * KEY=VALUE lines, # and ; comments; a value in
     * double quotes loses the backslash before {@code " \ $ `}, one in single quotes is
     * literal, an unquoted one is trimmed and loses every escaping backslash.
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 1 || !SystemdUnit.NAME.matcher(line.substring(0, equals).strip()).matches()) {
                throw new IllegalArgumentException("not an assignment: " + line);
            }
            values.put(line.substring(0, equals).strip(), environmentValue(line.substring(equals + 1).strip()));
        }
        return values;
    }

    private static String environmentValue(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        String body = quoted ? value.substring(1, value.length() - 1) : value;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && (!quoted || "\"\\$`".indexOf(body.charAt(i + 1)) >= 0)) {
                out.append(body.charAt(++i));
            } else if (quoted && c == '"') {
                throw new IllegalArgumentException("unescaped '\"' inside a double-quoted value: " + value);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
