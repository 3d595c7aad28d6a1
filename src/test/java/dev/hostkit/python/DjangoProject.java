package dev.hostkit.python;

import dev.hostkit.testing.KitGeneration;
import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the bundled example examples/hello-django (without its target/) as a pom-packaged
 * project "shop" 1.0.0 without Java sources, and its kit rendered by the real
 * {@link KitGenerator} into {@code target/hosting}.
 */
final class DjangoProject {
    private final Path dir;

    private DjangoProject(Path dir) {
        this.dir = dir;
    }

    /** Copies the fixture into DIR (created). */
    static DjangoProject copy(Path dir) {
        try {
            Path fixture = Path.of(System.getenv().getOrDefault("HOSTKIT_PROJECT_DIR", ".")).toAbsolutePath()
                    .resolve("examples/hello-django");
            try (Stream<Path> files = Files.walk(fixture)) {
                for (Path file : files.filter(file -> !fixture.relativize(file).startsWith("target")).toList()) {
                    Path target = dir.resolve(fixture.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DjangoProject(dir);
    }

    Path dir() {
        return dir;
    }

    Path kit(String kitPath) {
        return dir.resolve("target/hosting").resolve(kitPath);
    }

    String read(String kitPath) {
        try {
            return Files.readString(kit(kitPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders (again) with these settings; no runtime set: detection must find python. */
    DjangoProject generate(HostingSettings settings) {
        ProjectFacts facts = new ProjectFacts("shop", "1.0.0", dir, null, List.of(), null, "pom", false);
        KitGeneration.write(settings, facts, dir.resolve("src/main/hosting"), dir.resolve("target/hosting"), false);
        return this;
    }
}
