package dev.hostkit.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.ProjectDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness itself: the daemon is private, and stopping it leaves nothing behind. */
@Tag("docker")
@ExtendWith(PrivateDockerExtension.class)
class PrivateDockerHarnessDockerTest {

    @Test
    void daemonKeepsEverythingInItsOwnDirectory(PrivateDocker docker) {
        assertEquals(docker.dir().resolve("data").toString(), docker.dockerOk("info", "--format", "{{.DockerRootDir}}"));
        assertTrue(docker.environment().get("DOCKER_HOST").equals("unix://" + docker.dir().resolve("docker.sock")));
    }

    @Test
    void containersOnANetworkReachEachOtherByName(PrivateDocker docker) {
        try (BridgeNetwork network = BridgeNetwork.create(docker, "hostkit-harness-" + ProcessHandle.current().pid())) {
            String web = network.name() + "-web";
            try {
                docker.dockerOk("run", "--detach", "--name", web, "--network", network.name(), "--network-alias", "web",
                        "--pull", "never", BridgeNetwork.PROBE_IMAGE);
                String answer = network.statusLineFrom("web");
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            } finally {
                docker.docker("rm", "-f", web);
            }
        }
    }

    /**
     * A second daemon, with a container and a network whose bridge has its FORWARD rule, stopped:
     * no process, mount, bridge, FORWARD rule or directory is left.
     */
    @Test
    void stopLeavesNothingBehind(PrivateDocker shared) throws Exception {
        Path scripts = ProjectDir.resolve("src/test/docker");
        Commands.Result started = Commands.run(List.of("bash", scripts.resolve("dockerd-start.sh").toString()), null,
                Map.of("HOSTKIT_DOCKERD_OWNER", Long.toString(ProcessHandle.current().pid())), Duration.ofSeconds(90));
        started.orThrow();
        Map<String, String> values = new java.util.HashMap<>();
        started.stdout().lines().forEach(line -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        Path dir = Path.of(values.get("HOSTKIT_DOCKERD_DIR"));
        long pid = Long.parseLong(values.get("HOSTKIT_DOCKERD_PID"));
        Map<String, String> env = Map.of("DOCKER_HOST", values.get("DOCKER_HOST"), "DOCKER_CONFIG", dir.resolve("client").toString());
        Path dockerCli = Path.of(shared.docker("version", "--format", "x").command().get(0));
        String bridge;
        try {
            String network = Commands.run(List.of(dockerCli.toString(), "network", "create", "left-behind"), null, env, Duration.ofSeconds(30))
                    .orThrow().trim();
            bridge = BridgeNetwork.bridgeOf(network);
            shared.bridgeForward("accept", dir.toString(), bridge).orThrow();
            assertTrue(shared.bridgeForward("explain", bridge).stdout().contains("a rule accepts " + bridge), "the bridge has its rule");
            Commands.run(List.of("bash", scripts.resolve("base-images.sh").toString(), "nginx:1.28"), null, env, Duration.ofMinutes(30))
                    .orThrow();
            Commands.run(List.of(dockerCli.toString(), "run", "-d", "--network", "left-behind", "--pull", "never", "nginx:1.28"), null, env,
                    Duration.ofSeconds(30)).orThrow();
            assertTrue(Files.exists(Path.of("/sys/class/net", bridge)), "the network has its bridge");
        } finally {
            Commands.run(List.of("bash", scripts.resolve("dockerd-stop.sh").toString(), dir.toString()), null, Map.of(), Duration.ofMinutes(2))
                    .orThrow();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "dockerd " + pid + " is gone");
        assertFalse(Files.exists(dir), dir + " is removed");
        assertFalse(Files.exists(Path.of("/sys/class/net", bridge)), bridge + " is removed");
        String rules = shared.bridgeForward("explain", bridge).stdout();
        assertFalse(rules.contains("a rule accepts"), "its FORWARD rule is removed: " + rules);
        assertFalse(Files.readString(Path.of("/proc/self/mounts")).contains(dir.toString()), "nothing is mounted under " + dir);
        List<String> survivors = ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(args -> String.join(" ", args).contains(dir.toString())).orElse(false))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("")).toList();
        assertEquals(List.of(), survivors, "no process of that daemon (containerd, shims, nginx) survives");
    }
}
