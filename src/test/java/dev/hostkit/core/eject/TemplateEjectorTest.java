package dev.hostkit.core.eject;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.testing.KitGeneration;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateEjectorTest {
    @TempDir
    Path dir;

    private EjectReport eject(HostingSettings settings, ProjectFacts project, Path templates) {
        return new TemplateEjector(BuiltIns.load()).eject(settings, project, templates);
    }

    private static List<String> names(List<EjectReport.Template> templates) {
        return templates.stream().map(EjectReport.Template::name).sorted().toList();
    }

    @Test
    void oneTargetsTemplatesAndThePartialsTheyIncludeInTheRuntimesVersion() throws IOException {
        SampleProject project = SampleProject.create(dir);
        EjectReport report = eject(new HostingSettings().setList("targets", List.of("docker")), project.facts(),
                project.templateDir());
        assertEquals("java", report.runtime());
        assertEquals(List.of("docker"), report.targets());
        assertEquals(List.of("docker/.dockerignore.mustache", "docker/Dockerfile.mustache", "partials/generated.mustache"),
                names(report.copied()));
        assertEquals("runtimes/java/docker/Dockerfile.mustache", report.copied().stream()
                .filter(template -> template.name().equals("docker/Dockerfile.mustache")).findFirst().orElseThrow().source());
        String copy = Files.readString(project.templateDir().resolve("docker/Dockerfile.mustache"));
        assertTrue(copy.contains("{{> generated}}") && copy.contains("exec java"), copy);
    }

    @Test
    void everyTargetWithEveryPartialItReachesTransitively() {
        SampleProject project = SampleProject.create(dir);
        List<String> copied = names(eject(new HostingSettings(), project.facts(), project.templateDir()).copied());
        assertTrue(copied.contains("partials/nginx/site.mustache") && copied.contains("partials/nginx/upstream.mustache")
                && copied.contains("partials/systemd/sandbox.mustache") && copied.contains("partials/host/install-release.mustache")
                && copied.contains("host/systemd/{{host.unitFile}}.mustache"), copied::toString);
        assertFalse(copied.contains("partials/gunicorn.mustache"), "a Java kit includes no gunicorn partial");
    }

    @Test
    void aPythonProjectGetsThePythonTemplates() throws IOException {
        Files.writeString(dir.resolve("requirements.txt"), "gunicorn\n");
        Files.createDirectories(dir.resolve("web"));
        Files.writeString(dir.resolve("web/wsgi.py"), "");
        ProjectFacts python = new ProjectFacts("shop", "1.0.0", dir, null, List.of(), null, "pom", false);
        EjectReport report = eject(new HostingSettings().setList("targets", List.of("docker")), python, dir.resolve("templates"));
        assertEquals("python", report.runtime());
        assertEquals(List.of("docker/.dockerignore.mustache", "docker/Dockerfile.mustache", "docker/gunicorn.conf.py.mustache",
                "partials/generated.mustache", "partials/gunicorn.mustache"), names(report.copied()));
    }

    @Test
    void aFileThatIsThereIsNeverReplaced() throws IOException {
        SampleProject project = SampleProject.create(dir).withTemplate("docker/Dockerfile.mustache", "FROM scratch\n");
        EjectReport report = eject(new HostingSettings().setList("targets", List.of("docker")), project.facts(), project.templateDir());
        assertEquals(List.of("docker/Dockerfile.mustache"), names(report.kept()));
        assertEquals("FROM scratch\n", Files.readString(project.templateDir().resolve("docker/Dockerfile.mustache")));
    }

    /** The ejected templates are the built-in ones: the kit is the same but for the headers, which name the copies. */
    @Test
    void aKitOfEjectedTemplatesIsTheBuiltInKit() {
        SampleProject project = SampleProject.create(dir).withDependency("dep-1.0.jar");
        HostingSettings settings = new HostingSettings().set("serverName", "shop.example.com").set("tlsAcme", "true")
                .set("instances", "2");
        Map<String, String> before = withoutHeaders(KitGeneration.renderText(settings, project.facts(), project.templateDir()));
        eject(settings, project.facts(), project.templateDir());
        Map<String, String> after = withoutHeaders(KitGeneration.renderText(settings, project.facts(), project.templateDir()));
        assertEquals(before, after);
        assertTrue(KitGeneration.renderText(settings, project.facts(), project.templateDir()).get("docker/Dockerfile")
                .contains("from src/main/hosting/docker/Dockerfile.mustache."), "the header names the copy");
    }

    private static Map<String, String> withoutHeaders(Map<String, String> files) {
        Map<String, String> stripped = new TreeMap<>();
        files.forEach((path, text) -> stripped.put(path, text.replaceAll(
                "(?m)^(# |<!-- )Generated by hostkit.*\\n(# A hand edit here.*\\n)?(# it, copy that template.*\\n)?", "")));
        return stripped;
    }
}
