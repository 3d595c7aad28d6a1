package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.runtime.java.framework.Packaging.Launch;
import dev.hostkit.core.runtime.java.framework.Packaging.Layer;
import dev.hostkit.core.settings.InvalidSettingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Quarkus' fast-jar, the folder {@code quarkus-app} that quarkus:build leaves beside the thin
 * jar (which has no Main-Class): quarkus-run.jar, and lib/, quarkus/ and app/ it reads. The kit
 * ships the folder as it is and runs quarkus-run.jar; the image copies its folders as layers of
 * their own, least often changed first: lib/, then quarkus-run.jar and quarkus/, then app/.
 */
final class QuarkusFastJar {
    static final String FOLDER = "quarkus-app";
    private static final String RUNNER = "quarkus-run.jar";
    private static final String ALLOWED = "Allowed: a Quarkus fast-jar build (the default, quarkus.package.jar.type="
            + "fast-jar) whose " + FOLDER + "/" + RUNNER + " quarkus:build wrote after the jar.";

    private QuarkusFastJar() {}

    static Packaging of(Path jar) {
        Path folder = jar.toAbsolutePath().getParent().resolve(FOLDER);
        Path runner = folder.resolve(RUNNER);
        if (!Files.isRegularFile(runner)) {
            throw new InvalidSettingException("hosting.jar", jar.getFileName().toString(), ALLOWED + " There is no "
                    + FOLDER + "/" + RUNNER + " beside it: hostkit ran before quarkus:build. Declare hosting-maven-plugin after "
                    + "quarkus-maven-plugin in <build><plugins> (both run in the package phase, in the POM's order), or run "
                    + "hosting:generate after the package phase.");
        }
        if (modified(runner) < modified(jar)) {
            throw new InvalidSettingException("hosting.jar", jar.getFileName().toString(), ALLOWED + " " + FOLDER + "/"
                    + RUNNER + " is older than the jar, from an earlier build: hostkit ran before quarkus:build. Declare "
                    + "hosting-maven-plugin after quarkus-maven-plugin in <build><plugins>, or run hosting:generate after "
                    + "the package phase.");
        }
        SortedMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(file -> files.put(FOLDER + "/"
                    + folder.relativize(file).toString().replace('\\', '/'), file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        Launch launch = Launch.jar(FOLDER + "/" + RUNNER);
        return new Packaging(files, launch, launch, layers(files), null);
    }

    /** lib/, then the top-level files (quarkus-run.jar) with quarkus/ and any other folder, app/ last. */
    private static List<Layer> layers(SortedMap<String, Path> files) {
        List<String> top = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (String path : files.keySet()) {
            String name = path.substring(FOLDER.length() + 1);
            if (!name.contains("/")) {
                top.add(path);
            } else if (!folders.contains(name.substring(0, name.indexOf('/')))) {
                folders.add(name.substring(0, name.indexOf('/')));
            }
        }
        String target = Packaging.IMAGE_ROOT + FOLDER + "/";
        List<Layer> layers = new ArrayList<>();
        if (folders.remove("lib")) {
            layers.add(folder("Quarkus' fast-jar, least often changed first: its dependencies.", "lib", target));
        }
        layers.add(new Layer("Its launcher, then the build's own metadata (quarkus/).", null, top, target));
        boolean app = folders.remove("app");
        folders.forEach(name -> layers.add(folder(null, name, target)));
        if (app) {
            layers.add(folder("The application's own classes: the only layer a code-only change rebuilds.", "app", target));
        }
        return layers;
    }

    private static Layer folder(String comment, String name, String target) {
        return new Layer(comment, null, List.of(FOLDER + "/" + name + "/"), target + name + "/");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the time of " + file, e);
        }
    }
}
