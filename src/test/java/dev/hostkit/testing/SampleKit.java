package dev.hostkit.testing;

import dev.hostkit.core.settings.ProjectFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hosting kit of one {@link KitVariant}, rendered by the real generator into PROJECT/target/hosting.
 *
 * @param projectDir the project the kit was rendered for
 * @param root       the folder holding the targets' folders (docker/, compose/, host/)
 */
public record SampleKit(KitVariant variant, Path projectDir, Path root) {
    /** Makes the variant's project in PROJECT_DIR and renders its kit (again, like a second build, when there is one). */
    static SampleKit render(KitVariant variant, Path projectDir) {
        ProjectFacts facts = variant.project().create(projectDir);
        Path output = projectDir.resolve("target/hosting");
        KitGeneration.write(variant.settings(), facts, projectDir.resolve("src/main/hosting"), output, false);
        return new SampleKit(variant, projectDir, output);
    }

    public Path path(String kitPath) {
        return root.resolve(kitPath);
    }

    public boolean has(String kitPath) {
        return Files.exists(path(kitPath));
    }

    public String read(String kitPath) {
        try {
            return Files.readString(path(kitPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String kitPath, String content) {
        try {
            Files.writeString(path(kitPath), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kit's files, relative and sorted, such as "compose/nginx/default.conf". */
    public List<String> files() {
        return filesUnder(root);
    }

    /** The files under a kit's folder ROOT, relative and sorted, such as "compose/nginx/default.conf". */
    public static List<String> filesUnder(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the first {@code from} in a kit file by {@code to}: a deliberate defect that a
     * check must catch. Fails when {@code from} is not there, so that a mutation cannot
     * silently stop applying when a template changes.
     */
    public void mutate(String kitPath, String from, String to) {
        String text = read(kitPath);
        int at = text.indexOf(from);
        assertTrue(at >= 0, () -> "Mutation does not apply: " + kitPath + " of " + variant + " has no '" + from + "'");
        write(kitPath, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    @Override
    public String toString() {
        return "kit " + variant + " in " + root;
    }
}
