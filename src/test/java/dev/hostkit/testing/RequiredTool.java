package dev.hostkit.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a command-line tool a test runs (nginx, node, ...). When it is missing the test
 * fails under CI (CI=true: .ci/run must have installed it) and is reported as aborted,
 * with the reason ({@link MissingTool}), on a developer's machine. It never passes silently.
 *
 * <p>{@code HOSTKIT_HIDE_TOOLS} (names, separated by commas or spaces) makes tools count as
 * missing although they are installed, to see what a machine without them would run: a tool or
 * file is hidden when a name is one of the segments of its path ({@code nginx} hides the nginx
 * command and {@code /etc/nginx/mime.types}).
 */
public final class RequiredTool {
    private static final Set<String> HIDDEN =
            Set.copyOf(Arrays.asList(System.getenv().getOrDefault("HOSTKIT_HIDE_TOOLS", "").trim().split("[,\\s]+")));

    private RequiredTool() {}

    /** @param name a command on PATH, or an absolute path */
    public static Path find(String name, String installHint) {
        Optional<Path> found = hidden(name) ? Optional.empty()
                : name.startsWith("/") ? Optional.of(Path.of(name)).filter(Files::isExecutable) : onPath(name);
        if (found.isEmpty()) {
            unavailable(name, installHint, name + " is not installed (" + installHint + "; .ci/run installs it)");
        }
        return found.orElseThrow();
    }

    /** A file the tests need that an install step provides (e.g. from npm). */
    public static Path file(Path path, String installHint) {
        if (hidden(path.toString()) || !Files.exists(path)) {
            unavailable(path.toString(), installHint, path + " is missing (" + installHint + "; .ci/run installs it)");
        }
        return path;
    }

    /**
     * Something a test needs is not there: fails under CI=true, aborts the test with the reason elsewhere.
     *
     * @param tool   what is missing, as the end-of-run summary names it ("root", "br_netfilter")
     * @param remedy what provides it
     * @param reason the whole message
     */
    public static void unavailable(String tool, String remedy, String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and " + reason);
        }
        throw new MissingTool(tool, remedy, reason);
    }

    private static boolean hidden(String name) {
        return hides(HIDDEN, name);
    }

    /** Whether one of the HIDDEN names is a segment of the tool's or file's path NAME. */
    static boolean hides(Set<String> hidden, String name) {
        return Arrays.stream(name.split("/")).anyMatch(segment -> !segment.isEmpty() && hidden.contains(segment));
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
