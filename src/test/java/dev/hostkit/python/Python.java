package dev.hostkit.python;

import dev.hostkit.testing.RequiredTool;

import java.nio.file.Path;

/** Debian's python3 with its gunicorn and Django: only /usr/bin/python3 has them, not the python3 on PATH. */
final class Python {
    private static final String HINT = "apt-get install python3-django gunicorn";

    private Python() {}

    static String python3() {
        return RequiredTool.find("/usr/bin/python3", HINT).toString();
    }

    static String gunicorn() {
        RequiredTool.file(Path.of("/usr/lib/python3/dist-packages/django"), HINT);
        return RequiredTool.find("/usr/bin/gunicorn", HINT).toString();
    }
}
