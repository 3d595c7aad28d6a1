package dev.hostkit.target.host;

import dev.hostkit.testing.JavaBuild;
import dev.hostkit.testing.KitProject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real web app for the host kit tests, compiled in the test from
 * {@code src/test/resources/host/sample-app} (bench/run.sh compiles the same sources): an app
 * jar with a Main-Class and one runtime dependency jar, which the app cannot start without.
 */
final class SampleApp {
    static final String MAIN_CLASS = "hostkit.sample.Main";
    private static final String SOURCES = "/host/sample-app/";
    private static final String LIB_PACKAGE = "hostkit/sample/lib/";
    private static final List<String> SOURCE_FILES = List.of("hostkit/sample/Main.java", "hostkit/sample/lib/Greeting.java");

    private final Path dir;
    private final Path classes;

    private SampleApp(Path dir, Path classes) {
        this.dir = dir;
        this.classes = classes;
    }

    /** Compiles the app into {@code dir}; {@link #project} packages it. */
    static SampleApp build(Path dir) {
        List<Path> sources = new ArrayList<>();
        try {
            for (String name : SOURCE_FILES) {
                Path file = dir.resolve("src").resolve(name);
                Files.createDirectories(file.getParent());
                try (InputStream in = SampleApp.class.getResourceAsStream(SOURCES + name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing test resource " + SOURCES + name);
                    }
                    Files.write(file, in.readAllBytes());
                }
                sources.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SampleApp(dir, JavaBuild.compile(sources, dir.resolve("classes")));
    }

    /**
     * The project "shop" of this app: its jar (Main-Class hostkit.sample.Main, without the
     * dependency's classes) and the dependency jar with hostkit.sample.lib.Greeting.
     *
     * @param buildId written into the app jar, so that two builds with different ids differ
     */
    KitProject project(String buildId) {
        return project(buildId, "1.0.0");
    }

    /** The same project with another version in its POM (the jar's name stays sample-app-1.0.0.jar). */
    KitProject project(String buildId, String version) {
        Path jar = JavaBuild.jar(dir.resolve("build-" + buildId + "/sample-app-1.0.0.jar"), MAIN_CLASS, classes,
                name -> !name.startsWith(LIB_PACKAGE), Map.of("build-id.txt", buildId));
        Path dependency = JavaBuild.jar(dir.resolve("repo/sample-greeting-1.0.jar"), null, classes,
                name -> name.startsWith(LIB_PACKAGE), Map.of("build-id.txt", "lib"));
        return KitProject.jars("shop", version, jar, List.of(dependency));
    }
}
