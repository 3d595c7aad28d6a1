package dev.hostkit.docker;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The YAML values of a compose file as the compose-like runner takes them: known keys only, strings interpolated. */
final class ComposeValues {
    private ComposeValues() {}

    static void requireKnown(Set<String> keys, Set<String> known, String where) {
        for (String key : keys) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("compose key '" + key + "' (" + where + ") is not supported by the "
                        + "compose-like runner of the docker tests: teach dev.hostkit.docker.ComposeFileReader what compose does with it");
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    static List<String> strings(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(interpolate(single, where));
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + ": expected a list, found " + value);
        }
        return list.stream().map(item -> string(item, where)).toList();
    }

    static String string(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException(where + ": expected a scalar, found " + value);
        }
        return interpolate(value.toString(), where);
    }

    /** Compose interpolation: {@code $$} is a dollar; a variable would come from the deploying shell. */
    static String interpolate(String value, String where) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '$') {
                if (i + 1 < value.length() && value.charAt(i + 1) == '$') {
                    out.append('$');
                    i++;
                    continue;
                }
                throw new IllegalArgumentException(where + ": variable interpolation is not supported by the compose-like runner: " + value);
            }
            out.append(c);
        }
        return out.toString();
    }
}
