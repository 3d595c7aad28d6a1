package dev.hostkit.core.model;

import java.util.regex.Pattern;

/**
 * Parses and checks single setting values. Each method names the parameter in its error,
 * says what the value was and what is allowed.
 */
final class Checks {
    private static final String LABEL = "[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
    static final Pattern HOST_NAME = Pattern.compile("(\\*\\.)?" + LABEL + "(\\." + LABEL + ")*");
    static final Pattern APP_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    static final Pattern URL_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*(\\?[A-Za-z0-9._~=&/-]*)?");
    static final Pattern ABSOLUTE_PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    static final Pattern URL_PREFIX = Pattern.compile("/([A-Za-z0-9._~-]+/)+");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#%&*+/=?^_~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");
    static final Pattern BOOLEAN = Pattern.compile("true|false");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    static final Pattern SIZE = Pattern.compile("[0-9]{1,9}[kKmMgG]?");
    static final Pattern RESTART = Pattern.compile("no|always|unless-stopped|on-failure(:[1-9][0-9]{0,3})?");
    /** name[:tag][@digest], lower-case repository path as the OCI distribution spec allows. */
    static final Pattern IMAGE = Pattern.compile(
            "(?<repo>([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]{1,2}[a-z0-9]+)*(/[a-z0-9]+([._-]{1,2}[a-z0-9]+)*)*)"
                    + "(:(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(@(?<digest>sha256:[a-f0-9]{64}))?");

    private Checks() {}

    static int port(String parameter, String value) {
        return intInRange(parameter, value, 1, 65535, "Allowed: a TCP port number from 1 to 65535.");
    }

    static int intInRange(String parameter, String value, int min, int max, String allowed) {
        if (value != null && value.trim().matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        }
        throw new InvalidSettingException(parameter, value, allowed);
    }

    static String matching(String parameter, String value, Pattern pattern, String allowed) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidSettingException(parameter, value, allowed);
        }
        return value;
    }

    static String image(String parameter, String value) {
        var matcher = value == null ? null : IMAGE.matcher(value);
        String allowed = "Allowed: an image reference with an explicit tag or digest, such as "
                + "'eclipse-temurin:21-jre' or 'nginx:1.28' (not 'latest', no spaces or quotes).";
        if (matcher == null || !matcher.matches()
                || (matcher.group("tag") == null && matcher.group("digest") == null)
                || "latest".equals(matcher.group("tag"))) {
            throw new InvalidSettingException(parameter, value, allowed);
        }
        return value;
    }

    static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
