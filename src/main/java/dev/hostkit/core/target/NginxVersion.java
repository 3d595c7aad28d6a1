package dev.hostkit.core.target;

import dev.hostkit.core.settings.ValueType;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the nginx a target's site runs on, for the directives that changed between
 * versions: from nginx 1.25.1 HTTP/2 is {@code http2 on;} and {@code listen … http2} is deprecated
 * (nginx warns at start); older versions know only the {@code listen} parameter.
 *
 * @param patch the patch version, or -1 when only {@code major.minor} is known (an image tag such as
 *              {@code nginx:1.25} follows that line's newest release)
 */
public record NginxVersion(int major, int minor, int patch) {
    private static final Pattern VERSION = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})(?:\\.([0-9]{1,3}))?");
    /** An image tag that names a version: {@code 1.28}, {@code 1.28.0}, {@code 1.28-alpine}, {@code 1.27.4-alpine-slim}. */
    private static final Pattern IMAGE_TAG = Pattern.compile(":(" + VERSION.pattern() + ")(?:-[A-Za-z0-9.-]+)?$");

    /** {@code 1.22}, {@code 1.26.3}: a version an operator names. */
    public static final ValueType<String> TYPE = ValueType.matching(VERSION,
            "Allowed: an nginx version, major.minor or major.minor.patch, such as 1.22 or 1.26.3.");

    public static NginxVersion parse(String version) {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an nginx version: " + version);
        }
        return of(matcher, 1);
    }

    /** The version an image reference's tag names ({@code nginx:1.28-alpine}: 1.28), if it names one. */
    public static Optional<NginxVersion> ofImage(String image) {
        if (image.contains("@")) {
            return Optional.empty();
        }
        Matcher matcher = IMAGE_TAG.matcher(image);
        return matcher.find() ? Optional.of(of(matcher, 2)) : Optional.empty();
    }

    private static NginxVersion of(Matcher matcher, int first) {
        String patch = matcher.group(first + 2);
        return new NginxVersion(Integer.parseInt(matcher.group(first)), Integer.parseInt(matcher.group(first + 1)),
                patch == null ? -1 : Integer.parseInt(patch));
    }

    /** Whether this nginx has the {@code http2} directive (1.25.1 and later). */
    public boolean hasHttp2Directive() {
        int line = major * 1000 + minor;
        return line > 1025 || line == 1025 && patch != 0;
    }

    @Override
    public String toString() {
        return major + "." + minor + (patch < 0 ? "" : "." + patch);
    }
}
