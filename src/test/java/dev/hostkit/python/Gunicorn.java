package dev.hostkit.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's gunicorn running a generated gunicorn.conf.py from the app's folder, stdout and
 * stderr (its access and error logs) in one file. Stopped with SIGTERM, as systemd and docker do.
 */
final class Gunicorn implements AutoCloseable {
    private final Process process;
    private final Path log;

    private Gunicorn(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param bindOverride a --bind on the command line, which gunicorn prefers to the file's, or null
     * @param ready        answers once gunicorn serves (a GET that does not throw)
     */
    static Gunicorn start(Path appDir, Path config, Map<String, String> environment, String bindOverride, Runnable ready) {
        List<String> command = new ArrayList<>(List.of(Python.gunicorn(), "--config", config.toString()));
        if (bindOverride != null) {
            command.addAll(List.of("--bind", bindOverride));
        }
        Path log = appDir.resolveSibling(appDir.getFileName() + "-gunicorn.log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(appDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Gunicorn gunicorn = new Gunicorn(builder.start(), log);
            gunicorn.await(ready);
            return gunicorn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void await(Runnable ready) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("gunicorn exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                ready.run();
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new AssertionError("gunicorn does not answer after 20 s:\n" + log(), notYet);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Everything gunicorn wrote so far: access log lines (accesslog = "-") and its error log. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM to the master, which stops its workers; SIGKILL to all after 15 s. */
    @Override
    public void close() {
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workers.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
