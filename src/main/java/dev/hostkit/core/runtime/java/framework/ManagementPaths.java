package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The framework's management endpoints, private behind nginx: nginx answers 404 for each
 * prefix and everything under it (path parameters such as {@code /actuator;x/env} included),
 * except the paths hosting.publicManagementPaths opens on purpose. The health probes ask each
 * instance directly, never through nginx.
 *
 * @param prefixes    the private path prefixes, such as {@code /actuator}
 * @param publicPaths the paths under them that nginx passes on
 */
public record ManagementPaths(List<String> prefixes, List<String> publicPaths) {
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");
    /**
     * The path itself or anything under it as nginx sees it (decoded, no ';'), with no segment that
     * starts with '.'. One flat character class, no nested quantifier: gixy's regex_redos check holds.
     */
    private static final String SEGMENTS = "(?:$|/(?!\\.)(?!.*/\\.)[A-Za-z0-9._~/-]*$)";

    public static final Setting<List<String>> PUBLIC_MANAGEMENT_PATHS = Setting.list("publicManagementPaths",
            "none",
            "Management paths nginx serves on purpose, such as `/actuator/health` (and what is under it); every other "
                    + "one under `/actuator` (Spring Boot) or `/q` (Quarkus) answers 404 through nginx.")
            .shownAs("java.framework.publicManagementPaths");

    public ManagementPaths {
        prefixes = List.copyOf(prefixes);
        publicPaths = List.copyOf(publicPaths);
    }

    /** The framework's prefixes and the public paths the setting names, each under one of them. */
    static ManagementPaths resolve(Framework framework, AppConfig config, SettingValues settings) {
        List<String> prefixes = framework.managementPaths(config);
        List<String> publicPaths = new ArrayList<>();
        for (String entry : settings.list(PUBLIC_MANAGEMENT_PATHS)) {
            for (String part : entry.split(",")) {
                String path = part.trim().replaceAll("(.)/+$", "$1");
                if (path.isEmpty()) {
                    continue;
                }
                if (!PATH.matcher(path).matches() || prefixes.stream().noneMatch(prefix -> isUnder(path, prefix))) {
                    throw new InvalidSettingException(PUBLIC_MANAGEMENT_PATHS.label(), part.trim(), allowed(framework, prefixes));
                }
                if (!publicPaths.contains(path)) {
                    publicPaths.add(path);
                }
            }
        }
        return new ManagementPaths(prefixes, publicPaths);
    }

    private static String allowed(Framework framework, List<String> prefixes) {
        return prefixes.isEmpty()
                ? "Allowed: none. The " + framework.name() + " app has no management endpoints on its own port for nginx to hide."
                : "Allowed: comma-separated paths of letters, digits and . _ ~ - under " + String.join(" or ", prefixes)
                + " (the management endpoints nginx hides), such as " + prefixes.get(0) + "/health.";
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * {@code java.framework.privatePaths}: each prefix with the nginx regex of it and of its public
     * paths (the nginx/private-paths partial). A prefix matches itself followed by '/', ';' or the end.
     */
    public List<Map<String, Object>> variables() {
        List<Map<String, Object>> locations = new ArrayList<>();
        for (String prefix : prefixes) {
            List<Map<String, String>> open = new ArrayList<>();
            publicPaths.stream().filter(path -> isUnder(path, prefix))
                    .forEach(path -> open.add(Map.of("path", path, "regex", "^" + regex(path) + SEGMENTS)));
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("prefix", prefix);
            location.put("regex", "^" + regex(prefix) + "(?:[/;]|$)");
            location.put("public", open);
            locations.add(location);
        }
        return locations;
    }

    /** A plain path as a regex: only '.' means something else there. */
    private static String regex(String path) {
        return path.replace(".", "\\.");
    }
}
