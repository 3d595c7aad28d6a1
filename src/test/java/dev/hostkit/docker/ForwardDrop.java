package dev.hostkit.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.RequiredTool;
import dev.hostkit.testing.Undo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's firewall as a system dockerd leaves it, for as long as a test needs it: the FORWARD
 * policy DROP in every iptables front end in use, and br_netfilter passing bridged traffic
 * through FORWARD ({@code net.bridge.bridge-nf-call-iptables = 1}). {@link #close()} puts back
 * what was there, as does a shutdown hook when the run is interrupted. Every other run on the
 * machine meets the same firewall meanwhile, so a test keeps it for seconds only.
 */
final class ForwardDrop implements AutoCloseable {
    static final Path CALL_IPTABLES = Path.of("/proc/sys/net/bridge/bridge-nf-call-iptables");

    private final PrivateDocker docker;
    private final Map<String, String> policies;
    private final String callIptables;
    private final Undo undo;

    private ForwardDrop(PrivateDocker docker, Map<String, String> policies, String callIptables) {
        this.docker = docker;
        this.policies = policies;
        this.callIptables = callIptables;
        this.undo = Undo.onExit("restore-forward-policy", this::restore);
    }

    static ForwardDrop start(PrivateDocker docker) {
        loadBrNetfilter();
        ForwardDrop drop = new ForwardDrop(docker, policies(docker), read(CALL_IPTABLES));
        try {
            write(CALL_IPTABLES, "1");
            drop.policies.keySet().forEach(frontEnd -> docker.bridgeForward("set-policy", frontEnd, "DROP").orThrow());
            return drop;
        } catch (RuntimeException | Error e) {
            drop.close();
            throw e;
        }
    }

    /** The FORWARD policy of each iptables front end in use ({@code bridge-forward.sh policies}). */
    static Map<String, String> policies(PrivateDocker docker) {
        Map<String, String> policies = new LinkedHashMap<>();
        docker.bridgeForward("policies").orThrow().lines().map(line -> line.split(" "))
                .forEach(words -> policies.put(words[0], words.length > 1 ? words[1] : "ACCEPT"));
        return policies;
    }

    /**
     * Without br_netfilter bridged traffic never passes FORWARD, and a check with FORWARD DROP
     * proves nothing: it is loaded or built in already, or loaded now with modprobe.
     */
    private static void loadBrNetfilter() {
        if (Files.exists(CALL_IPTABLES)) {
            return;
        }
        String modprobe = RequiredTool.find("modprobe", "apt-get install kmod").toString();
        Commands.Result loaded = Commands.run(List.of(modprobe, "br_netfilter"), null, Map.of(), Duration.ofSeconds(30));
        if (!loaded.ok() || !Files.exists(CALL_IPTABLES)) {
            RequiredTool.unavailable("br_netfilter", "modprobe br_netfilter, or a kernel with it built in",
                    "br_netfilter cannot be loaded here, so bridged traffic never passes FORWARD:\n" + loaded.describe());
        }
    }

    @Override
    public void close() {
        undo.close();
    }

    private void restore() {
        StringBuilder failed = new StringBuilder();
        policies.forEach((frontEnd, policy) -> {
            Commands.Result set = docker.bridgeForward("set-policy", frontEnd, policy);
            if (!set.ok()) {
                failed.append(set.describe()).append('\n');
            }
        });
        write(CALL_IPTABLES, callIptables);
        if (!failed.isEmpty()) {
            throw new AssertionError("could not put the FORWARD policies back to " + policies + ":\n" + failed);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String value) {
        try {
            Files.writeString(file, value + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
