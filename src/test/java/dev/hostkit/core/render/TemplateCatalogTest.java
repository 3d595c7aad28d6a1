package dev.hostkit.core.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateCatalogTest {
    private static final List<String> BUILT_IN_DOCKER = List.of("docker/.dockerignore.mustache", "docker/Dockerfile.mustache",
            "docker/{{runtime.gunicornConf}}.mustache");
    private static final List<String> BUILT_IN_COMPOSE = List.of(
            "compose/app.env.mustache", "compose/compose.yaml.mustache", "compose/nginx/default.conf.mustache");

    @TempDir
    Path userDir;

    private TemplateCatalog catalog() {
        return TemplateCatalog.load(new TemplateOrigins(userDir));
    }

    private void userTemplate(String name, String content) throws IOException {
        Path file = userDir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void builtInTargets() {
        TemplateCatalog catalog = TemplateCatalog.load(new TemplateOrigins(userDir.resolve("does-not-exist")));
        assertEquals(List.of("compose", "docker", "host"), catalog.builtInTargets());
        assertEquals(List.of(), catalog.customTargets());
        assertEquals(List.of("compose", "docker", "host"), catalog.knownTargets());
        assertEquals(BUILT_IN_DOCKER, catalog.templatesFor(List.of("docker")));
        assertEquals(BUILT_IN_COMPOSE, catalog.templatesFor(List.of("compose")));
        assertEquals(List.of(), catalog.templatesFor(List.of()));
    }

    @Test
    void noUserDirectoryAtAllIsFine() {
        assertEquals(BUILT_IN_DOCKER, TemplateCatalog.load(new TemplateOrigins((Path) null)).templatesFor(List.of("docker")));
    }

    @Test
    void partialsAreNeverRenderedNorATarget() throws IOException {
        userTemplate("partials/mine.mustache", "x");
        userTemplate("partials/nginx/site.mustache", "x");
        TemplateCatalog catalog = catalog();
        assertEquals(List.of(), catalog.customTargets());
        List<String> all = catalog.templatesFor(List.of("docker", "compose", "host", "partials"));
        assertTrue(all.stream().noneMatch(name -> name.startsWith("partials/")), all::toString);
        assertEquals(List.of(), catalog.templatesFor(List.of("partials")));
    }

    @Test
    void aUserOverrideReplacesTheBuiltInAtTheSamePath() throws IOException {
        userTemplate("docker/Dockerfile.mustache", "FROM scratch # {{app.name}}\n");
        TemplateCatalog catalog = catalog();
        assertEquals(BUILT_IN_DOCKER, catalog.templatesFor(List.of("docker")));
        assertEquals("FROM scratch # shop\n", new TemplateRenderer(new TemplateOrigins(userDir))
                .render("docker/Dockerfile.mustache", Map.of("app", Map.of("name", "shop"))));
    }

    @Test
    void userAdditionsInABuiltInFolderRenderOnlyWithThatTarget() throws IOException {
        userTemplate("docker/entrypoint.sh.mustache", "#!/bin/sh\n");
        userTemplate("docker/notes.txt", "not a template");
        TemplateCatalog catalog = catalog();
        assertEquals(List.of("docker/.dockerignore.mustache", "docker/Dockerfile.mustache", "docker/entrypoint.sh.mustache",
                        "docker/{{runtime.gunicornConf}}.mustache"),
                catalog.templatesFor(List.of("docker")));
        assertEquals(BUILT_IN_COMPOSE, catalog.templatesFor(List.of("compose")));
        assertEquals(List.of(), catalog.customTargets());
    }

    @Test
    void aCustomFolderBecomesAKnownTarget() throws IOException {
        userTemplate("k8s/deployment.yaml.mustache", "kind: Deployment\n");
        userTemplate("k8s/base/service.yaml.mustache", "kind: Service\n");
        userTemplate("ansible/site.yml.mustache", "---\n");
        TemplateCatalog catalog = catalog();
        assertEquals(List.of("ansible", "k8s"), catalog.customTargets());
        assertEquals(List.of("compose", "docker", "host", "ansible", "k8s"), catalog.knownTargets());
        assertEquals(List.of("k8s/base/service.yaml.mustache", "k8s/deployment.yaml.mustache"), catalog.templatesFor(List.of("k8s")));
    }

    @Test
    void rootLevelUserTemplatesAlwaysRender() throws IOException {
        userTemplate("NOTES.md.mustache", "notes\n");
        userTemplate("k8s/deployment.yaml.mustache", "kind: Deployment\n");
        TemplateCatalog catalog = catalog();
        assertEquals(List.of("NOTES.md.mustache", "k8s/deployment.yaml.mustache"), catalog.templatesFor(List.of("k8s")));
        assertEquals(List.of("NOTES.md.mustache", "docker/.dockerignore.mustache", "docker/Dockerfile.mustache",
                        "docker/{{runtime.gunicornConf}}.mustache"),
                catalog.templatesFor(List.of("docker")));
        assertEquals(List.of("NOTES.md.mustache"), catalog.templatesFor(List.of()));
    }

    @Test
    void outputPathOf() {
        assertEquals("docker/Dockerfile", TemplateCatalog.outputPathOf("docker/Dockerfile.mustache"));
        assertEquals("docker/.dockerignore", TemplateCatalog.outputPathOf("docker/.dockerignore.mustache"));
        assertEquals("host/{{app.name}}.env", TemplateCatalog.outputPathOf("host/{{app.name}}.env.mustache"));
        assertEquals("NOTES.md", TemplateCatalog.outputPathOf("NOTES.md.mustache"));
    }
}
