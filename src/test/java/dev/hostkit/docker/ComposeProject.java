package dev.hostkit.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.HttpResponse;
import dev.hostkit.testing.Poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a compose file's services on the private daemon with plain docker commands, as
 * {@code docker compose up --build} would: one bridge network {@code <name>_default} on which
 * each container is reachable by its service name (a {@link BridgeNetwork}: checked to be), each service built and started after the
 * services it depends on have met their condition; the top-level named volumes created as
 * {@code <name>_<volume>}. {@link #close()} removes the containers, the network and the
 * volumes, whatever state they are in.
 */
final class ComposeProject implements AutoCloseable {
    private final PrivateDocker docker;
    private final ComposeFile compose;
    private final List<String> started = new ArrayList<>();
    private final List<String> volumesCreated = new ArrayList<>();
    private BridgeNetwork network;

    ComposeProject(PrivateDocker docker, ComposeFile compose) {
        this.docker = docker;
        this.compose = compose;
    }

    ComposeFile file() {
        return compose;
    }

    /** {@code docker build} for every service with a build section, tagged with the service's image. */
    ComposeProject build() {
        for (ComposeFile.Service service : compose.services()) {
            if (service.buildContext() != null) {
                List<String> args = new ArrayList<>(List.of("build", "--tag", compose.imageOf(service)));
                if (service.dockerfile() != null) {
                    args.addAll(List.of("--file", service.buildContext().resolve(service.dockerfile()).toString()));
                }
                args.add(service.buildContext().toString());
                docker.docker(Duration.ofMinutes(10), null, args.toArray(String[]::new)).orThrow();
            }
        }
        return this;
    }

    /**
     * Creates the network and the named volumes, and starts every service in dependency order,
     * honouring each depends_on condition. A new, empty named volume is filled from the image
     * at its mount point by the first container that mounts it (docker's copy-up, as with compose).
     */
    ComposeProject up(Duration conditionTimeout) {
        network = BridgeNetwork.create(docker, compose.network(), "--label", "com.docker.compose.project=" + compose.name());
        for (String volume : compose.volumes()) {
            String volumeName = compose.volumeName(volume);
            volumesCreated.add(volumeName);
            docker.dockerOk("volume", "create", "--label", "com.docker.compose.project=" + compose.name(),
                    "--label", "com.docker.compose.volume=" + volume, volumeName);
        }
        for (ComposeFile.Service service : compose.services()) {
            service.dependsOn().forEach((dependency, condition) -> waitFor(dependency, condition, conditionTimeout));
            List<String> args = new ArrayList<>(List.of("run"));
            args.addAll(compose.runArguments(service));
            started.add(compose.containerName(service));
            docker.docker(args.toArray(String[]::new)).orThrow();
        }
        return this;
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

    /** The loopback port the daemon published a container port of a service on. */
    int publishedPort(String service, int containerPort) {
        String mapping = docker.dockerOk("port", container(service), containerPort + "/tcp").lines().findFirst()
                .orElseThrow(() -> new AssertionError(service + " publishes no port " + containerPort));
        return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
    }

    /** Logs and health-check results of a container, for failure messages. */
    String diagnostics(String container) {
        Commands.Result logs = docker.docker("logs", "--tail", "60", container);
        Commands.Result health = docker.docker("inspect", "--format", "{{json .State}}", container);
        return "--- docker logs " + container + " ---\n" + logs.stdout() + logs.stderr()
                + "\n--- state ---\n" + health.stdout();
    }

    @Override
    public void close() {
        List<String> containers = new ArrayList<>(started);
        String labelled = docker.docker("ps", "--all", "--quiet", "--filter", "label=com.docker.compose.project=" + compose.name()).stdout();
        labelled.lines().filter(line -> !line.isBlank()).forEach(containers::add);
        if (!containers.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "--force", "--volumes"));
            args.addAll(containers);
            docker.docker(args.toArray(String[]::new));
        }
        if (network != null) {
            network.close();
        }
        // Like `docker compose down --volumes`: the project's named volumes go too.
        List<String> volumes = new ArrayList<>(volumesCreated);
        docker.docker("volume", "ls", "--quiet", "--filter", "label=com.docker.compose.project=" + compose.name()).stdout()
                .lines().filter(line -> !line.isBlank() && !volumes.contains(line)).forEach(volumes::add);
        if (!volumes.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("volume", "rm", "--force"));
            args.addAll(volumes);
            docker.docker(args.toArray(String[]::new));
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
