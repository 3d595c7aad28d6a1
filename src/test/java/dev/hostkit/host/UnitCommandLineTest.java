package dev.hostkit.host;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.RequiredTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
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
        RequiredTool.find("/usr/bin/java", "apt-get install openjdk-17-jre-headless");
        int base = Loopback.freePorts(instances);
        Path prefix = tempDir.resolve("opt/shop");
        HostKit kit = HostKit.render(tempDir.resolve("project"), app.jar("1"), List.of(app.dependency()),
                new HostingSettings().set("instances", String.valueOf(instances)).set("port", String.valueOf(base))
                        .set("installPrefix", prefix.toString())
                        .setMap("env", Map.of("GREETING", GREETING, "PRICE", PRICE, "JAVA_OPTS", JAVA_OPTS)));
        kit.installApp(prefix);
        // the last instance: for a template unit its port comes from %i alone
        int port = base + instances - 1;
        String instance = instances > 1 ? String.valueOf(port) : null;

        try (AppInstance running = AppInstance.start(kit, instance, port, tempDir.resolve("app.log"))) {
            List<String> command = running.command();
            assertEquals(List.of("/usr/bin/java", "-XX:+ExitOnOutOfMemoryError", "-Xmx96m", "-Dhostkit.test=from-env-file",
                    "-cp", prefix + "/current/app.jar:" + prefix + "/current/lib/*", SampleApp.MAIN_CLASS), command);
            HttpResponse<String> root = Loopback.get(port, "/");
            String jvm = Loopback.get(port, "/jvm").body();
            assertAll(
                    () -> assertEquals(200, root.statusCode()),
                    () -> assertEquals(GREETING + " from port " + port + "\n", root.body(), "PORT and the lib/ jar"),
                    () -> assertEquals(GREETING, Loopback.get(port, "/env/GREETING").body(), "env file quoting"),
                    () -> assertEquals(PRICE, Loopback.get(port, "/env/PRICE").body(), "no variable expansion"),
                    () -> assertEquals("ok\n", Loopback.get(port, "/health").body()),
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
        Map<String, String> values = SystemdUnit.parseEnvironmentFile(String.join("\n",
                "# comment", "; comment too", "", "PLAIN=  some value  ", "QUOTED=\"a \\\"b\\\" \\\\ \\$c \\`d\\` \\n\"",
                "SINGLE='it $is \\ literal'", "  SPACED = x"));
        assertEquals(Map.of("PLAIN", "some value", "QUOTED", "a \"b\" \\ $c `d` \\n", "SINGLE", "it $is \\ literal",
                "SPACED", "x"), values);
    }
}
