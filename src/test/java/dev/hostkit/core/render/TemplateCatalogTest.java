package dev.hostkit.core.render;

import dev.hostkit.core.registry.BuiltIns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateCatalogTest {
    private static final List<String> FOLDERS = BuiltIns.load().templateFolders();
    private static final List<String> BUILT_IN_DOCKER = List.of("docker/.dockerignore.mustache", "docker/Dockerfile.mustache");
    private static final List<String> BUILT_IN_PYTHON_DOCKER = List.of("docker/.dockerignore.mustache",
            "docker/Dockerfile.mustache", "docker/gunicorn.conf.py.mustache");
    private static final List<String> BUILT_IN_COMPOSE = List.of(
            "compose/app.env.mustache", "compose/compose.yaml.mustache", "compose/nginx/default.conf.mustache");

    @TempDir
    Path userDir;

    private TemplateCatalog catalog() {
        return TemplateCatalog.load(FOLDERS, List.of(userDir), List.of());
    }

    private void userTemplate(String name, String content) throws IOException {
        Path file = userDir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void builtInTemplatesByTargetAndRuntime() {
        TemplateCatalog catalog = TemplateCatalog.load(FOLDERS, List.of(userDir.resolve("does-not-exist")), List.of());
        assertEquals(List.of(), catalog.userFolders());
        assertEquals(BUILT_IN_DOCKER, catalog.templatesFor(List.of("docker"), "java"));
        assertEquals(BUILT_IN_PYTHON_DOCKER, catalog.templatesFor(List.of("docker"), "python"));
        assertEquals(BUILT_IN_COMPOSE, catalog.templatesFor(List.of("compose"), "java"));
        assertEquals(List.of(), catalog.templatesFor(List.of(), "java"));
        assertEquals(List.of(), catalog.templatesFor(List.of("runtimes"), "java"), "runtimes/ is no target");
    }

    @Test
    void aRuntimesOwnTemplateComesBeforeTheSharedOneOfTheSameName() {
        TemplateOrigins java = new TemplateOrigins(List.of(), "java");
        assertEquals(Optional.of("runtimes/java/docker/Dockerfile.mustache"), java.builtInSource("docker/Dockerfile.mustache"));
        assertEquals(Optional.of("partials/nginx/site.mustache"), java.builtInSource("partials/nginx/site.mustache"));
        assertEquals(Optional.of("runtimes/java/partials/host/install-release.mustache"),
                java.builtInSource("partials/host/install-release.mustache"));
        assertEquals(Optional.empty(), java.builtInSource("docker/gunicorn.conf.py.mustache"));
        assertEquals(Optional.of("runtimes/python/docker/gunicorn.conf.py.mustache"),
                new TemplateOrigins(List.of(), "python").builtInSource("docker/gunicorn.conf.py.mustache"));
    }

    @Test
    void environmentFoldersAreNoTargets() throws IOException {
        userTemplate("prod/docker/Dockerfile.mustache", "x");
        userTemplate("scripts/run.sh.mustache", "x");
        assertEquals(List.of("scripts"), TemplateCatalog.load(FOLDERS, List.of(userDir), List.of("prod")).userFolders());
    }

    @Test
    void partialsAreNeverRenderedNorATarget() throws IOException {
        userTemplate("partials/mine.mustache", "x");
        userTemplate("partials/nginx/site.mustache", "x");
        TemplateCatalog catalog = catalog();
        assertEquals(List.of(), catalog.userFolders());
        List<String> all = catalog.templatesFor(List.of("docker", "compose", "host", "partials"), "java");
        assertTrue(all.stream().noneMatch(name -> name.startsWith("partials/")), all::toString);
        assertEquals(List.of(), catalog.templatesFor(List.of("partials"), "java"));
    }

    @Test
    void aUserOverrideReplacesTheBuiltInOfTheSameName() throws IOException {
        userTemplate("docker/Dockerfile.mustache", "FROM scratch # {{app.name}}\n");
        assertEquals(BUILT_IN_DOCKER, catalog().templatesFor(List.of("docker"), "java"));
        assertEquals("FROM scratch # shop\n", new TemplateRenderer(new TemplateOrigins(List.of(userDir), "java"))
                .render("docker/Dockerfile.mustache", Map.of("app", Map.of("name", "shop"))));
    }

    @Test
    void userAdditionsInABuiltInFolderRenderOnlyWithThatTarget() throws IOException {
        userTemplate("docker/entrypoint.sh.mustache", "#!/bin/sh\n");
        userTemplate("docker/notes.txt", "not a template");
        TemplateCatalog catalog = catalog();
        assertEquals(List.of("docker/.dockerignore.mustache", "docker/Dockerfile.mustache", "docker/entrypoint.sh.mustache"),
                catalog.templatesFor(List.of("docker"), "java"));
        assertEquals(BUILT_IN_COMPOSE, catalog.templatesFor(List.of("compose"), "java"));
        assertEquals(List.of("docker"), catalog.userFolders(), "the targets know that docker is a built-in one");
    }

    @Test
    void everyUserFolderIsListed() throws IOException {
        userTemplate("k8s/deployment.yaml.mustache", "kind: Deployment\n");
        userTemplate("k8s/base/service.yaml.mustache", "kind: Service\n");
        userTemplate("ansible/site.yml.mustache", "---\n");
        TemplateCatalog catalog = catalog();
        assertEquals(List.of("ansible", "k8s"), catalog.userFolders());
        assertEquals(List.of("k8s/base/service.yaml.mustache", "k8s/deployment.yaml.mustache"),
                catalog.templatesFor(List.of("k8s"), "java"));
    }

    @Test
    void rootLevelUserTemplatesAlwaysRender() throws IOException {
        userTemplate("NOTES.md.mustache", "notes\n");
        userTemplate("k8s/deployment.yaml.mustache", "kind: Deployment\n");
        TemplateCatalog catalog = catalog();
        assertEquals(List.of("NOTES.md.mustache", "k8s/deployment.yaml.mustache"), catalog.templatesFor(List.of("k8s"), "java"));
        assertEquals(List.of("NOTES.md.mustache", "docker/.dockerignore.mustache", "docker/Dockerfile.mustache"),
                catalog.templatesFor(List.of("docker"), "java"));
        assertEquals(List.of("NOTES.md.mustache"), catalog.templatesFor(List.of(), "java"));
    }

    @Test
    void outputPathOf() {
        assertEquals("docker/Dockerfile", TemplateCatalog.outputPathOf("docker/Dockerfile.mustache"));
        assertEquals("docker/.dockerignore", TemplateCatalog.outputPathOf("docker/.dockerignore.mustache"));
        assertEquals("host/{{app.name}}.env", TemplateCatalog.outputPathOf("host/{{app.name}}.env.mustache"));
        assertEquals("NOTES.md", TemplateCatalog.outputPathOf("NOTES.md.mustache"));
    }
}
