package dev.hostkit.core.settings;

/**
 * A setting whose value cannot be used, or a setting that does not exist. The message names
 * the parameter (as its {@code hosting.*} property), the environment it was set in, the value
 * and what is allowed.
 */
public final class InvalidSettingException extends RuntimeException {
    private final String parameter;
    private final String value;
    private final String allowed;
    private final boolean unknown;
    private final String environment;

    /** @param allowed what is allowed instead, a sentence such as "Allowed: true or false." */
    public InvalidSettingException(String parameter, String value, String allowed) {
        this(parameter, value, allowed, false, null);
    }

    private InvalidSettingException(String parameter, String value, String allowed, boolean unknown, String environment) {
        super(message(parameter, value, allowed, unknown, environment));
        this.parameter = parameter;
        this.value = value;
        this.allowed = allowed;
        this.unknown = unknown;
        this.environment = environment;
    }

    /** A setting name that no target, runtime or shared concern declares. */
    public static InvalidSettingException unknown(String parameter, String value, String allowed) {
        return new InvalidSettingException(parameter, value, allowed, true, null);
    }

    /** The same error, said of a setting inside the named environment. */
    public InvalidSettingException inEnvironment(String name) {
        return new InvalidSettingException(parameter, value, allowed, unknown, name);
    }

    public String parameter() {
        return parameter;
    }

    private static String message(String parameter, String value, String allowed, boolean unknown, String environment) {
        return (unknown ? "Unknown setting " : "Invalid value for ") + parameter
                + (environment == null ? "" : " in environment '" + environment + "'")
                + ": " + show(value) + ". " + allowed;
    }

    private static String show(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> shown.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return shown.append('\'').toString();
    }
}
