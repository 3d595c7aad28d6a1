package dev.hostkit.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run to its end (at most 2 minutes): exit status, stdout and stderr. */
record Command(int status, String stdout, String stderr) {
    static Command run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), List.of(command));
    }

    /** @param environment added to (or replacing entries of) this process's environment */
    static Command run(Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("hostkit-command", ".out");
        Path err = Files.createTempFile("hostkit-command", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("still running after 2 minutes: " + command);
            }
            return new Command(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
