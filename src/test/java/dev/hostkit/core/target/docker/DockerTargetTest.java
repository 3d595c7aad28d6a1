package dev.hostkit.core.target.docker;

import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.testing.KitResolution;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerTargetTest {
    @TempDir
    Path dir;

    private Map<String, Object> variables(HostingSettings settings, ProjectFacts project) {
        return new DockerTarget().contribute(KitResolution.resolve(settings, project).context()).variables();
    }

    @Test
    void theBaseImageIsTheRuntimesUnlessSet() throws IOException {
        SampleProject java = SampleProject.create(dir.resolve("java"));
        ProjectFacts java21 = SampleProject.jarProject("shop", java.baseDir(), java.jar(), List.of(), "21");
        assertEquals("eclipse-temurin:21-jre", variables(new HostingSettings(), java21).get("baseImage"));
        assertEquals("registry.example.com/jre:21", variables(new HostingSettings().set("baseImage", "registry.example.com/jre:21"),
                java21).get("baseImage"));
        Path python = Files.createDirectories(dir.resolve("python"));
        Files.writeString(python.resolve("requirements.txt"), "gunicorn\n");
        Files.createDirectories(python.resolve("app"));
        Files.writeString(python.resolve("app/wsgi.py"), "");
        ProjectFacts pythonProject = new ProjectFacts("shop", "1.0.0", python, null, List.of(), null, "pom", false);
        assertEquals("python:3.12-slim", variables(new HostingSettings().set("pythonVersion", "3.12"), pythonProject).get("baseImage"));
    }

    @Test
    void theProbeIsAnExecArrayForTheDockerfileAndForCompose() {
        Map<String, Object> vars = variables(new HostingSettings(), SampleProject.create(dir).facts());
        String healthcheck = (String) vars.get("healthcheck");
        assertTrue(healthcheck.startsWith("[\"bash\", \"-c\", \"exec 3<>/dev/tcp/127.0.0.1/8080 "), healthcheck);
        assertEquals("[\"CMD\", " + healthcheck.substring(1), vars.get("healthcheckTest"));
        assertEquals(10001, vars.get("uid"));
        assertEquals("shop:1.0.0", vars.get("image"));
    }

    @Test
    void theAppShipsIntoTheBuildContext() {
        SampleProject project = SampleProject.create(dir).withDependency("dep-1.0.jar");
        List<KitFile> files = new DockerTarget().contribute(KitResolution.resolve(new HostingSettings(), project.facts()).context()).files();
        assertEquals(List.of("docker/shop-1.0.0.jar", "docker/lib/dep-1.0.jar"), files.stream().map(KitFile::path).toList());
    }

    @ParameterizedTest
    @CsvSource({"1.0.0, 1.0.0", "1.0.0-SNAPSHOT, 1.0.0-SNAPSHOT", "1.0+build.5, 1.0-build.5", ".hidden, v.hidden",
            "-rc1, v-rc1", "'', latest"})
    void theImageTagIsTheVersionInTheCharactersATagAllows(String version, String tag) {
        assertEquals(tag, DockerTarget.imageTag(version));
        assertEquals(128, DockerTarget.imageTag("1".repeat(200)).length());
    }
}
