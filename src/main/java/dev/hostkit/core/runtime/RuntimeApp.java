package dev.hostkit.core.runtime;

import dev.hostkit.core.files.KitFile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A validated app of one runtime: what the targets ask of it, in the runtime's own terms. */
public interface RuntimeApp {
    /** The variables templates read under the runtime's name ({@code java.*}, {@code python.*}). */
    Map<String, Object> variables();

    /** The base image of the app's container when hosting.baseImage is not set. */
    String defaultBaseImage();

    /**
     * The container's health probe as an exec command line: it needs nothing the base image
     * does not promise, and succeeds when the health path answers 2xx or 3xx.
     */
    List<String> containerProbe();

    /**
     * The app itself, to ship into a kit folder.
     *
     * @param folder where it goes, such as {@code docker/}, ending in '/'
     */
    List<KitFile> files(Placement placement, String folder);

    /**
     * The environment variables the kit sets for the app itself, each with what decides its
     * value: an {@code <env>} entry of the same name would override the kit's, so it is refused.
     */
    Map<String, String> environmentItSets();

    /** Where nginx on the same machine reaches the instance on this port: {@code 127.0.0.1:8080}, {@code unix:/run/...}. */
    String machineEndpoint(int port);

    /** Where the app's image holds files nginx serves itself (collected static files), if it has any. */
    default Optional<String> imageStaticFiles() {
        return Optional.empty();
    }

    /**
     * What must run once per release before the new version serves (Django's migrations), as an exec
     * command line in the app's image; empty when nothing must.
     */
    default List<String> releaseCommand() {
        return List.of();
    }

    /** What the runtime recognised in the project, one line each for the build log ("framework spring-boot (...)"). */
    default List<String> notes() {
        return List.of();
    }

    /**
     * The URL path prefixes nginx answers 404 for (management endpoints the probes reach on the
     * instance itself), as the nginx/private-paths partial reads them: each a {@code prefix}, its
     * {@code regex} and the {@code public} paths under it ({@code path}, {@code regex}).
     */
    default List<Map<String, Object>> privatePaths() {
        return List.of();
    }

    /** Why the app runs as one instance per machine, if it must. */
    default Optional<String> singleInstanceReason() {
        return Optional.empty();
    }
}
