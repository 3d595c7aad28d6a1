package dev.hostkit.core.settings;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a setting's value may be: how it is read and the "Allowed: ..." sentence that errors and
 * the README show. The factories cover the kinds hostkit's settings have.
 *
 * @param <T> what a value parses to
 */
public interface ValueType<T> {
    /**
     * A container image reference, name[:tag][@digest], with the lower-case repository path the OCI
     * distribution spec allows: groups {@code repo}, {@code tag}, {@code digest}.
     */
    Pattern IMAGE_REFERENCE = Pattern.compile(
            "(?<repo>([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]{1,2}[a-z0-9]+)*(/[a-z0-9]+([._-]{1,2}[a-z0-9]+)*)*)"
                    + "(:(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(@(?<digest>sha256:[a-f0-9]{64}))?");

    /**
     * @param label how the error names the setting ({@code hosting.port})
     * @param value the trimmed value, never empty
     * @throws InvalidSettingException when the value is not allowed
     */
    T parse(String label, String value);

    /** The sentence errors end with, starting "Allowed: ". */
    String allowed();

    /** A type with this allowed text whose values pass {@code read}, which returns null to reject. */
    static <T> ValueType<T> of(String allowed, Function<String, T> read) {
        return new ValueType<>() {
            @Override
            public T parse(String label, String value) {
                T parsed = read.apply(value);
                if (parsed == null) {
                    throw new InvalidSettingException(label, value, allowed);
                }
                return parsed;
            }

            @Override
            public String allowed() {
                return allowed;
            }
        };
    }

    static ValueType<String> matching(Pattern pattern, String allowed) {
        return of(allowed, value -> pattern.matcher(value).matches() ? value : null);
    }

    static ValueType<Integer> wholeNumber(int min, int max, String allowed) {
        return of(allowed, value -> {
            if (!value.matches("[0-9]{1,9}")) {
                return null;
            }
            int number = Integer.parseInt(value);
            return number >= min && number <= max ? number : null;
        });
    }

    /** A memory size for a container or a unit: 1 to 6 digits and k, m or g, such as 512m. */
    static ValueType<String> memorySize() {
        return matching(Pattern.compile("[1-9][0-9]{0,5}[kmg]"), "Allowed: a size of 1 to 6 digits and k, m or g, such as 512m or 2g.");
    }

    /** A Kubernetes memory quantity in binary units, such as 512Mi or 2Gi (not 512MB, not 512m: millibytes). */
    static ValueType<String> kubernetesMemory() {
        return matching(Pattern.compile("[1-9][0-9]{0,5}(Ki|Mi|Gi)"),
                "Allowed: a Kubernetes memory quantity of 1 to 6 digits and Ki, Mi or Gi, such as 512Mi or 2Gi.");
    }

    /** A Kubernetes CPU quantity: millicores such as 250m, or cores with at most three decimals such as 0.5 or 2. */
    static ValueType<String> kubernetesCpu() {
        return matching(Pattern.compile("[1-9][0-9]{0,5}m|0\\.[0-9]{0,2}[1-9]|[1-9][0-9]{0,2}(\\.[0-9]{1,3})?"),
                "Allowed: a Kubernetes CPU quantity, millicores such as 250m or cores such as 0.5 or 2.");
    }

    /** A DNS-1123 label, as Kubernetes names namespaces, services and secrets: 1 to 63 of a-z 0-9 -. */
    static ValueType<String> dnsLabel() {
        return matching(Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"),
                "Allowed: a DNS-1123 label: 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit.");
    }

    static ValueType<Integer> port() {
        return wholeNumber(1, 65535, "Allowed: a TCP port number from 1 to 65535.");
    }

    /** Strictly {@code true} or {@code false}: "yes" is an error, not false. */
    static ValueType<Boolean> bool() {
        return of("Allowed: true or false.", value -> switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        });
    }

    /** An absolute path without spaces, quotes, shell or nginx syntax; one trailing '/' is dropped. */
    static ValueType<String> absolutePath(String example) {
        String allowed = "Allowed: an absolute path made of letters, digits and . _ - between '/' "
                + "(no spaces, quotes, ';' or braces), such as " + example + ".";
        Pattern path = Pattern.compile("(/[A-Za-z0-9._-]+)+");
        return new ValueType<>() {
            @Override
            public String parse(String label, String value) {
                String trimmed = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                if (trimmed.contains("/./") || trimmed.contains("/../") || trimmed.endsWith("/..") || trimmed.endsWith("/.")) {
                    throw new InvalidSettingException(label, value, allowed + " No '.' or '..' segments.");
                }
                if (!path.matcher(trimmed).matches()) {
                    throw new InvalidSettingException(label, trimmed, allowed);
                }
                return trimmed;
            }

            @Override
            public String allowed() {
                return allowed;
            }
        };
    }

    /**
     * A container image with an explicit tag or digest, never {@code latest}: name[:tag][@digest]
     * with the lower-case repository path the OCI distribution spec allows.
     */
    static ValueType<String> image() {
        Pattern image = IMAGE_REFERENCE;
        return of("Allowed: an image reference with an explicit tag or digest, such as "
                + "'eclipse-temurin:21-jre' or 'nginx:1.28' (not 'latest', no spaces or quotes).", value -> {
                    Matcher matcher = image.matcher(value);
                    boolean pinned = matcher.matches() && (matcher.group("tag") != null || matcher.group("digest") != null)
                            && !"latest".equals(matcher.group("tag"));
                    return pinned ? value : null;
                });
    }
}
