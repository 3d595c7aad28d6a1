package dev.hostkit.tls;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command to its end, stdin closed, with a time limit, and keeps what it printed. */
record Command(List<String> command, int exitCode, String stdout, String stderr) {
    static Command run(List<String> command) {
        return run(command, Map.of());
    }

    static Command run(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            // files, not pipes: nothing can block on a full pipe, and no reader threads to clean up
            Path out = Files.createTempFile("hostkit-tls-", ".out");
            Path err = Files.createTempFile("hostkit-tls-", ".err");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish within 20 s");
                }
                return new Command(List.copyOf(command), process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + command, e);
        }
    }

    String output() {
        return stdout + stderr;
    }

    /** For assertion messages: the command, its exit code and everything it printed. */
    String describe() {
        return String.join(" ", command) + "\nexit code " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }

    Command assertSucceeded() {
        if (exitCode != 0) {
            throw new AssertionError("command failed:\n" + describe());
        }
        return this;
    }
}
