package dev.hostkit.testing;

import dev.hostkit.core.settings.ProjectFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled example examples/hello-django copied as a project of the test's own: a Django 3.2
 * {@code startproject} with the settings the kit's README documents, answering /, /health and
 * /scheme (the scheme Django believes the client used, which shows SECURE_PROXY_SSL_HEADER at
 * work), admin's static files collected at build. Its sources only, never what a build or a run
 * left in it (target/, where its own kit is rendered, and __pycache__).
 */
public final class DjangoExample {
    public static final String LOCATION = "examples/hello-django";

    private DjangoExample() {}

    /** Copies the example into DIR (created) and returns DIR. */
    public static Path copy(Path dir) {
        return copy(ProjectDir.resolve(LOCATION), dir);
    }

    /** Copies the sources of the example folder EXAMPLE into DIR (created) and returns DIR. */
    public static Path copy(Path example, Path dir) {
        try (Stream<Path> walk = Files.walk(example)) {
            for (Path path : walk.filter(path -> isSource(example.relativize(path))).toList()) {
                Path target = dir.resolve(example.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the Maven build knows of the copy: a pom-packaged project without Java sources. */
    public static ProjectFacts facts(String artifactId, Path dir) {
        return new ProjectFacts(artifactId, "1.0.0", dir, null, List.of(), null, "pom", false);
    }

    private static boolean isSource(Path relative) {
        if (relative.toString().isEmpty()) {
            return true;
        }
        if (relative.getName(0).toString().equals("target")) {
            return false;
        }
        for (Path part : relative) {
            if (part.toString().equals("__pycache__")) {
                return false;
            }
        }
        return !relative.toString().endsWith(".pyc");
    }
}
