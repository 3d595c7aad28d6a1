package dev.hostkit.target.host;

import dev.hostkit.testing.Daemon;
import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.SystemdUnit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One instance of the app started the way its systemd unit starts it: ExecStart= with %i and
 * the variables expanded, in WorkingDirectory=, with only the environment systemd would give it.
 *
 * @param command the command line systemd would run
 * @param port    where it listens
 */
record AppInstance(List<String> command, Daemon process, int port) implements AutoCloseable {
    /**
     * @param instance the template instance name (its port), or {@code null} for a plain unit
     * @param port     where the app must then listen
     */
    static AppInstance start(HostKit kit, String instance, int port, Path log) {
        return start(kit, instance, port, log, Duration.ofSeconds(20));
    }

    /** The same for an app that takes longer to start (a real framework's on a busy machine): at most WITHIN. */
    static AppInstance start(HostKit kit, String instance, int port, Path log, Duration within) {
        SystemdUnit unit = kit.unit();
        Map<String, String> environment = kit.environment(instance);
        List<String> command = unit.command(instance, environment);
        Daemon process = Daemon.start(command, Path.of(unit.value("Service", "WorkingDirectory")), environment, false, log)
                .awaitListening(port, within);
        return new AppInstance(command, process, port);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills it outright (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        process.kill();
    }

    /** Stops it as systemd does (SIGTERM) and returns its exit status. */
    int stop() {
        return process.stop();
    }

    @Override
    public void close() {
        process.close();
    }
}
