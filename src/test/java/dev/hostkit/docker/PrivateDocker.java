package dev.hostkit.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.ProjectDir;
import dev.hostkit.testing.RequiredTool;
import dev.hostkit.testing.Undo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A private Docker daemon for the container tests, started by {@code src/test/docker/dockerd-start.sh}
 * (own data root, exec root and socket in a temp dir) and stopped by PID with
 * {@code dockerd-stop.sh}, which also removes its containers and networks. One daemon serves a
 * whole test run: {@link PrivateDockerExtension} keeps it in JUnit's root store, which closes it
 * after the last test; a JVM shutdown hook stops it if the run is interrupted.
 * Every docker command goes to it through {@code DOCKER_HOST}.
 */
final class PrivateDocker implements AutoCloseable {
    private static final String INSTALL = "apt-get install docker.io debootstrap";

    private final Path scripts;
    private final Path docker;
    private final Path dir;
    private final Map<String, String> environment;
    private final Undo undo;

    private PrivateDocker(Path scripts, Path docker, Path dir, String dockerHost) {
        this.scripts = scripts;
        this.docker = docker;
        this.dir = dir;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DOCKER_HOST", dockerHost);
        // The classic builder: Debian's dockerd comes without buildx, and its history shows
        // one image id per step, which the layer measurements read.
        env.put("DOCKER_BUILDKIT", "0");
        env.put("DOCKER_CLI_HINTS", "false");
        // Never read a developer's ~/.docker (contexts, credential helpers).
        env.put("DOCKER_CONFIG", dir.resolve("client-config").toString());
        this.environment = Map.copyOf(env);
        this.undo = Undo.onExit("stop-private-dockerd", this::stop);
    }

    /** Starts a daemon; aborts (developer machine) or fails (CI=true) when it cannot run here. */
    static PrivateDocker start() {
        Path scripts = ProjectDir.resolve("src/test/docker");
        Path docker = RequiredTool.find("docker", INSTALL);
        RequiredTool.find("dockerd", INSTALL);
        RequiredTool.find("debootstrap", INSTALL);
        // For the FORWARD rules of its bridges (BridgeNetwork); docker.io depends on it.
        RequiredTool.find("iptables", "apt-get install iptables");
        if (!"0".equals(Commands.run(List.of("id", "-u"), null, Map.of(), Duration.ofSeconds(10)).stdout().trim())) {
            RequiredTool.unavailable("root", "run the tests as root, as CI does", "a private dockerd needs root (run the tests as root, as CI does)");
        }
        Commands.Result started = Commands.run(List.of("bash", scripts.resolve("dockerd-start.sh").toString()), null,
                Map.of("HOSTKIT_DOCKERD_OWNER", Long.toString(ProcessHandle.current().pid())), Duration.ofSeconds(90));
        Map<String, String> values = new LinkedHashMap<>();
        started.stdout().lines().filter(line -> line.contains("="))
                .forEach(line -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        if (!started.ok() || !values.containsKey("DOCKER_HOST")) {
            throw new AssertionError("the private dockerd did not start:\n" + started.describe());
        }
        return new PrivateDocker(scripts, docker, Path.of(values.get("HOSTKIT_DOCKERD_DIR")), values.get("DOCKER_HOST"));
    }

    /** Loads the stand-in base images (building the machine's cache first, if it has none). */
    PrivateDocker ensureImages(String... images) {
        List<String> command = new ArrayList<>(List.of("bash", scripts.resolve("base-images.sh").toString()));
        command.addAll(Arrays.asList(images));
        // The first build on a machine debootstraps Debian and installs a JRE, Python and nginx.
        Commands.run(command, null, environment, Duration.ofMinutes(30)).orThrow();
        return this;
    }

    /** Runs the docker CLI against this daemon. */
    Commands.Result docker(String... arguments) {
        return docker(Duration.ofMinutes(5), null, arguments);
    }

    Commands.Result docker(Duration timeout, Path workingDirectory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(docker.toString());
        command.addAll(Arrays.asList(arguments));
        return Commands.run(command, workingDirectory, environment, timeout);
    }

    /** The docker CLI's stdout, trimmed; fails when it exits non-zero. */
    String dockerOk(String... arguments) {
        return docker(arguments).orThrow().trim();
    }

    /** {@code src/test/docker/bridge-forward.sh} (the host's FORWARD rules for this daemon's bridges) with these arguments. */
    Commands.Result bridgeForward(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", scripts.resolve("bridge-forward.sh").toString()));
        command.addAll(Arrays.asList(arguments));
        return Commands.run(command, null, Map.of(), Duration.ofSeconds(30));
    }

    /** DOCKER_HOST and friends, for scripts that call docker themselves. */
    Map<String, String> environment() {
        return environment;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        undo.close();
    }

    private void stop() {
        Commands.Result result = Commands.run(List.of("bash", scripts.resolve("dockerd-stop.sh").toString(), dir.toString()),
                null, Map.of(), Duration.ofMinutes(2));
        if (!result.ok() || Files.exists(dir)) {
            System.err.println("[hostkit] stopping the private dockerd left something behind:\n" + result.describe());
        }
    }
}
