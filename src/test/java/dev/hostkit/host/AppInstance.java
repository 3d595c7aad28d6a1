package dev.hostkit.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One instance of the app started the way its systemd unit starts it: ExecStart= with %i and
 * the variables expanded, in WorkingDirectory=, with only the environment systemd would give it.
 */
final class AppInstance implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final int port;

    private AppInstance(List<String> command, Process process, int port) {
        this.command = command;
        this.process = process;
        this.port = port;
    }

    /**
     * @param instance the template instance name (its port), or {@code null} for a plain unit
     * @param port     where the app must then listen
     */
    static AppInstance start(HostKit kit, String instance, int port, Path log) {
        SystemdUnit unit = kit.unit();
        Map<String, String> environment = kit.environment(instance);
        List<String> command = unit.command(instance, environment);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of(unit.value("Service", "WorkingDirectory")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        Loopback.awaitListening(port, process, log, Duration.ofSeconds(20));
        return new AppInstance(command, process, port);
    }

    List<String> command() {
        return command;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills it outright (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops it as systemd does (SIGTERM) and returns its exit status. */
    int stop() {
        return Loopback.stop(process);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
