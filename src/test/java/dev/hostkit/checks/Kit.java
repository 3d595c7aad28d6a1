package dev.hostkit.checks;

import dev.hostkit.testing.SampleProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A hosting kit generated for one {@link KitVariant} into a temp dir. */
final class Kit {
    static final String DOCKERFILE = "docker/Dockerfile";
    static final String DOCKERIGNORE = "docker/.dockerignore";
    static final String COMPOSE = "compose/compose.yaml";
    static final String APP_ENV = "compose/app.env";
    static final String NGINX_SITE = "compose/nginx/default.conf";

    private final KitVariant variant;
    private final Path root;

    private Kit(KitVariant variant, Path root) {
        this.variant = variant;
        this.root = root;
    }

    static Kit generate(KitVariant variant, Path projectDir) {
        SampleProject project = SampleProject.create(projectDir).withJavaRelease(variant.javaRelease());
        if (variant.dependency()) {
            project.withDependency(KitVariant.DEPENDENCY_JAR);
        }
        project.generate(variant.settings());
        return new Kit(variant, project.outputDir());
    }

    KitVariant variant() {
        return variant;
    }

    Path root() {
        return root;
    }

    Path path(String kitPath) {
        return root.resolve(kitPath);
    }

    String read(String kitPath) {
        try {
            return Files.readString(path(kitPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String kitPath, String content) {
        try {
            Files.writeString(path(kitPath), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the first {@code from} in a kit file by {@code to}: a deliberate defect that a
     * check must catch. Fails when {@code from} is not there, so that a mutation cannot
     * silently stop applying when a template changes.
     */
    void mutate(String kitPath, String from, String to) {
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
