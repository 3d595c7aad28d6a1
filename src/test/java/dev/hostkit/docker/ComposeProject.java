package dev.hostkit.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.HttpResponse;
import dev.hostkit.testing.Poll;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.Tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a compose file with docker compose v2 itself ({@code Tools.fromGoProxy("docker-compose")},
 * standalone, {@code DOCKER_HOST} at the private daemon), so depends_on conditions, healthchecks,
 * volumes, limits and env files are what Docker does. One thing differs from a deploy: a test
 * override file ({@link #overrideFile}) publishes each port on a free loopback port instead of
 * the machine's port 80/443. The network compose creates is let through the host's FORWARD chain
 * and checked ({@link BridgeNetwork#existing}). {@link #close()} is {@code down --volumes}, whatever
 * state the project is in.
 */
final class ComposeProject implements AutoCloseable {
    /** How long one compose command other than a wait may take (a build: the image's layers). */
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);

    private final PrivateDocker docker;
    private final ComposeFile compose;
    private final Path override;
    private BridgeNetwork network;

    ComposeProject(PrivateDocker docker, ComposeFile compose) {
        this.docker = docker;
        this.compose = compose;
        this.override = overrideFile(docker, compose);
    }

    ComposeFile file() {
        return compose;
    }

    /** {@code docker compose build}: every service with a build section, tagged with its image (the classic builder). */
    ComposeProject build() {
        compose(COMMAND_TIMEOUT, "build").orThrow();
        return this;
    }

    /**
     * {@code docker compose up --detach --wait}: compose creates the network and the named
     * volumes, starts each service once the services it depends on meet their condition, and
     * waits (at most CONDITION_TIMEOUT) until every service runs and, with a healthcheck, is healthy.
     */
    ComposeProject up(Duration conditionTimeout) {
        compose(COMMAND_TIMEOUT, "up", "--no-start", "--no-build", "--pull", "never").orThrow();
        network = BridgeNetwork.existing(docker, compose.network());
        Commands.Result up = compose(conditionTimeout.plusSeconds(30), "up", "--detach", "--no-build", "--pull", "never",
                "--wait", "--wait-timeout", Long.toString(conditionTimeout.toSeconds()));
        if (!up.ok()) {
            throw new AssertionError("docker compose up failed:\n" + up.describe() + "\n" + diagnostics());
        }
        return this;
    }

    /** Runs {@code docker compose} on this project (its file and the test override) with these arguments. */
    Commands.Result compose(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Tools.fromGoProxy("docker-compose"), "--file", compose.file().toString(),
                "--file", override.toString(), "--ansi", "never", "--progress", "plain"));
        command.addAll(Arrays.asList(arguments));
        return Commands.run(command, compose.file().toAbsolutePath().getParent(), docker.environment(), timeout);
    }

    String container(String service) {
        return compose.containerName(compose.service(service));
    }

    /**
     * Waits until a service meets a depends_on condition: service_started, service_healthy or
     * service_completed_successfully; fails at once when it can no longer hold.
     */
    void waitFor(String service, String condition, Duration timeout) {
        String container = container(service);
        try {
            Poll.until(service + " (" + container + ") to reach " + condition, timeout, left -> {
                String state = docker.docker(Poll.atMost(left, Duration.ofSeconds(10)), null, "inspect", "--format",
                        "{{.State.Status}} {{.State.ExitCode}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}", container)
                        .orThrow().trim();
                return met(service, condition, state) ? state : null;
            });
        } catch (AssertionError notMet) {
            throw new AssertionError(notMet.getMessage() + "\n" + diagnostics(container), notMet.getCause());
        }
    }

    /** Whether a container's "status exit-code health" meets the condition; throws when it never will. */
    private static boolean met(String service, String condition, String state) {
        String[] parts = state.split(" ");
        String status = parts[0];
        String health = parts[2];
        boolean met = switch (condition) {
            case "service_started" -> status.equals("running");
            case "service_healthy" -> {
                if (health.equals("none")) {
                    throw new AssertionError(service + " has no healthcheck, so condition service_healthy can never hold");
                }
                if (health.equals("unhealthy")) {
                    throw new AssertionError(service + " became unhealthy");
                }
                yield health.equals("healthy");
            }
            case "service_completed_successfully" -> status.equals("exited") && parts[1].equals("0");
            default -> throw new IllegalArgumentException("unknown depends_on condition " + condition);
        };
        if (!met && (status.equals("exited") || status.equals("dead"))) {
            throw new AssertionError(service + " stopped (" + state + ") while waiting for " + condition);
        }
        if (!met) {
            throw new Poll.NotYet("state " + state);
        }
        return true;
    }

    /** The docker volume of a named volume of the compose file. */
    String volume(String volume) {
        if (!compose.volumes().contains(volume)) {
            throw new IllegalArgumentException("no volume " + volume + " in " + compose.file());
        }
        return compose.volumeName(volume);
    }

    /** The loopback port the daemon published a container port of a service on ({@code docker compose port}). */
    int publishedPort(String service, int containerPort) {
        String mapping = compose(Duration.ofSeconds(30), "port", service, Integer.toString(containerPort)).orThrow().strip();
        if (mapping.isEmpty()) {
            throw new AssertionError(service + " publishes no port " + containerPort);
        }
        return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
    }

    /** Logs and health-check results of a container, for failure messages. */
    String diagnostics(String container) {
        Commands.Result logs = docker.docker("logs", "--tail", "60", container);
        Commands.Result health = docker.docker("inspect", "--format", "{{json .State}}", container);
        return "--- docker logs " + container + " ---\n" + logs.stdout() + logs.stderr()
                + "\n--- state ---\n" + health.stdout();
    }

    /** What compose says about the project's containers, and each one's logs and state. */
    String diagnostics() {
        StringBuilder text = new StringBuilder("--- docker compose ps --all ---\n")
                .append(compose(Duration.ofSeconds(30), "ps", "--all").output());
        compose.services().forEach(service -> text.append('\n').append(diagnostics(compose.containerName(service))));
        return text.toString();
    }

    @Override
    public void close() {
        compose(Duration.ofMinutes(2), "down", "--volumes", "--remove-orphans", "--timeout", "5");
        // What a test started beside the project with its label (compose leaves a container without a service label).
        String labelled = docker.docker("ps", "--all", "--quiet", "--filter", "label=com.docker.compose.project=" + compose.name()).stdout();
        List<String> containers = labelled.lines().filter(line -> !line.isBlank()).toList();
        if (!containers.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "--force", "--volumes"));
            args.addAll(containers);
            docker.docker(args.toArray(String[]::new));
        }
        if (network != null) {
            network.close();
        }
        try {
            Files.deleteIfExists(override);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test override: each published port of the compose file on a free port of 127.0.0.1
     * ({@code !override} replaces the file's list), so that tests never take the machine's port
     * 80 or 443, nor listen on its interfaces; {@link #publishedPort} tells which port it got.
     * A fixed port, not one the daemon picks ({@code 127.0.0.1::80}): the daemon would pick
     * another one each time the container starts again (a restart: true dependent).
     */
    private static Path overrideFile(PrivateDocker docker, ComposeFile compose) {
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        compose.services().stream().filter(service -> !service.ports().isEmpty())
                .forEach(service -> ports.put(service.name(), service.ports()));
        StringBuilder yaml = new StringBuilder("# Test override: published ports on free loopback ports only.\nservices:");
        if (ports.isEmpty()) {
            yaml.append(" {}");
        }
        ports.forEach((service, targets) -> {
            yaml.append("\n  ").append(service).append(":\n    ports: !override");
            targets.forEach(target -> yaml.append("\n      - \"127.0.0.1:").append(Ports.free()).append(':').append(target).append('"'));
        });
        try {
            Path dir = Files.createDirectories(docker.dir().resolve("compose-overrides"));
            return Files.writeString(dir.resolve(compose.name() + ".override.yaml"), yaml.append('\n').toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A request to a port the daemon published. Right after nginx's container starts,
     * docker-proxy may accept a connection and close it before nginx listens: such a request is
     * repeated, for up to 10 s.
     */
    static HttpResponse untilAnswered(Supplier<HttpResponse> request) {
        return Poll.until("an answer through the published port", Duration.ofSeconds(10), left -> {
            HttpResponse response = request.get();
            if (response.noAnswer()) {
                throw new Poll.NotYet(response.toString());
            }
            return response;
        });
    }
}
