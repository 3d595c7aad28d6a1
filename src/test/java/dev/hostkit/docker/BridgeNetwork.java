package dev.hostkit.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.Poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A user-defined bridge network on the private daemon whose containers are sure to reach each
 * other. The daemon runs with {@code --iptables=false}, so on a host whose FORWARD policy is
 * DROP (a system dockerd sets it) with br_netfilter, their traffic would be dropped: creating
 * the network inserts an ACCEPT rule for its bridge ({@code bridge-forward.sh accept}), then
 * checks, within seconds, that one container reaches another by name, and otherwise fails with
 * what in the FORWARD chain drops it. {@link #close()} removes the network and its rule.
 */
record BridgeNetwork(PrivateDocker docker, String name, String bridge) implements AutoCloseable {
    /** Any stand-in with bash and coreutils' timeout would do; every kit has an nginx. */
    static final String PROBE_IMAGE = "nginx:1.28";
    /** How long the connection of one container to another may take before its traffic counts as dropped. */
    static final int PREFLIGHT_SECONDS = 5;

    /** {@code docker network create [OPTIONS] NAME}, its bridge let through FORWARD, the path checked. */
    static BridgeNetwork create(PrivateDocker docker, String name, String... options) {
        docker.ensureImages(PROBE_IMAGE);
        List<String> args = new ArrayList<>(List.of("network", "create"));
        args.addAll(List.of(options));
        args.add(name);
        return letThrough(docker, name, docker.dockerOk(args.toArray(String[]::new)));
    }

    /** A network docker compose created ({@code <project>_default}): its bridge let through FORWARD, the path checked. */
    static BridgeNetwork existing(PrivateDocker docker, String name) {
        docker.ensureImages(PROBE_IMAGE);
        return letThrough(docker, name, docker.dockerOk("network", "inspect", "--format", "{{.Id}}", name));
    }

    private static BridgeNetwork letThrough(PrivateDocker docker, String name, String networkId) {
        BridgeNetwork network = new BridgeNetwork(docker, name, bridgeOf(networkId));
        try {
            docker.bridgeForward("accept", docker.dir().toString(), network.bridge).orThrow();
            assertTrafficPasses(docker, name, network.bridge);
            return network;
        } catch (RuntimeException | Error e) {
            network.close();
            throw e;
        }
    }

    /** The host's bridge of a network, from its id: {@code br-} and the first 12 characters. */
    static String bridgeOf(String networkId) {
        return "br-" + networkId.strip().substring(0, 12);
    }

    /**
     * The preflight: a container connects, by name, to a closed port of another on the network.
     * "Connection refused" is an answer that came back across the bridge: the path works. No
     * answer within {@value #PREFLIGHT_SECONDS} s means the traffic is dropped: the failure says
     * by what, instead of a test waiting minutes for an answer that cannot come.
     */
    static void assertTrafficPasses(PrivateDocker docker, String network, String bridge) {
        String peer = network + "-preflight";
        try {
            docker.docker(Duration.ofSeconds(30), null, "run", "--detach", "--name", peer, "--network", network,
                    "--network-alias", "preflight-peer", "--pull", "never", "--entrypoint", "sleep", PROBE_IMAGE, "60").orThrow();
            Commands.Result probe = docker.docker(Duration.ofSeconds(30), null, "run", "--rm", "--network", network, "--pull", "never",
                    "--entrypoint", "timeout", PROBE_IMAGE, Integer.toString(PREFLIGHT_SECONDS), "bash", "-c",
                    "exec 3<>/dev/tcp/preflight-peer/9");
            if (probe.stderr().contains("Connection refused")) {
                return;
            }
            if (probe.exitCode() == 124) {
                throw new AssertionError("traffic between containers on bridge " + bridge + " is dropped: "
                        + docker.bridgeForward("explain", bridge).stdout().strip()
                        + " (one container got no answer from another, by name, within " + PREFLIGHT_SECONDS + " s; the harness"
                        + " lets a bridge through with src/test/docker/bridge-forward.sh accept, see DOCKER.md, Networking)");
            }
            throw new AssertionError("the preflight on network " + network + " could not connect one container to another:\n"
                    + probe.describe());
        } finally {
            docker.docker(Duration.ofSeconds(30), null, "rm", "--force", peer);
        }
    }

    /**
     * The status line nginx at HOST (a container's name or alias on this network) answers to
     * GET / from another container, waiting up to 10 s for it to listen; each try gives up after 3 s.
     */
    String statusLineFrom(String host) {
        return Poll.until("an answer from " + host + ":80 on network " + name, Duration.ofSeconds(10), left -> {
            Commands.Result get = docker.docker(Poll.atMost(left, Duration.ofSeconds(20)), null, "run", "--rm", "--network", name,
                    "--pull", "never", "--entrypoint", "timeout", PROBE_IMAGE, "3", "bash", "-c",
                    "exec 3<>/dev/tcp/" + host + "/80 && printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3");
            if (!get.ok() || get.stdout().isBlank()) {
                throw new Poll.NotYet(get.describe());
            }
            return get.stdout().strip();
        });
    }

    @Override
    public void close() {
        docker.docker(Duration.ofSeconds(30), null, "network", "rm", name);
        docker.bridgeForward("forget", docker.dir().toString(), bridge);
    }
}
