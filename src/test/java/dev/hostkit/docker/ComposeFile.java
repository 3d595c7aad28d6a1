package dev.hostkit.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compose file read for the compose-like runner: no compose implementation that understands
 * the compose spec (docker compose v2) is installable here, so {@link ComposeProject} drives
 * the same services with {@code docker run}, from this file's own values.
 * <p>
 * Strict on purpose: a key it does not know fails the test, naming the key, so a template that
 * starts using new compose features cannot pass untested. Supported: top-level {@code name},
 * {@code services} and {@code volumes} (named volumes with no options: {@code static: {}});
 * per service {@code image, build (context, dockerfile), restart, env_file,
 * environment, expose, healthcheck (test, interval, timeout, retries, start_period, disable),
 * read_only, tmpfs, cap_drop, cap_add, security_opt, ports, volumes (bind mounts and named
 * volumes declared at the top level), depends_on (condition), user}. Interpolation: {@code $$}
 * is a literal {@code $}; a variable reference fails.
 */
final class ComposeFile {
    private static final Set<String> TOP_LEVEL = Set.of("name", "services", "volumes");
    private static final Set<String> SERVICE_KEYS = Set.of("image", "build", "restart", "env_file", "environment", "expose",
            "healthcheck", "read_only", "tmpfs", "cap_drop", "cap_add", "security_opt", "ports", "volumes", "depends_on", "user");
    private static final Set<String> BUILD_KEYS = Set.of("context", "dockerfile");
    private static final Set<String> HEALTHCHECK_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period", "disable");

    /** How a service's container publishes a port: compose's host side, and the container port. */
    record Port(String hostIp, String hostPort, String containerPort, String protocol) {}

    record Healthcheck(List<String> test, String interval, String timeout, String retries, String startPeriod, boolean disabled) {}

    record Service(String name, String image, Path buildContext, String dockerfile, String restart, List<Path> envFiles,
                   Map<String, String> environment, List<String> expose, Healthcheck healthcheck, boolean readOnly,
                   List<String> tmpfs, List<String> capDrop, List<String> capAdd, List<String> securityOpt,
                   List<Port> ports, List<String> volumes, Map<String, String> dependsOn, String user) {}

    private final Path file;
    private final String name;
    private final List<Service> services;
    private final List<String> volumes;

    private ComposeFile(Path file, String name, List<Service> services, List<String> volumes) {
        this.file = file;
        this.name = name;
        this.services = services;
        this.volumes = volumes;
    }

