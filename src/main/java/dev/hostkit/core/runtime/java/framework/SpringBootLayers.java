package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.runtime.java.MainClass;
import dev.hostkit.core.runtime.java.framework.Packaging.BuildStage;
import dev.hostkit.core.runtime.java.framework.Packaging.Launch;
import dev.hostkit.core.runtime.java.framework.Packaging.Layer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * A repackaged Spring Boot jar in the image: a build stage takes it apart with Spring Boot's own
 * layer tools into the layers its {@code layers.idx} names (dependencies, spring-boot-loader,
 * snapshot-dependencies, application by default), each copied as a layer of its own, least
 * often changed first, so that a code-only change rebuilds only the application layer. The jar's
 * launcher (its manifest's Main-Class) starts the app from the extracted folders. On a machine
 * the jar ships whole.
 */
final class SpringBootLayers {
    private static final Pattern LAYER = Pattern.compile("^- \"([^\"]+)\":$", Pattern.MULTILINE);
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+).*");
    private static final String STAGE = "layers";

    private SpringBootLayers() {}

    /** The layered packaging of a repackaged jar, empty when it has no layers index (layers turned off, Boot before 2.3). */
    static Optional<Packaging> of(Path jar, String launcher) {
        Optional<String> index = MainClass.attribute(jar, "Spring-Boot-Layers-Index");
        if (index.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = layerNames(jar, index.get());
        String version = MainClass.attribute(jar, "Spring-Boot-Version").orElse("");
        List<Layer> layers = new ArrayList<>();
        for (String name : names) {
            layers.add(new Layer(layers.isEmpty() ? "Spring Boot's layers (its layers.idx), least often changed first: a code "
                    + "change rebuilds the last." : null, STAGE, List.of("/build/extracted/" + name + "/"),
                    Packaging.IMAGE_ROOT));
        }
        String mkdirs = String.join(" ", names.stream().map(name -> "extracted/" + name).toList());
        BuildStage stage = new BuildStage(STAGE, "Spring Boot " + (version.isEmpty() ? "" : version + " ")
                + "takes its jar apart into its layers (an empty layer is an empty folder).",
                extract(version) + " && mkdir -p " + mkdirs);
        String jarName = jar.getFileName().toString();
        return Optional.of(new Packaging(new TreeMap<>(Map.of(jarName, jar)),
                Launch.classpath(List.of("app.jar"), launcher), Launch.classpath(List.of(""), launcher), layers, stage));
    }

    /**
     * Spring Boot 3.3's tools jar mode with the launcher extracted too; before 3.3 (from 2.3) the
     * layertools mode, which extracts the launcher into spring-boot-loader itself. A jar that does
     * not say its version is taken for a current one.
     */
    static String extract(String version) {
        Matcher matcher = VERSION.matcher(version);
        boolean tools = !matcher.matches() || Integer.parseInt(matcher.group(1)) > 3
                || Integer.parseInt(matcher.group(1)) == 3 && Integer.parseInt(matcher.group(2)) >= 3;
        return tools ? "java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted"
                : "java -Djarmode=layertools -jar app.jar extract --destination extracted";
    }

    /** The layers the index names, in its order. */
    private static List<String> layerNames(Path jar, String index) {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry entry = file.getEntry(index);
            if (entry == null) {
                throw new IllegalStateException("The jar " + jar.getFileName() + " names the layers index " + index
                        + " in its manifest but does not hold it");
            }
            String text = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            List<String> names = LAYER.matcher(text).results().map(result -> result.group(1)).toList();
            if (names.isEmpty() || names.stream().anyMatch(name -> !name.matches("[A-Za-z0-9._-]+"))) {
                throw new IllegalStateException("The layers index " + index + " of " + jar.getFileName()
                        + " names no layers hostkit can copy (letters, digits, '.', '_', '-'): " + names);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the layers index of " + jar, e);
        }
    }
}
