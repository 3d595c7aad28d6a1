package dev.hostkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The host/ folder of a {@link SampleKit}: what install.sh installs on a bare machine. */
public final class HostKit {
    private final SampleKit kit;

    private HostKit(SampleKit kit) {
        this.kit = kit;
    }

    public static HostKit of(SampleKit kit) {
        return new HostKit(kit);
    }

    /** The kit's folder, the one install.sh is in. */
    public Path dir() {
        return kit.path("host");
    }

    public Path file(String hostPath) {
        return dir().resolve(hostPath);
    }

    public String read(String hostPath) {
        return kit.read("host/" + hostPath);
    }

    /** The one unit file under systemd/. */
    public Path unitFile() {
        try (Stream<Path> files = Files.list(dir().resolve("systemd"))) {
            List<Path> units = files.toList();
            if (units.size() != 1) {
                throw new AssertionError("expected one unit file in the kit, found " + units);
            }
            return units.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SystemdUnit unit() {
        return SystemdUnit.parse(read("systemd/" + unitFile().getFileName()));
    }

    /**
     * The environment the unit gives an instance on this machine after install.sh: the kit's
     * env file as /etc/APP/APP.env, and no secrets file (optional, created empty by install.sh).
     *
     * @param instance the template instance name (its port), or {@code null} for a plain unit
     */
    public Map<String, String> environment(String instance) {
        String app = kit.variant().appName();
        String envFile = read(app + ".env");
        return unit().environment(instance, path -> path.equals("/etc/" + app + "/" + app + ".env") ? Optional.of(envFile) : Optional.empty());
    }

    /**
     * Lays a Java app out under PREFIX as install.sh does: releases/1.0.0/app.jar, its lib/ and
     * the {@code current} link.
     */
    public void installJavaApp(Path prefix) {
        Path release = prefix.resolve("releases/1.0.0");
        try (Stream<Path> jars = Files.list(dir().resolve("app"))) {
            Files.createDirectories(release.resolve("lib"));
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, release.resolve("app.jar"));
            }
            try (Stream<Path> libs = Files.list(dir().resolve("app/lib"))) {
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
