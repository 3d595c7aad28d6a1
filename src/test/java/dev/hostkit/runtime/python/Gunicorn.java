package dev.hostkit.runtime.python;

import dev.hostkit.testing.Daemon;
import dev.hostkit.testing.Tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's gunicorn running a generated gunicorn.conf.py from the app's folder, stdout and
 * stderr (its access and error logs) in one file. Stopped with SIGTERM, as systemd and docker do.
 */
final class Gunicorn {
    private Gunicorn() {}

    /**
     * @param bindOverride a --bind on the command line, which gunicorn prefers to the file's, or null
     * @param ready        answers once gunicorn serves (a GET that does not throw)
     */
    static Daemon start(Path appDir, Path config, Map<String, String> environment, String bindOverride, Runnable ready) {
        List<String> command = new ArrayList<>(List.of(Tools.gunicorn(), "--config", config.toString()));
        if (bindOverride != null) {
            command.addAll(List.of("--bind", bindOverride));
        }
        Path log = appDir.resolveSibling(appDir.getFileName() + "-gunicorn.log");
        return Daemon.start(command, appDir, environment, true, log).awaitReady(ready, Duration.ofSeconds(20));
    }
}
