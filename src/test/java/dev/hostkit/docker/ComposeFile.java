package dev.hostkit.docker;

import dev.hostkit.testing.ComposeEnvFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * volumes declared at the top level), depends_on (condition), user, mem_limit, cpus}. Interpolation: {@code $$}
 * is a literal {@code $}; a variable reference fails.
 */
final class ComposeFile {
    /** How a service's container publishes a port: compose's host side, and the container port. */
    record Port(String hostIp, String hostPort, String containerPort, String protocol) {}

    record Healthcheck(List<String> test, String interval, String timeout, String retries, String startPeriod, boolean disabled) {}

    record Service(String name, String image, Path buildContext, String dockerfile, String restart, List<Path> envFiles,
                   Map<String, String> environment, List<String> expose, Healthcheck healthcheck, boolean readOnly,
                   List<String> tmpfs, List<String> capDrop, List<String> capAdd, List<String> securityOpt,
                   List<Port> ports, List<String> volumes, Map<String, String> dependsOn, String user, String memLimit,
                   String cpus) {}

    private final Path file;
    private final String name;
    private final List<Service> services;
    private final List<String> volumes;

    ComposeFile(Path file, String name, List<Service> services, List<String> volumes) {
        this.file = file;
        this.name = name;
        this.services = services;
        this.volumes = volumes;
    }

    /** Reads a compose file strictly ({@link ComposeFileReader}): an unknown key fails. */
    static ComposeFile read(Path composeFile) {
        return ComposeFileReader.read(composeFile);
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

    static String volumeName(String project, String volume) {
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
        service.envFiles().forEach(envFile -> environment.putAll(ComposeEnvFile.literal(envFile)));
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
        addIfSet(args, "--memory", service.memLimit());
        addIfSet(args, "--cpus", service.cpus());
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
}
