package dev.hostkit.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.Daemon;
import dev.hostkit.testing.HttpResponse;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a compose file's services on the private daemon with plain docker commands, as
 * {@code docker compose up --build} would: one bridge network {@code <name>_default} on which
 * each container is reachable by its service name, each service built and started after the
 * services it depends on have met their condition; the top-level named volumes created as
 * {@code <name>_<volume>}. {@link #close()} removes the containers, the network and the
 * volumes, whatever state they are in.
 */
final class ComposeProject implements AutoCloseable {
    private final PrivateDocker docker;
    private final ComposeFile compose;
    private final List<String> started = new ArrayList<>();
    private final List<String> volumesCreated = new ArrayList<>();
    private boolean networkCreated;

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
        docker.dockerOk("network", "create", "--label", "com.docker.compose.project=" + compose.name(), compose.network());
        networkCreated = true;
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

    /** Waits until a service meets a depends_on condition: service_started, service_healthy or service_completed_successfully. */
    void waitFor(String service, String condition, Duration timeout) {
        String container = container(service);
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = docker.dockerOk("inspect", "--format",
                    "{{.State.Status}} {{.State.ExitCode}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}", container);
            String[] parts = state.split(" ");
            String status = parts[0];
            String health = parts[2];
            switch (condition) {
                case "service_started" -> {
                    if (status.equals("running")) {
                        return;
                    }
                }
                case "service_healthy" -> {
                    if (health.equals("none")) {
                        throw new AssertionError(service + " has no healthcheck, so condition service_healthy can never hold");
                    }
                    if (health.equals("healthy")) {
                        return;
                    }
                    if (health.equals("unhealthy")) {
                        throw new AssertionError(service + " became unhealthy\n" + diagnostics(container));
                    }
                }
                case "service_completed_successfully" -> {
                    if (status.equals("exited") && parts[1].equals("0")) {
                        return;
                    }
                }
                default -> throw new IllegalArgumentException("unknown depends_on condition " + condition);
            }
            if (status.equals("exited") || status.equals("dead")) {
                throw new AssertionError(service + " stopped (" + state + ") while waiting for " + condition + "\n" + diagnostics(container));
            }
            Daemon.sleep(250);
        }
        throw new AssertionError(service + " did not reach " + condition + " within " + timeout + " (last: " + state + ")\n"
                + diagnostics(container));
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
        if (networkCreated) {
            docker.docker("network", "rm", compose.network());
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
     * repeated, for up to 5 s.
     */
    static HttpResponse untilAnswered(Supplier<HttpResponse> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse response = request.get();
                if (!response.noAnswer() || attempt == 20) {
                    return response;
                }
            } catch (UncheckedIOException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
            Daemon.sleep(250);
        }
    }
}
