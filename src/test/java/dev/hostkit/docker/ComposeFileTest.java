package dev.hostkit.docker;

import dev.hostkit.core.syntax.Quoting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kits' compose files as docker compose v2 reads them ({@code docker-compose config}; no daemon needed). */
class ComposeFileTest {
    @TempDir
    Path dir;

    @Test
    void composeReadsTheJavaKit() {
        Path kit = new JavaSample(dir).renderKit();
        ComposeFile compose = ComposeFile.read(kit.resolve("compose/compose.yaml"));
        assertEquals("hello-java", compose.name());
        assertEquals("hello-java_default", compose.network());
        assertEquals(List.of("app", "nginx"), compose.services().stream().map(ComposeFile.Service::name).toList());

        ComposeFile.Service app = compose.service("app");
        assertEquals(kit.resolve("docker").toAbsolutePath().normalize(), app.buildContext());
        assertEquals("hello-java:1.0.0", compose.imageOf(app));
        assertEquals("Hello from hostkit", app.environment().get("GREETING"), "compose reads app.env");
        assertEquals(512L * 1024 * 1024, app.memLimit(), "mem_limit 512m, in bytes");
        assertEquals(1.0, app.cpus());

        ComposeFile.Service nginx = compose.service("nginx");
        assertEquals(Map.of("app", "service_healthy"), nginx.dependsOn());
        assertTrue(nginx.json().path("depends_on").path("app").path("restart").asBoolean(),
                "compose restarts nginx when it replaces the app's container (nginx resolves `app` once)");
        assertEquals(List.of(80), nginx.ports());
        assertEquals(kit.resolve("compose/nginx/default.conf").toAbsolutePath().normalize().toString(),
                nginx.json().path("volumes").path(0).path("source").asText());
    }

    @Test
    void djangoKitSharesItsStaticVolumeWithNginx() {
        Path kit = new DjangoSample(dir).renderKit();
        ComposeFile compose = ComposeFile.read(kit.resolve("compose/compose.yaml"));
        assertEquals("hello-django", compose.name());
        assertEquals(List.of("static"), compose.volumes());
        assertEquals("hello-django_static", compose.volumeName("static"));
        assertEquals(List.of("CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)"),
                compose.service("app").healthcheck().test());
    }

    @Test
    void aFileComposeRefusesFailsWithComposesMessage() throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "name: x\nservices:\n  web:\n    image: nginx:1.28\n    restarts: always\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComposeFile.read(file));
        assertTrue(e.getMessage().contains("services.web.restarts"), e.getMessage());
    }

    /** What hostkit writes into app.env (Quoting.composeEnvFile) is what compose reads back as the value. */
    @Test
    void hostkitsEnvFileQuotingRoundTripsThroughCompose() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        StringBuilder envFile = new StringBuilder();
        List<String> samples = List.of("plain", "two words", "quote \" and back\\slash", "tab\there", "$dollar and 'x",
                "price: $5", "it's $5 a\\b", "# not a comment", "trailing space ", "=equals=", "'single'", "\"double\"");
        for (int i = 0; i < samples.size(); i++) {
            try {
                envFile.append("KEY").append(i).append('=').append(Quoting.composeEnvFile(samples.get(i))).append('\n');
                values.put("KEY" + i, samples.get(i));
            } catch (IllegalArgumentException refused) {
                // hostkit refuses such a value in the first place
            }
        }
        assertTrue(values.size() > samples.size() / 2, "most samples are accepted: " + values.keySet());
        Files.writeString(dir.resolve("app.env"), envFile);
        Path file = Files.writeString(dir.resolve("compose.yaml"), "name: x\nservices:\n  web:\n    image: nginx:1.28\n    env_file:\n      - app.env\n");
        assertEquals(values, ComposeFile.read(file).service("web").environment(), envFile::toString);
    }
}
