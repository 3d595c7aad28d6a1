package dev.hostkit.testing;

import java.nio.file.Path;

/** The project's base directory: surefire sets HOSTKIT_PROJECT_DIR, an IDE runs the tests in it. */
public final class ProjectDir {
    private ProjectDir() {}

    public static Path path() {
        String configured = System.getenv("HOSTKIT_PROJECT_DIR");
        return Path.of(configured == null || configured.isBlank() ? System.getProperty("user.dir") : configured).toAbsolutePath();
    }

    /** A file or folder of the project, such as {@code examples/hello-django}. */
    public static Path resolve(String relative) {
        return path().resolve(relative);
    }
}
