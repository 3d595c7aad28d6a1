package dev.hostkit.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run to its end in a folder, with more environment: status, stdout, stderr. */
record Exec(List<String> command, int status, String stdout, String stderr) {
    static Exec run(Path cwd, Map<String, String> environment, List<String> command) {
        try {
            Path out = Files.createTempFile("hostkit-python", ".out");
            Path err = Files.createTempFile("hostkit-python", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("still running after 3 minutes: " + command);
                }
                return new Exec(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Exec run(Path cwd, String... command) {
        return run(cwd, Map.of(), List.of(command));
    }

    String output() {
        return String.join(" ", command) + " exited with " + status + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
