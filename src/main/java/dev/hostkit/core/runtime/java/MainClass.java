package dev.hostkit.core.runtime.java;

import dev.hostkit.core.settings.InvalidSettingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;

/** The packaged jar a kit ships, and the main class its manifest names. */
public final class MainClass {
    static final String ALLOWED = "Allowed: a fully qualified class name such as com.example.Main. Set hosting.mainClass, "
            + "or a Main-Class in the jar's manifest (maven-jar-plugin archive/manifest/mainClass).";

    private MainClass() {}

    /** The jar, which must exist: the goal runs in or after the package phase. */
    public static Path requireJar(Path jar) {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new InvalidSettingException("hosting.jar", jar == null ? null : jar.toString(),
                    "The docker, compose and host targets copy the project's jar, so it must exist: run the goal in the "
                            + "package phase (mvn package) or after it (mvn package hosting:generate).");
        }
        return jar;
    }

    public static String fromManifest(Path jar) {
        String fromManifest = attribute(jar, "Main-Class").orElse(null);
        if (fromManifest == null) {
            throw new InvalidSettingException(JavaRuntime.MAIN_CLASS.label(), null,
                    ALLOWED.replace("Allowed: a", "The jar " + jar.getFileName() + " has no Main-Class; expected a"));
        }
        if (!JavaRuntime.CLASS_NAME.matcher(fromManifest.trim()).matches()) {
            throw new InvalidSettingException(JavaRuntime.MAIN_CLASS.label(), fromManifest.trim(), ALLOWED);
        }
        return fromManifest.trim();
    }

    /** The value of the main attribute NAME of the jar's manifest, if it has one. */
    public static Optional<String> attribute(Path jar, String name) {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            var manifest = jarFile.getManifest();
            return Optional.ofNullable(manifest == null ? null : manifest.getMainAttributes().getValue(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + jar, e);
        }
    }
}
