package dev.hostkit.core.model;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.settings.ValueType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The application as every target sees it.
 *
 * @param port       the port the app (its first instance) listens on
 * @param healthPath what health probes request
 */
public record App(String name, String version, int port, String healthPath) {
    private static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String NAME_ALLOWED = "Allowed: 1 to 63 lower-case letters, digits and '-', starting and ending "
            + "with a letter or digit (it names the image, the compose project, the nginx upstream and later units).";

    public static final Setting<String> NAME = Setting.value("appName", ValueType.matching(NAME_PATTERN, NAME_ALLOWED),
            "the artifactId, lower-cased, other characters → `-`",
            "The application's name (image, compose project, nginx upstream, system user and unit): 1–63 of "
                    + "`a-z 0-9 -`, not starting or ending with `-`.")
            .shownAs("app.name");
    public static final Setting<Integer> PORT = Setting.value("port", ValueType.port(),
            "the port the app's own configuration sets (Java), else `8080` for Java, `8000` for Python",
            "The TCP port the application listens on, 1–65535.")
            .shownAs("app.port");
    public static final Setting<String> HEALTH_PATH = Setting.value("healthPath", ValueType.matching(
                    Pattern.compile("/[A-Za-z0-9._~/-]*(\\?[A-Za-z0-9._~=&/-]*)?"),
                    "Allowed: a path that starts with '/' made of letters, digits and . _ ~ / -, "
                            + "optionally followed by ?query of the same and = &."),
            "the framework's readiness path (Java, see its section), else `/`", "The path the health probes request, which must answer 2xx or 3xx: `/` and letters, digits, "
                    + "`. _ ~ / -`, optionally `?query` (adding `= &`).")
            .shownAs("app.healthPath");
    public static final List<Setting<?>> SETTINGS = List.of(NAME, PORT, HEALTH_PATH);

    /**
     * What the app's runtime (and its framework) says when hosting.port or hosting.healthPath is not set.
     *
     * @param healthPath a path {@link #HEALTH_PATH} allows
     */
    public record Defaults(int port, String healthPath) {
        /** The runtime's port and {@code /}. */
        public static Defaults port(int port) {
            return new Defaults(port, "/");
        }
    }

    /** @param defaultPort the port of the app's runtime, when hosting.port is not set */
    public static App resolve(SettingValues settings, ProjectFacts project, int defaultPort) {
        return resolve(settings, project, Defaults.port(defaultPort));
    }

    public static App resolve(SettingValues settings, ProjectFacts project, Defaults defaults) {
        String name = settings.get(NAME).orElseGet(() -> nameFrom(project.artifactId()));
        return new App(name, project.version(), settings.getOr(PORT, defaults.port()),
                settings.getOr(HEALTH_PATH, defaults.healthPath()));
    }

    /** The artifactId lower-cased, other characters turned into '-', at most 63 characters. */
    private static String nameFrom(String artifactId) {
        String derived = artifactId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (derived.length() > 63) {
            derived = derived.substring(0, 63).replaceAll("-+$", "");
        }
        if (!NAME_PATTERN.matcher(derived).matches()) {
            throw new InvalidSettingException(NAME.label(), derived, NAME_ALLOWED
                    + " The default comes from the artifactId '" + artifactId + "'; set hosting.appName.");
        }
        return derived;
    }

    public Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("name", name);
        vars.put("version", version);
        vars.put("port", port);
        vars.put("healthPath", healthPath);
        return vars;
    }
}
