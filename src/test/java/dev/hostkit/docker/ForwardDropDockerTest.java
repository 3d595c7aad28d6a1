package dev.hostkit.docker;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness on a host whose firewall drops forwarded traffic, as a system dockerd leaves it
 * ({@link ForwardDrop}: FORWARD policy DROP, br_netfilter on): the containers of a
 * {@link BridgeNetwork} still reach each other, and a bridge without its rule fails in seconds
 * with the cause instead of leaving the tests to time out. The policies are put back afterwards,
 * whatever happened.
 */
@Tag("docker")
@ExtendWith(PrivateDockerExtension.class)
class ForwardDropDockerTest {

    @Test
    void containersOnANetworkReachEachOtherByNameWhenForwardDrops(PrivateDocker docker) {
        docker.ensureImages(BridgeNetwork.PROBE_IMAGE);
        Map<String, String> before = ForwardDrop.policies(docker);
        String name = "hostkit-drop-" + ProcessHandle.current().pid();
        try (ForwardDrop drop = ForwardDrop.start(docker); BridgeNetwork network = BridgeNetwork.create(docker, name)) {
            assertTrue(ForwardDrop.policies(docker).values().stream().allMatch("DROP"::equals), "FORWARD drops: " + ForwardDrop.policies(docker));
            try {
                docker.dockerOk("run", "--detach", "--name", name + "-web", "--network", name, "--network-alias", "web",
                        "--pull", "never", BridgeNetwork.PROBE_IMAGE);
                String answer = network.statusLineFrom("web");
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            } finally {
                docker.docker("rm", "--force", name + "-web");
            }
        }
        assertEquals(before, ForwardDrop.policies(docker), "the FORWARD policies are back");
    }

    /** The same network without the harness's rule: the preflight fails within seconds and says why. */
    @Test
    void aBridgeThatFirewallDropsFailsFastNamingTheCause(PrivateDocker docker) {
        docker.ensureImages(BridgeNetwork.PROBE_IMAGE);
        Map<String, String> before = ForwardDrop.policies(docker);
        String name = "hostkit-dropped-" + ProcessHandle.current().pid();
        try (ForwardDrop drop = ForwardDrop.start(docker)) {
            String bridge = BridgeNetwork.bridgeOf(docker.dockerOk("network", "create", name));
            try {
                long started = System.nanoTime();
                AssertionError dropped = assertThrows(AssertionError.class, () -> BridgeNetwork.assertTrafficPasses(docker, name, bridge));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                String frontEnd = before.keySet().iterator().next();
                assertTrue(dropped.getMessage().startsWith("traffic between containers on bridge " + bridge + " is dropped: the FORWARD"
                        + " chain's policy is DROP (" + frontEnd + ") and no rule accepts " + bridge), dropped.getMessage());
                assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "failed in " + took + ", not after minutes of retries");
            } finally {
                docker.docker("network", "rm", name);
            }
        }
        assertEquals(before, ForwardDrop.policies(docker), "the FORWARD policies are back");
    }
}
