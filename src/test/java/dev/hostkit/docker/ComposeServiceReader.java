package dev.hostkit.docker;

import dev.hostkit.docker.ComposeFile.Healthcheck;
import dev.hostkit.docker.ComposeFile.Port;
import dev.hostkit.docker.ComposeFile.Service;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hostkit.docker.ComposeValues.map;
import static dev.hostkit.docker.ComposeValues.requireKnown;
import static dev.hostkit.docker.ComposeValues.string;
import static dev.hostkit.docker.ComposeValues.strings;
import static dev.hostkit.docker.ComposeValues.interpolate;

/** One service of a compose file, read for the compose-like runner. */
final class ComposeServiceReader {
    private static final Set<String> SERVICE_KEYS = Set.of("image", "build", "restart", "env_file", "environment", "expose",
            "healthcheck", "read_only", "tmpfs", "cap_drop", "cap_add", "security_opt", "ports", "volumes", "depends_on", "user",
            "mem_limit", "cpus");
    private static final Set<String> BUILD_KEYS = Set.of("context", "dockerfile");
    private static final Set<String> HEALTHCHECK_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period", "disable");

    private ComposeServiceReader() {}

    static Service service(String name, Map<String, Object> definition, Path dir, String project, List<String> namedVolumes) {
        requireKnown(definition.keySet(), SERVICE_KEYS, "service " + name);
        String where = "services." + name + ".";
        Path buildContext = null;
        String dockerfile = null;
        Object build = definition.get("build");
        if (build instanceof String context) {
            buildContext = dir.resolve(interpolate(context, where + "build")).normalize();
        } else if (build != null) {
            Map<String, Object> buildMap = map(build, where + "build");
            requireKnown(buildMap.keySet(), BUILD_KEYS, where + "build");
            buildContext = dir.resolve(string(buildMap.getOrDefault("context", "."), where + "build.context")).normalize();
            dockerfile = string(buildMap.get("dockerfile"), where + "build.dockerfile");
        }
        String image = string(definition.get("image"), where + "image");
        if (image == null && buildContext == null) {
            throw new IllegalArgumentException(where + ": neither image nor build");
        }
        List<Path> envFiles = strings(definition.get("env_file"), where + "env_file").stream()
                .map(path -> dir.resolve(path).normalize()).toList();
        Map<String, String> environment = environment(definition.get("environment"), where + "environment");
        Healthcheck healthcheck = null;
        if (definition.get("healthcheck") != null) {
            Map<String, Object> health = map(definition.get("healthcheck"), where + "healthcheck");
            requireKnown(health.keySet(), HEALTHCHECK_KEYS, where + "healthcheck");
            Object test = health.get("test");
            List<String> testVector = test == null ? null
                    : test instanceof String shell ? List.of("CMD-SHELL", interpolate(shell, where + "healthcheck.test"))
                    : strings(test, where + "healthcheck.test");
            healthcheck = new Healthcheck(testVector, string(health.get("interval"), where + "healthcheck.interval"),
                    string(health.get("timeout"), where + "healthcheck.timeout"), string(health.get("retries"), where + "healthcheck.retries"),
                    string(health.get("start_period"), where + "healthcheck.start_period"),
                    Boolean.parseBoolean(string(health.get("disable"), where + "healthcheck.disable")));
        }
        List<Port> ports = strings(definition.get("ports"), where + "ports").stream().map(spec -> port(spec, where + "ports")).toList();
        List<String> volumes = strings(definition.get("volumes"), where + "volumes").stream()
                .map(spec -> mount(spec, dir, project, namedVolumes, where + "volumes")).toList();
        return new Service(name, image, buildContext, dockerfile, string(definition.get("restart"), where + "restart"), envFiles,
                environment, strings(definition.get("expose"), where + "expose"), healthcheck,
                Boolean.parseBoolean(string(definition.get("read_only"), where + "read_only")),
                strings(definition.get("tmpfs"), where + "tmpfs"), strings(definition.get("cap_drop"), where + "cap_drop"),
                strings(definition.get("cap_add"), where + "cap_add"), strings(definition.get("security_opt"), where + "security_opt"),
                ports, volumes, dependsOn(definition.get("depends_on"), where + "depends_on"), string(definition.get("user"), where + "user"),
                string(definition.get("mem_limit"), where + "mem_limit"), string(definition.get("cpus"), where + "cpus"));
    }

    /** Compose's short port syntax: {@code [[ip:]host:]container[/protocol]}. */
    private static Port port(String spec, String where) {
        String protocol = "tcp";
        String body = spec;
        int slash = body.indexOf('/');
        if (slash >= 0) {
            protocol = body.substring(slash + 1);
            body = body.substring(0, slash);
        }
        String[] parts = body.split(":");
        return switch (parts.length) {
            case 1 -> new Port(null, null, parts[0], protocol);
            case 2 -> new Port(null, parts[0], parts[1], protocol);
            case 3 -> new Port(parts[0], parts[1], parts[2], protocol);
            default -> throw new IllegalArgumentException(where + ": port syntax not supported: " + spec);
        };
    }

    /**
     * A short-syntax mount {@code source:target[:mode]} as {@code docker run --volume} takes it:
     * a bind mount's source ({@code /...} or {@code ./...}) made absolute from the compose file's
     * folder, a named volume's the project's volume {@code <project>_<name>}, which the top-level
     * {@code volumes} must declare (as compose requires). Modes: {@code ro}, {@code rw}.
     */
    private static String mount(String spec, Path dir, String project, List<String> namedVolumes, String where) {
        String[] parts = spec.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(where + ": volume syntax not supported: " + spec);
        }
        if (parts.length == 3 && !Set.of("ro", "rw").contains(parts[2])) {
            throw new IllegalArgumentException(where + ": volume mode not supported by the compose-like runner: " + spec);
        }
        if (!parts[1].startsWith("/")) {
            throw new IllegalArgumentException(where + ": a mount target must be an absolute path: " + spec);
        }
        String source = parts[0];
        String resolved;
        if (source.startsWith("/")) {
            resolved = source;
        } else if (source.startsWith(".")) {
            resolved = dir.resolve(source).normalize().toString();
        } else if (namedVolumes.contains(source)) {
            resolved = ComposeFile.volumeName(project, source);
        } else {
            throw new IllegalArgumentException(where + ": service refers to undefined volume " + source
                    + " (declare it in the top-level volumes): " + spec);
        }
        return resolved + ":" + parts[1] + (parts.length == 3 ? ":" + parts[2] : "");
    }

    private static Map<String, String> dependsOn(Object value, String where) {
        Map<String, String> conditions = new LinkedHashMap<>();
        if (value == null) {
            return conditions;
        }
        if (value instanceof List<?>) {
            strings(value, where).forEach(service -> conditions.put(service, "service_started"));
            return conditions;
        }
        map(value, where).forEach((service, definition) -> {
            Map<String, Object> options = map(definition, where + "." + service);
            requireKnown(options.keySet(), Set.of("condition"), where + "." + service);
            conditions.put(service, string(options.getOrDefault("condition", "service_started"), where + "." + service + ".condition"));
        });
        return conditions;
    }

    private static Map<String, String> environment(Object value, String where) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (value == null) {
            return environment;
        }
        if (value instanceof List<?>) {
            for (String entry : strings(value, where)) {
                int equals = entry.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException(where + ": taking a variable from the deploying shell is not supported: " + entry);
                }
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
            return environment;
        }
        map(value, where).forEach((key, entry) -> environment.put(key, string(entry, where + "." + key)));
        return environment;
    }
}
