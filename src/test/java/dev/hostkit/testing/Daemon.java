package dev.hostkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process that runs while a test talks to it (nginx, an app instance, gunicorn, openssl
 * s_server), its stdout and stderr in one log file. {@link #close()} stops it as systemd and
 * docker do: SIGTERM, then SIGKILL to it and its children if it has not ended in 15 s.
 */
public final class Daemon implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(15);

    private final List<String> command;
    private final Process process;
    private final Path log;

    private Daemon(List<String> command, Process process, Path log) {
        this.command = command;
        this.process = process;
        this.log = log;
    }

    /**
     * @param workingDirectory   where it runs, or {@code null} for the test's own
     * @param environment        added to the test's environment, or (inherit false) the whole environment
     * @param inheritEnvironment whether the test's own environment is passed on
     */
    public static Daemon start(List<String> command, Path workingDirectory, Map<String, String> environment,
                               boolean inheritEnvironment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        if (!inheritEnvironment) {
            builder.environment().clear();
        }
        builder.environment().putAll(environment);
        try {
            return new Daemon(List.copyOf(command), builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /** Waits until something accepts connections on 127.0.0.1:PORT; stops it and fails with its log when it ends first or the time is up. */
    public Daemon awaitListening(int port, Duration timeout) {
        return awaitReady(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            } catch (IOException notYet) {
                throw new UncheckedIOException("nothing listens on port " + port, notYet);
            }
        }, timeout);
    }

    /**
     * Waits until PROBE returns without throwing ({@link Poll}, so at most a minute); stops it
     * and fails with its log when it ends first or the time is up.
     */
    public Daemon awaitReady(Runnable probe, Duration timeout) {
        try {
            return Poll.until(this + " to be ready", timeout, Duration.ofMillis(50), left -> {
                if (!process.isAlive()) {
                    throw new AssertionError(this + " exited with " + process.exitValue() + " before it was ready");
                }
                probe.run();
                return this;
            });
        } catch (AssertionError notReady) {
            close();
            throw new AssertionError(notReady.getMessage() + "\n--- its output ---\n" + log(), notReady.getCause());
        }
    }

    /** Everything it wrote so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Kills it outright (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM and its exit status; SIGKILL to it and its children after 15 s. */
    public int stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }

    /** Thread.sleep for polling loops: an interrupt ends the test. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
