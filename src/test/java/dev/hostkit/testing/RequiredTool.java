package dev.hostkit.testing;

import org.opentest4j.TestAbortedException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a command-line tool a test runs (nginx, node, ...). When it is missing the test
 * fails under CI (CI=true: .ci/run must have installed it) and is reported as aborted,
 * with the reason, on a developer's machine. It never passes silently.
 */
public final class RequiredTool {
    private RequiredTool() {}

    /** @param name a command on PATH, or an absolute path */
    public static Path find(String name, String installHint) {
        Optional<Path> found = name.startsWith("/") ? Optional.of(Path.of(name)).filter(Files::isExecutable) : onPath(name);
        if (found.isEmpty()) {
            unavailable(name + " is not installed (" + installHint + "; .ci/run installs it)");
        }
        return found.orElseThrow();
    }

    /** A file the tests need that an install step provides (e.g. from npm). */
    public static Path file(Path path, String installHint) {
        if (!Files.exists(path)) {
            unavailable(path + " is missing (" + installHint + "; .ci/run installs it)");
        }
        return path;
    }

    /** Something a test needs is not there: fails under CI=true, aborts the test with the reason elsewhere. */
    public static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and " + reason);
        }
        throw new TestAbortedException(reason);
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String candidate : new String[] {dir, "/usr/sbin", "/sbin"}) {
                Path file = Path.of(candidate, name);
                if (Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }
}
