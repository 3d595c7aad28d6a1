package dev.hostkit.docker;

import java.nio.file.Path;
import java.util.List;

/**
 * A sample app whose generated kit the container tests build and run end to end
 * ({@link KitEndToEndDockerTest}): one per runtime hostkit supports.
 */
interface KitSample {
    /** A short name for test reports: "java", "django". */
    String name();

    /** The stand-in base images its kit names (see src/test/docker/base-images.sh). */
    List<String> baseImages();

    /** The serverName the kit is rendered with: the Host nginx answers for. */
    String serverName();

    String healthPath();

    /** The body the app answers for a path (requested through nginx). */
    String expectedBody(String path);

    /**
     * A static file nginx itself serves: its URL path, and the file in the app's container
     * whose bytes it must answer with (collected into the volume nginx shares).
     */
    record StaticFile(String urlPath, String appFile) {}

    /** The static file to check, or {@code null} for a runtime whose kit serves none (Java: the compose kit has no static files). */
    default StaticFile staticFile() {
        return null;
    }

    /** The app container's exit code after {@code docker stop} (SIGTERM): 143 for the JVM, 0 for gunicorn's graceful stop. */
    default String stopExitCode() {
        return "143";
    }

    /** Renders the kit into a fresh folder and returns it (the folder holding docker/ and compose/). */
    Path renderKit();
}
