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
     * A static file nginx itself serves, as {@code path -> body}, or {@code null} for a
     * runtime whose kit serves none (Java: the compose kit has no static files).
     */
    default String[] staticFile() {
        return null;
    }

    /** Renders the kit into a fresh folder and returns it (the folder holding docker/ and compose/). */
    Path renderKit();
}
