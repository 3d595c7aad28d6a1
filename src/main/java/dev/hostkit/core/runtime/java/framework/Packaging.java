package dev.hostkit.core.runtime.java.framework;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the kit ships of a Java app and how it starts it, the same on a machine and in an image
 * except where the image rebuilds it in layers.
 *
 * @param files      the shipped files by their path in the app's folder (a jar at the top, folders keep their
 *                   paths), in a stable order
 * @param machine    how a bare machine's unit starts it, paths relative to the release
 * @param image      how the image starts it, paths relative to /app
 * @param layers     the image's COPY instructions, the least often changed first
 * @param buildStage a build stage that takes the jar apart before the layers copy from it, or {@code null}
 */
public record Packaging(Map<String, Path> files, Launch machine, Launch image, List<Layer> layers,
                        BuildStage buildStage) {
    /** /app in the image, the release's folder on a machine. */
    static final String IMAGE_ROOT = "/app/";

    public Packaging {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        layers = List.copyOf(layers);
    }

    /**
     * The default: the jar, its runtime dependencies in {@code lib/} (their own, earlier layer),
     * started with its main class on a class path of both.
     */
    public static Packaging classpath(Path jar, List<Path> dependencies, String mainClass) {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(jar.getFileName().toString(), jar);
        for (Path dependency : dependencies) {
            if (files.put("lib/" + dependency.getFileName(), dependency) != null) {
                throw new IllegalStateException("Two runtime dependencies share the file name " + dependency.getFileName()
                        + "; the kit's lib/ folder cannot hold both.");
            }
        }
        List<Layer> layers = new ArrayList<>();
        List<String> classpath = new ArrayList<>(List.of("app.jar"));
        if (!dependencies.isEmpty()) {
            layers.add(new Layer("Runtime dependencies first: this layer is reused as long as they do not change.",
                    null, List.of("lib/"), IMAGE_ROOT + "lib/"));
            classpath.add("lib/*");
        }
        layers.add(new Layer("The application itself: the only layer a code change rebuilds.", null,
                List.of(jar.getFileName().toString()), IMAGE_ROOT + "app.jar"));
        Launch launch = Launch.classpath(classpath, mainClass);
        return new Packaging(files, launch, launch, layers, null);
    }

    /** The top-level names the image's build context holds, for .dockerignore's allow-list ("lib/", the jar). */
    public List<String> context() {
        return files.keySet().stream().map(path -> path.contains("/") ? path.substring(0, path.indexOf('/') + 1) : path)
                .distinct().toList();
    }

    /** {@code java.*}'s share: the layers, the build stage, the two command lines. */
    public Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("layers", layers.stream().map(Layer::variables).toList());
        if (buildStage != null) {
            vars.put("buildStage", buildStage.variables());
        }
        vars.put("context", context());
        vars.put("hasRuntimeJars", files.keySet().stream().anyMatch(path -> path.startsWith("lib/")));
        vars.put("imageLaunch", image.render(IMAGE_ROOT, true));
        vars.put("machineLaunch", machine.render("", false));
        return vars;
    }

    /** The class the machine runs, or the jar it runs with -jar. */
    public String mainClass() {
        return machine.mainClass() == null ? machine.paths().get(0) : machine.mainClass();
    }

    /**
     * A java command line after the JVM options: {@code -cp PATHS MAIN} or {@code -jar JAR}.
     *
     * @param mainClass the class to run, {@code null} for {@code -jar}
     */
    public record Launch(List<String> paths, String mainClass) {
        public Launch {
            paths = List.copyOf(paths);
        }

        static Launch classpath(List<String> paths, String mainClass) {
            return new Launch(paths, mainClass);
        }

        static Launch jar(String path) {
            return new Launch(List.of(path), null);
        }

        /** With each path under ROOT; QUOTED puts the class path in single quotes, so that a shell leaves lib/* to the JVM. */
        String render(String root, boolean quoted) {
            String joined = String.join(":", paths.stream().map(path -> (root + path).replaceAll("/$", "")).toList());
            if (mainClass == null) {
                return "-jar " + joined;
            }
            return "-cp " + (quoted && joined.contains("*") ? "'" + joined + "'" : joined) + " " + mainClass;
        }
    }

    /**
     * One COPY: SOURCES (from the build context, or from the build stage FROM) to TARGET.
     *
     * @param comment what the layer holds, for the operator
     */
    public record Layer(String comment, String from, List<String> sources, String target) {
        public Layer {
            sources = List.copyOf(sources);
        }

        Map<String, Object> variables() {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("comment", comment);
            vars.put("copy", (from == null ? "" : "--from=" + from + " ") + String.join(" ", sources) + " " + target);
            return vars;
        }
    }

    /**
     * A stage of the image's build that copies the jar in as {@code app.jar} and runs COMMAND in
     * {@code /build}; the layers copy from it by NAME.
     */
    public record BuildStage(String name, String comment, String command) {
        Map<String, Object> variables() {
            return Map.of("name", name, "comment", comment, "command", command);
        }
    }
}
