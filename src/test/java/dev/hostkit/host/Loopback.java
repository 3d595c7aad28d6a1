package dev.hostkit.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Ports and HTTP on 127.0.0.1 only: the tests never send anything off this machine. */
final class Loopback {
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Loopback() {}

    /** The first of COUNT consecutive ports that are free on every address (nginx binds *:port). */
    static int freePorts(int count) {
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

    static URI uri(String host, int port, String path) {
        return URI.create("http://" + host + ":" + port + path);
    }

    /** GET http://HOST:PORT/PATH, where HOST is 127.0.0.1 or a name for it such as localhost. */
    static HttpResponse<String> get(String host, int port, String path) {
        return send(HttpRequest.newBuilder(uri(host, port, path)), HttpResponse.BodyHandlers.ofString());
    }

    static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
        try {
            return HTTP.send(built, body);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(int port, String path) {
        return get("127.0.0.1", port, path);
    }

    /**
     * Waits until something accepts connections on the port, while PROCESS lives. When it dies
     * or does not listen within the timeout, stops it and fails with its log (LOG).
     */
    static void awaitListening(int port, Process process, Path log, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the process exited with " + process.exitValue() + " before it listened on "
                        + port + ":\n" + readQuietly(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        stop(process);
        throw new AssertionError("nothing listens on port " + port + " after " + timeout + ":\n" + readQuietly(log));
    }

    /** Stops a process: SIGTERM, then SIGKILL (with its children) if it has not exited in 10 s. */
    static int stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
