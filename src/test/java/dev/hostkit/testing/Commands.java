package dev.hostkit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command line to completion for a test, stdin closed, with a time limit and both
 * outputs captured. For a process that runs while the test talks to it, see {@link Daemon}.
 */
public final class Commands {
    /** How long a command may take unless a caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    private Commands() {}

    /** What a command did. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        public String output() {
            return stdout + stderr;
        }

        /** For assertion messages: the command, its exit code and (the end of) what it printed. */
        public String describe() {
            return String.join(" ", command) + "\nexit code " + exitCode
                    + "\n--- stdout ---\n" + tail(stdout) + "\n--- stderr ---\n" + tail(stderr);
        }

        /** Fails with {@link #describe()} unless the command exited 0; returns its stdout. */
        public String orThrow() {
            if (!ok()) {
                throw new AssertionError("command failed: " + describe());
            }
            return stdout;
        }

        private static String tail(String text) {
            return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
        }
    }

    /**
     * @param workingDirectory where it runs, or {@code null} for the test's own
     * @param environment      added to the test's environment
     */
    public static Result run(List<String> command, Path workingDirectory, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAll(process.getInputStream());
            CompletableFuture<String> stderr = readAll(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "\n--- stdout so far ---\n" + stdout.getNow("") + "\n--- stderr so far ---\n" + stderr.getNow(""));
            }
            return new Result(command, process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + command, e);
        }
    }

    public static Result run(List<String> command, Path workingDirectory, Map<String, String> environment) {
        return run(command, workingDirectory, environment, DEFAULT_TIMEOUT);
    }

    public static Result run(List<String> command, Path workingDirectory) {
        return run(command, workingDirectory, Map.of(), DEFAULT_TIMEOUT);
    }

    /** @param workingDirectory where it runs, or {@code null} for the test's own */
    public static Result run(Path workingDirectory, String... command) {
        return run(List.of(command), workingDirectory, Map.of(), DEFAULT_TIMEOUT);
    }

    /** Reads a whole stream on a thread of its own, so a full stderr pipe cannot block stdout. */
    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread reader = new Thread(task, "process-output");
            reader.setDaemon(true);
            reader.start();
        });
    }
}
