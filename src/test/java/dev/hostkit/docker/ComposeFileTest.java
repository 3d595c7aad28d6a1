package dev.hostkit.docker;

import dev.hostkit.core.syntax.Quoting;
import dev.hostkit.testing.Commands;
import dev.hostkit.testing.ComposeEnvFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compose-like runner's reading of compose files and env files (no docker needed). */
class ComposeFileTest {
    @TempDir
    Path dir;

    @Test
    void javaKitMapsToDockerRunFlags() {
        Path kit = new JavaSample(dir).renderKit();
        ComposeFile compose = ComposeFile.read(kit.resolve("compose/compose.yaml"));
        assertEquals("hello-java", compose.name());
        assertEquals(List.of("app", "nginx"), compose.services().stream().map(ComposeFile.Service::name).toList(),
                "nginx starts after the app it depends on");

        ComposeFile.Service app = compose.service("app");
        assertEquals(kit.resolve("docker").toAbsolutePath().normalize(), app.buildContext());
        List<String> appArgs = compose.runArguments(app);
        assertContainsInOrder(appArgs, "--name", "hello-java-app-1");
        assertContainsInOrder(appArgs, "--network", "hello-java_default", "--network-alias", "app");
        assertContainsInOrder(appArgs, "--env", "GREETING=Hello from hostkit");
        assertContainsInOrder(appArgs, "--expose", "8080");
        assertContainsInOrder(appArgs, "--health-interval", "10s", "--health-timeout", "3s", "--health-retries", "3",
                "--health-start-period", "30s");
        assertContainsInOrder(appArgs, "--read-only", "--tmpfs", "/tmp", "--cap-drop", "ALL", "--security-opt", "no-new-privileges:true");
        assertEquals("hello-java:1.0.0", appArgs.get(appArgs.size() - 1));

        ComposeFile.Service nginx = compose.service("nginx");
        assertEquals(Map.of("app", "service_healthy"), nginx.dependsOn());
        assertEquals(List.of(new ComposeFile.Port(null, "80", "80", "tcp")), nginx.ports());
        List<String> nginxArgs = compose.runArguments(nginx);
        assertContainsInOrder(nginxArgs, "--publish", "127.0.0.1::80/tcp");
        assertContainsInOrder(nginxArgs, "--volume", kit.resolve("compose/nginx/default.conf").toAbsolutePath().normalize()
                + ":/etc/nginx/conf.d/default.conf:ro");
        assertContainsInOrder(nginxArgs, "--cap-drop", "ALL", "--cap-add", "CHOWN", "--cap-add", "DAC_OVERRIDE",
                "--cap-add", "NET_BIND_SERVICE", "--cap-add", "SETGID", "--cap-add", "SETUID");
        assertContainsInOrder(nginxArgs, "--tmpfs", "/var/cache/nginx", "--tmpfs", "/run", "--tmpfs", "/tmp");
    }

    @Test
    void djangoKitSharesItsStaticVolumeWithNginx() {
        Path kit = new DjangoSample(dir).renderKit();
        ComposeFile compose = ComposeFile.read(kit.resolve("compose/compose.yaml"));
        assertEquals("hello-django", compose.name());
        assertEquals(List.of("static"), compose.volumes());
        assertEquals(kit.resolve("docker").toAbsolutePath().normalize(), compose.service("app").buildContext());
        List<String> appArgs = compose.runArguments(compose.service("app"));
        assertContainsInOrder(appArgs, "--volume", "hello-django_static:/app/staticfiles:ro");
        assertContainsInOrder(appArgs, "--read-only", "--tmpfs", "/tmp");
        List<String> nginxArgs = compose.runArguments(compose.service("nginx"));
        assertContainsInOrder(nginxArgs, "--volume", "hello-django_static:/srv/static:ro");
        assertEquals(List.of("CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)"),
                compose.service("app").healthcheck().test());
    }

