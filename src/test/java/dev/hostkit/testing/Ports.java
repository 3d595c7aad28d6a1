package dev.hostkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** TCP ports that were free a moment ago, for servers a test starts on loopback. */
public final class Ports {
    private Ports() {}

    /** One free loopback port. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct free loopback ports. */
    public static List<Integer> free(int count) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            int port = free();
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    /** The first of COUNT consecutive ports that are free on every address (nginx binds *:port; app instances take port … port + count - 1). */
    public static int consecutive(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20000, 40000 - count);
            boolean free = true;
            for (int port = base; free && port < base + count; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }
}
