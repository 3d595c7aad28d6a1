package dev.hostkit.core.model;

/**
 * A setting whose value cannot be used. The message names the parameter (as its
 * {@code hosting.*} property), the bad value and what is allowed.
 */
public final class InvalidSettingException extends RuntimeException {
    private final String parameter;

    public InvalidSettingException(String parameter, String value, String allowed) {
        this(parameter, "Invalid value for " + parameter + ": " + show(value) + ". " + allowed);
    }

    private InvalidSettingException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The same error, said of a setting inside the named environment. */
    public InvalidSettingException inEnvironment(String environment) {
        return new InvalidSettingException(parameter,
                getMessage().replaceFirst("^Invalid value for (\\S+):", "Invalid value for $1 in environment '"
                        + environment.replace("$", "\\$") + "':"));
    }

    public String parameter() {
        return parameter;
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