    @Test
    void namedVolumesMustBeDeclaredAndPlain() throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "name: x\nservices:\n  web:\n    image: nginx:1.28\n    volumes:\n      - data:/data\n");
        IllegalArgumentException undeclared = assertThrows(IllegalArgumentException.class, () -> ComposeFile.read(file));
        assertTrue(undeclared.getMessage().contains("undefined volume data"), undeclared.getMessage());

        Files.writeString(file, "name: x\nservices:\n  web:\n    image: nginx:1.28\n    volumes:\n      - data:/data:ro\n"
                + "volumes:\n  data:\n");
        assertEquals(List.of("data"), ComposeFile.read(file).volumes());
        assertTrue(ComposeFile.read(file).runArguments(ComposeFile.read(file).service("web")).contains("x_data:/data:ro"));

        Files.writeString(file, "name: x\nservices:\n  web:\n    image: nginx:1.28\n    volumes:\n      - data:/data\n"
                + "volumes:\n  data:\n    external: true\n");
        IllegalArgumentException external = assertThrows(IllegalArgumentException.class, () -> ComposeFile.read(file));
        assertTrue(external.getMessage().startsWith("compose key 'external' (volumes.data) is not supported"), external.getMessage());

        Files.writeString(file, "name: x\nservices:\n  web:\n    image: nginx:1.28\n    volumes:\n      - data:/data:nocopy\n"
                + "volumes:\n  data: {}\n");
        assertThrows(IllegalArgumentException.class, () -> ComposeFile.read(file));
    }

    @Test
    void anUnknownComposeKeyFailsLoudly() throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "name: x\nservices:\n  web:\n    image: nginx:1.28\n    ulimits:\n      nofile: 1024\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComposeFile.read(file));
        assertTrue(e.getMessage().startsWith("compose key 'ulimits' (service web) is not supported"), e.getMessage());
    }

    @Test
    void composeInterpolationDoubleDollarIsADollar() {
        assertEquals("a$b", ComposeValues.interpolate("a$$b", "x"));
        assertThrows(IllegalArgumentException.class, () -> ComposeValues.interpolate("${HOME}", "x"));
    }

    @Test
    void execFormHealthcheckBecomesTheSameArgumentsForSh() {
        List<String> test = List.of("CMD", "printf", "[%s]", "it's", "two words", "$HOME", "\\n");
        Commands.Result result = Commands.run(List.of("/bin/sh", "-c", ComposeFile.shellCommand(test)), dir, Map.of(), Duration.ofSeconds(10));
        assertEquals("[it's][two words][$HOME][\\n]", result.orThrow());
        assertEquals("exit 0", ComposeFile.shellCommand(List.of("CMD-SHELL", "exit 0")));
    }

/** The env files as the runner reads them: escapes decoded as compose does, interpolation refused. */
    @Test
    void envFileReadsAsComposeDoes() {
        Map<String, String> values = ComposeEnvFile.literal(String.join("\n",
                "# comment",
                "",
                "PLAIN=some value # trailing comment",
                "export EXPORTED=yes",
                "DOUBLE=\"say \\\"hi\\\"\\tback\\\\slash \\$5\"",
                "SINGLE='$literal \"quotes\" it\\'s a\\b'",
                "EMPTY="), "test.env");
        assertEquals(Map.of("PLAIN", "some value", "EXPORTED", "yes", "DOUBLE", "say \"hi\"\tback\\slash $5",
                "SINGLE", "$literal \"quotes\" it's a\\b", "EMPTY", ""), values);
        assertThrows(IllegalArgumentException.class, () -> ComposeEnvFile.literal("X=\"$HOME\"", "test.env"));
        assertThrows(IllegalArgumentException.class, () -> ComposeEnvFile.literal("X=$HOME", "test.env"));
    }

    /** What hostkit writes into app.env (Quoting.composeEnvFile) reads back as the value. */
    @Test
    void hostkitsEnvFileQuotingRoundTrips() {
        for (String value : List.of("plain", "two words", "quote \" and back\\slash", "tab\there", "$dollar and 'x",
                "price: $5", "it's $5 a\\b", "# not a comment", "trailing space ", "=equals=", "'single'", "\"double\"")) {
            String line;
            try {
                line = "KEY=" + Quoting.composeEnvFile(value);
            } catch (IllegalArgumentException refused) {
                continue; // hostkit refuses such a value in the first place
            }
            assertEquals(value, ComposeEnvFile.literal(line, "app.env").get("KEY"), line);
        }
    }

    private static void assertContainsInOrder(List<String> args, String... expected) {
        assertTrue(Collections.indexOfSubList(args, List.of(expected)) >= 0,
                () -> "expected " + List.of(expected) + " in " + args);
    }
}
