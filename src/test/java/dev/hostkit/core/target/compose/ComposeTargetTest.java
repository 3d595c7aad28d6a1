package dev.hostkit.core.target.compose;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.testing.KitResolution;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ComposeTargetTest {
    @TempDir
    Path dir;

    private static Map<String, Object> variables(HostingSettings settings, ProjectFacts project) {
        return new ComposeTarget().contribute(KitResolution.resolve(settings, project).context()).variables();
    }

    @Test
    void composeBuildsTheImageOfTheDockerTarget() {
        assertEquals(List.of("docker"), new ComposeTarget().requires());
    }

    @Test
    @SuppressWarnings("unchecked")
    void nginxReachesTheAppByItsServiceName() {
        Map<String, Object> vars = variables(new HostingSettings().set("port", "9090").set("restartPolicy", "on-failure:3")
                .set("nginxImage", "nginx:1.27.5"), SampleProject.create(dir).facts());
        assertEquals("on-failure:3", vars.get("restartPolicy"));
        assertEquals("nginx:1.27.5", vars.get("nginxImage"));
        Map<String, Object> site = (Map<String, Object>) vars.get("site");
        assertEquals(List.of("app:9090"), site.get("servers"));
        assertEquals(80, site.get("listen"), "inside its container nginx listens on 80 whatever port is published");
        assertEquals(443, site.get("tlsListen"));
        assertFalse(site.containsKey("static"), "a Java app serves its own static files");
        assertNull(vars.get("staticFiles"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPythonAppsCollectedFilesReachNginxThroughAVolume() throws IOException {
        Files.writeString(dir.resolve("requirements.txt"), "gunicorn\n");
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/wsgi.py"), "");
        Map<String, Object> vars = variables(new HostingSettings().set("staticPath", "/assets/"),
                new ProjectFacts("shop", "1.0.0", dir, null, List.of(), null, "pom", false));
        assertEquals(Map.of("image", "/app/staticfiles", "volume", "/srv/static"), vars.get("staticFiles"));
        assertEquals(Map.of("path", "/assets/", "directory", "/srv/static"), ((Map<String, Object>) vars.get("site")).get("static"));
    }

    @Test
    void limitsAreSetOnlyWhenConfigured() {
        Map<String, Object> none = variables(new HostingSettings(), SampleProject.create(dir).facts());
        assertFalse(none.containsKey("memoryLimit") || none.containsKey("cpuLimit"), none::toString);
        Map<String, Object> limited = variables(new HostingSettings().set("memoryLimit", "512m").set("cpuLimit", "0.5"),
                SampleProject.create(dir).facts());
        assertEquals("512m", limited.get("memoryLimit"));
        assertEquals("0.5", limited.get("cpuLimit"));
    }

    @Test
    void eachEnvironmentIsAProjectOfItsOwn() {
        assertEquals("shop", variables(new HostingSettings(), SampleProject.create(dir).facts()).get("projectName"));
        Map<String, Object> prod = new ComposeTarget().contribute(KitResolution.resolve(new HostingSettings(),
                SampleProject.create(dir).facts(), Optional.of("prod")).context()).variables();
        assertEquals("shop-prod", prod.get("projectName"));
    }
}
