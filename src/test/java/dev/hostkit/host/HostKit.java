package dev.hostkit.host;

import dev.hostkit.testing.SampleProject;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The host kit of a project "shop" 1.0.0 built from real jars, rendered by the real
 * {@link KitGenerator} into {@code PROJECT/target/hosting}.
 */
final class HostKit {
    private final Path dir;

    private HostKit(Path dir) {
        this.dir = dir;
    }

    /** Renders (or re-renders, like a second build) the host target for these jars and settings. */
    static HostKit render(Path projectDir, Path jar, List<Path> dependencies, HostingSettings settings) {
        ProjectFacts facts = SampleProject.jarProject("shop", projectDir, jar, dependencies, "17");
        Path output = projectDir.resolve("target/hosting");
        KitGeneration.write(settings.setList("targets", List.of("host")), facts, projectDir.resolve("src/main/hosting"),
                output, false);
        return new HostKit(output.resolve("host"));
    }

    /** The kit's folder, the one install.sh is in. */
    Path dir() {
        return dir;
    }

    Path file(String kitPath) {
        return dir.resolve(kitPath);
    }

    String read(String kitPath) {
        try {
            return Files.readString(file(kitPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one unit file under systemd/. */
    Path unitFile() {
        try (Stream<Path> files = Files.list(dir.resolve("systemd"))) {
            List<Path> units = files.toList();
            if (units.size() != 1) {
                throw new AssertionError("expected one unit file in the kit, found " + units);
            }
            return units.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SystemdUnit unit() {
        try {
            return SystemdUnit.parse(Files.readString(unitFile(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The environment the unit gives an instance on this machine after install.sh: the kit's
     * env file as /etc/shop/shop.env, and no secrets file (optional, created empty by install.sh).
     */
    Map<String, String> environment(String instance) {
        String envFile = read("shop.env");
        return unit().environment(instance, path -> path.equals("/etc/shop/shop.env") ? Optional.of(envFile) : Optional.empty());
    }

    /**
     * Lays the app out under PREFIX as install.sh does: releases/1.0.0/app.jar, its lib/ and
     * the {@code current} link.
     */
    void installApp(Path prefix) {
        Path release = prefix.resolve("releases/1.0.0");
        try (Stream<Path> jars = Files.list(dir.resolve("app"))) {
            Files.createDirectories(release.resolve("lib"));
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, release.resolve("app.jar"));
            }
            try (Stream<Path> libs = Files.list(dir.resolve("app/lib"))) {
                for (Path lib : libs.toList()) {
                    Files.copy(lib, release.resolve("lib").resolve(lib.getFileName()));
                }
            }
            Files.createSymbolicLink(prefix.resolve("current"), release);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
