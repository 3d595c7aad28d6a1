package dev.hostkit.target.host;

import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.Http;
import dev.hostkit.testing.HttpResponse;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.SystemdEnvironmentFile;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unit's exact command line and JVM options start the app: a real app jar (with a runtime
 * dependency in lib/) laid out as install.sh lays it out, run with ExecStart= as systemd would
 * expand it and with the environment from Environment= and the kit's env file.
 */
class UnitCommandLineTest {
    /** Quotes, a backslash, backquotes and a dollar: the env file must bring them to the app unchanged. */
    private static final String GREETING = "Hello \"quoted\" \\ `x`";
    /** hostkit refuses a '$' together with quotes (the compose env file cannot hold both). */
    private static final String PRICE = "$HOME costs $5";
    private static final String JAVA_OPTS = "-Xmx96m -Dhostkit.test=from-env-file";

    @TempDir
    static Path appDir;
    static SampleApp app;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void buildApp() {
        app = SampleApp.build(appDir);
    }

    @ParameterizedTest(name = "instances={0}")
    @ValueSource(ints = {1, 2})
    void theUnitsCommandLineStartsTheApp(int instances) throws Exception {
        Tool.SYSTEM_JAVA.path();
        int base = Ports.consecutive(instances);
        Path prefix = tempDir.resolve("opt/shop");
        HostKit kit = HostKit.of(new KitVariant("instances=" + instances, app.project("1"), settings -> settings
                .setList("targets", List.of("host")).set("instances", String.valueOf(instances)).set("port", String.valueOf(base))
                .set("installPrefix", prefix.toString())
                .setMap("env", Map.of("GREETING", GREETING, "PRICE", PRICE, "JAVA_OPTS", JAVA_OPTS))).render(tempDir.resolve("project")));
        kit.installJavaApp(prefix);
        // the last instance: for a template unit its port comes from %i alone
        int port = base + instances - 1;
        String instance = instances > 1 ? String.valueOf(port) : null;

        try (AppInstance running = AppInstance.start(kit, instance, port, tempDir.resolve("app.log"))) {
            List<String> command = running.command();
            assertEquals(List.of("/usr/bin/java", "-XX:+ExitOnOutOfMemoryError", "-Xmx96m", "-Dhostkit.test=from-env-file",
                    "-cp", "app.jar:lib/*", SampleApp.MAIN_CLASS), command);
            HttpResponse root = get(port, "/");
            String jvm = get(port, "/jvm").text();
            assertAll(
                    () -> assertEquals(200, root.status()),
                    () -> assertEquals(GREETING + " from port " + port + "\n", root.text(), "PORT and the lib/ jar"),
                    () -> assertEquals(GREETING, get(port, "/env/GREETING").text(), "env file quoting"),
                    () -> assertEquals(PRICE, get(port, "/env/PRICE").text(), "no variable expansion"),
                    () -> assertEquals("ok\n", get(port, "/health").text()),
                    () -> assertTrue(jvm.contains("-XX:+ExitOnOutOfMemoryError\n"), jvm),
                    () -> assertTrue(jvm.contains("-Xmx96m\n") && jvm.contains("-Dhostkit.test=from-env-file\n"),
                            "the JVM options from $JAVA_OPTS:\n" + jvm));
            // systemctl stop sends SIGTERM; the unit must count the JVM's answer as a clean stop
            int status = running.stop();
            List<String> success = List.of(kit.unit().value("Service", "SuccessExitStatus").split("\\s+"));
            assertTrue(status == 0 || success.contains(String.valueOf(status)),
                    "the JVM exited with " + status + " on SIGTERM; SuccessExitStatus=" + success);
        }
    }

    @Test
    void environmentFilesAreReadLikeSystemdReadsThem() {
        Map<String, String> values = SystemdEnvironmentFile.parse(String.join("\n",
                "# comment", "; comment too", "", "PLAIN=  some value  ", "QUOTED=\"a \\\"b\\\" \\\\ \\$c \\`d\\` \\n\"",
                "SINGLE='it $is \\ literal'", "  SPACED = x"));
        assertEquals(Map.of("PLAIN", "some value", "QUOTED", "a \"b\" \\ $c `d` \\n", "SINGLE", "it $is \\ literal",
                "SPACED", "x"), values);
    }

    private static HttpResponse get(int port, String path) {
        return Http.get(port, "127.0.0.1:" + port, path);
    }
}
