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
     * Lays a Java app out under PREFIX as install.sh does: releases/1.0.0 with the kit's jar as
     * app.jar and its folders (lib/, quarkus-app/) as they are, and the {@code current} link.
     */
    public void installJavaApp(Path prefix) {
        Path release = prefix.resolve("releases/1.0.0");
        Path app = dir().resolve("app");
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = app.relativize(file);
                Path target = relative.getNameCount() == 1 ? release.resolve("app.jar") : release.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
            Files.createSymbolicLink(prefix.resolve("current"), release);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