    static ComposeFile read(Path composeFile) {
        Map<String, Object> root;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = new ObjectMapper(new YAMLFactory()).readValue(composeFile.toFile(), Map.class);
            root = parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + composeFile, e);
        }
        Path dir = composeFile.toAbsolutePath().getParent();
        requireKnown(root.keySet(), TOP_LEVEL, "top level");
        String name = string(root.get("name"), "name");
        if (name == null) {
            name = dir.getFileName().toString();
        }
        List<String> volumes = volumes(root.get("volumes"));
        String project = name;
        Map<String, Object> services = map(root.get("services"), "services");
        List<Service> parsed = new ArrayList<>();
        services.forEach((serviceName, definition) -> parsed.add(service(serviceName, map(definition, serviceName), dir, project, volumes)));
        return new ComposeFile(composeFile, name, startOrder(parsed), volumes);
    }

    /**
     * The top-level named volumes. Only compose's defaults are supported (local driver, no
     * options, created by the project): {@code static: {}} or {@code static:}. A key such as
     * {@code external}, {@code driver} or {@code name} fails, as every unknown key does.
     */
    private static List<String> volumes(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        map(value, "volumes").forEach((volume, definition) -> {
            if (definition != null) {
                requireKnown(map(definition, "volumes." + volume).keySet(), Set.of(), "volumes." + volume);
            }
            names.add(volume);
        });
        return List.copyOf(names);
    }

    Path file() {
        return file;
    }

    String name() {
        return name;
    }

    /** The services, each after those it depends on. */
    List<Service> services() {
        return services;
    }

    Service service(String serviceName) {
        return services.stream().filter(service -> service.name().equals(serviceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + serviceName + " in " + file));
    }

    /** The named volumes of the top-level {@code volumes}, as the compose file names them. */
    List<String> volumes() {
        return volumes;
    }

    /** The docker volume compose would create for a named volume: {@code <project>_<volume>}. */
    String volumeName(String volume) {
        return volumeName(name, volume);
    }

    private static String volumeName(String project, String volume) {
        return project + "_" + volume;
    }

    /** The network compose would create for the project: {@code <name>_default}. */
    String network() {
        return name + "_default";
    }

    /** Compose v2's container name: {@code <project>-<service>-1}. */
    String containerName(Service service) {
        return name + "-" + service.name() + "-1";
    }

    /** The image compose would run: the service's {@code image}, or {@code <project>-<service>} for a build. */
    String imageOf(Service service) {
        return service.image() != null ? service.image() : name + "-" + service.name();
    }

    /**
     * The {@code docker run} arguments (after {@code run}) that start this service as compose
     * would. Published ports are bound to loopback, on a free port the daemon picks, instead of
     * compose's host port (tests must not take port 80 of the machine, nor listen on its interfaces).
     */
    List<String> runArguments(Service service) {
        List<String> args = new ArrayList<>(List.of("--detach", "--name", containerName(service),
                "--network", network(), "--network-alias", service.name(), "--hostname", containerName(service),
                "--label", "com.docker.compose.project=" + name, "--label", "com.docker.compose.service=" + service.name(),
                "--pull", "never"));
        if (service.restart() != null) {
            args.addAll(List.of("--restart", service.restart()));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        service.envFiles().forEach(envFile -> environment.putAll(EnvFile.read(envFile)));
        environment.putAll(service.environment());
        environment.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        service.expose().forEach(port -> args.addAll(List.of("--expose", port)));
        Healthcheck health = service.healthcheck();
        if (health != null) {
            if (health.disabled() || (health.test() != null && health.test().equals(List.of("NONE")))) {
                args.add("--no-healthcheck");
            } else {
                if (health.test() != null) {
                    args.addAll(List.of("--health-cmd", shellCommand(health.test())));
                }
                addIfSet(args, "--health-interval", health.interval());
                addIfSet(args, "--health-timeout", health.timeout());
                addIfSet(args, "--health-retries", health.retries());
                addIfSet(args, "--health-start-period", health.startPeriod());
            }
        }
        if (service.readOnly()) {
            args.add("--read-only");
        }
        service.tmpfs().forEach(path -> args.addAll(List.of("--tmpfs", path)));
        service.capDrop().forEach(cap -> args.addAll(List.of("--cap-drop", cap)));
        service.capAdd().forEach(cap -> args.addAll(List.of("--cap-add", cap)));
        service.securityOpt().forEach(option -> args.addAll(List.of("--security-opt", option)));
        for (Port port : service.ports()) {
            args.addAll(List.of("--publish", "127.0.0.1::" + port.containerPort() + "/" + port.protocol()));
        }
        service.volumes().forEach(volume -> args.addAll(List.of("--volume", volume)));
        if (service.user() != null) {
            args.addAll(List.of("--user", service.user()));
        }
        args.add(imageOf(service));
        return args;
    }

    /**
     * A healthcheck test as {@code docker run --health-cmd} takes it. That flag only has the
     * shell form (CMD-SHELL), so compose's exec form {@code ["CMD", args...]} becomes the same
     * argument vector, each word single-quoted for /bin/sh.
     */
    static String shellCommand(List<String> test) {
        if (test.isEmpty()) {
            throw new IllegalArgumentException("empty healthcheck test");
        }
        return switch (test.get(0)) {
            case "CMD-SHELL" -> {
                if (test.size() != 2) {
                    throw new IllegalArgumentException("CMD-SHELL takes one command string: " + test);
                }
                yield test.get(1);
            }
            case "CMD" -> String.join(" ", test.subList(1, test.size()).stream().map(ComposeFile::shellQuote).toList());
            default -> throw new IllegalArgumentException("healthcheck test must start with CMD, CMD-SHELL or NONE: " + test);
        };
    }

    private static void addIfSet(List<String> args, String flag, String value) {
        if (value != null) {
            args.addAll(List.of(flag, value));
        }
    }

    static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static Service service(String name, Map<String, Object> definition, Path dir, String project, List<String> namedVolumes) {
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
                ports, volumes, dependsOn(definition.get("depends_on"), where + "depends_on"), string(definition.get("user"), where + "user"));
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
            resolved = volumeName(project, source);
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

    private static List<Service> startOrder(List<Service> services) {
        Map<String, Service> byName = new LinkedHashMap<>();
        services.forEach(service -> byName.put(service.name(), service));
        Set<String> done = new LinkedHashSet<>();
        for (Service service : services) {
            visit(service, byName, done, new LinkedHashSet<>());
        }
        return done.stream().map(byName::get).toList();
    }

    private static void visit(Service service, Map<String, Service> byName, Set<String> done, Set<String> path) {
        if (done.contains(service.name())) {
            return;
        }
        if (!path.add(service.name())) {
            throw new IllegalArgumentException("depends_on cycle: " + path);
        }
        for (String dependency : service.dependsOn().keySet()) {
            Service required = byName.get(dependency);
            if (required == null) {
                throw new IllegalArgumentException("service " + service.name() + " depends on unknown service " + dependency);
            }
            visit(required, byName, done, path);
        }
        done.add(service.name());
    }

    private static void requireKnown(Set<String> keys, Set<String> known, String where) {
        for (String key : keys) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("compose key '" + key + "' (" + where + ") is not supported by the "
                        + "compose-like runner of the docker tests: teach dev.hostkit.docker.ComposeFile what compose does with it");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value, String where) {
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

    private static String string(Object value, String where) {
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
