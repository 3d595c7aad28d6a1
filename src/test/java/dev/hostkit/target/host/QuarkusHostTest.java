package dev.hostkit.target.host;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.DjangoExample;
import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.Http;
import dev.hostkit.testing.HttpResponse;
import dev.hostkit.testing.KitProject;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.ProjectDir;
import dev.hostkit.testing.RequiredTool;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Quarkus app (quarkus-rest and quarkus-smallrye-health, built by the real
 * quarkus-maven-plugin: about 80 s cold, with Maven Central) shipped as its fast-jar folder and
 * started the way the host kit's unit starts it, from the installed release: quarkus-run.jar
 * answers on the port QUARKUS_HTTP_PORT gives it, and its readiness probe says UP. The docker kit
 * holds the same folder.
 */
class QuarkusHostTest {
    private static final Path SAMPLE = ProjectDir.resolve("src/test/resources/quarkus-sample");
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void quarkusRunJarStartsFromTheKitsFolder() throws IOException {
        Tool.SYSTEM_JAVA.path();
        Path project = DjangoExample.copy(SAMPLE, dir.resolve("project"));
        Commands.Result build = Commands.run(List.of(ProjectDir.resolve("mvnw").toString(), "-B", "-q", "-f",
                project.resolve("pom.xml").toString(), "package"), ProjectDir.path(), Map.of(), Duration.ofMinutes(6));
        if (build.exitCode() != 0) {
            RequiredTool.unavailable("quarkus-maven-plugin", "./mvnw -f " + SAMPLE.resolve("pom.xml") + " package (Maven Central)",
                    "the Quarkus sample could not be built:\n" + build.describe());
        }
        Path jar = project.resolve("target/quarkus-sample-1.0.0.jar");
        int port = Ports.consecutive(1);
        Path prefix = dir.resolve("opt/quarkus");
        SampleKit kit = new KitVariant("quarkus", KitProject.jars("quarkus", jar, List.of()), settings -> settings
                .setList("targets", List.of("docker", "host")).set("framework", "quarkus").set("port", String.valueOf(port))
                .set("installPrefix", prefix.toString())).render(dir.resolve("kit"));
        List<String> shipped = SampleKit.filesUnder(project.resolve("target/quarkus-app"));
        assertTrue(shipped.contains("quarkus-run.jar") && shipped.stream().anyMatch(file -> file.startsWith("lib/main/")), shipped.toString());
        assertEquals(shipped, SampleKit.filesUnder(kit.path("host/app/quarkus-app")), "the fast-jar as quarkus:build left it");
        assertEquals(shipped, SampleKit.filesUnder(kit.path("docker/quarkus-app")));
        assertFalse(kit.has("host/app/quarkus-sample-1.0.0.jar"), "the thin jar, which has no Main-Class, stays behind");

        HostKit host = HostKit.of(kit);
        host.installJavaApp(prefix);
        try (AppInstance running = AppInstance.start(host, null, port, dir.resolve("app.log"), STARTUP)) {
            List<String> command = running.command();
            HttpResponse ready = Http.get(port, "localhost", "/q/health/ready");
            assertAll(
                    () -> assertEquals(List.of("-jar", "quarkus-app/quarkus-run.jar"), command.subList(command.size() - 2,
                            command.size()), command::toString),
                    () -> assertEquals(200, ready.status(), ready::text),
                    () -> assertTrue(ready.text().contains("\"UP\""), ready::text),
                    () -> assertEquals("hello\n", Http.get(port, "localhost", "/").text()));
        }
    }
}
