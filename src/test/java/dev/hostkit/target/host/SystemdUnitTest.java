package dev.hostkit.target.host;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.Commands;
import dev.hostkit.testing.SampleProject;
import dev.hostkit.testing.SystemdUnit;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host kit's systemd unit, for one instance (shop.service) and for several (the template
 * shop@.service): accepted by systemd-analyze verify without a single warning, scored 2.0 or
 * better by systemd-analyze security, and holding every line a hardened Java service needs.
 */
class SystemdUnitTest {
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d)");
    /** A value from the POM's env: it belongs in the env file, never in the unit. */
    private static final String POM_VALUE = "pom-only-value-7f3a";

    /** The sandboxing keys, each with the value it must have, as a unit would say it. */
    private static final SystemdUnit HARDENING = SystemdUnit.parse("""
            [Service]
            NoNewPrivileges=yes
            CapabilityBoundingSet=
            PrivateTmp=yes
            PrivateDevices=yes
            ProtectSystem=strict
            ProtectHome=yes
            ProtectKernelTunables=yes
            ProtectKernelModules=yes
            ProtectKernelLogs=yes
            ProtectControlGroups=yes
            ProtectClock=yes
            ProtectHostname=yes
            ProtectProc=invisible
            RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
            RestrictNamespaces=yes
            RestrictRealtime=yes
            RestrictSUIDSGID=yes
            LockPersonality=yes
            SystemCallArchitectures=native
            SystemCallFilter=@system-service
            UMask=0027
            """);

    @TempDir
    Path tempDir;

    private Path unitFile(int instances) {
        return unitFile(instances, "plain");
    }

    /** The unit of a kit for that framework: its port, bind and proxy variables are in it. */
    private Path unitFile(int instances, String framework) {
        SampleProject project = SampleProject.create(tempDir);
        if (framework.equals("quarkus")) {
            project.builtByQuarkus();
        }
        project.generate(new HostingSettings().set("instances", String.valueOf(instances)).set("port", "18080")
                .set("framework", framework).setList("targets", List.of("host")).setMap("env", Map.of("GREETING", POM_VALUE)));
        return project.outputDir().resolve(instances == 1 ? "host/systemd/shop.service" : "host/systemd/shop@.service");
    }

    @ParameterizedTest(name = "instances={0} framework={1}")
    @CsvSource({"1, plain", "3, plain", "3, spring-boot", "1, quarkus", "3, micronaut"})
    void systemdAnalyzeVerifyHasNothingToSay(int instances, String framework) throws Exception {
        Path unit = unitFile(instances, framework);
        // ExecStart's program must exist, or verify reports it
        Tool.SYSTEM_JAVA.path();
        assertClean(verify(unit));
        if (instances > 1) {
            // an instance, with %i expanded: verify reads shop@18081.service through a link to the template
            Path link = tempDir.resolve("instance/shop@18081.service");
            Files.createDirectories(link.getParent());
            Files.copy(unit, link.resolveSibling("shop@.service"));
            Files.createSymbolicLink(link, link.resolveSibling("shop@.service"));
            assertClean(verify(link));
        }
    }

    /** The check above can fail: verify reports an unknown key on stderr (exit 0) and a missing program. */
    @Test
    void verifyReportsWhatTheCheckLooksFor() throws Exception {
        String unit = Files.readString(unitFile(1), StandardCharsets.UTF_8);
        Path unknownKey = write("unknown/shop.service", unit.replace("Type=exec", "Type=exec\nRestartSecs=5s"));
        Commands.Result run = verify(unknownKey);
        assertEquals(0, run.exitCode(), "systemd-analyze verify only warns about unknown keys");
        assertTrue(run.stderr().contains("Unknown key 'RestartSecs'"), run.stderr());
        Path missingJava = write("nojava/shop.service", unit.replace("/usr/bin/java ", "/usr/bin/no-such-java "));
        assertFalse(verify(missingJava).stderr().isBlank(), "a missing ExecStart program must be reported");
    }

    @ParameterizedTest(name = "instances={0} framework={1}")
    @CsvSource({"1, plain", "3, plain", "3, spring-boot", "1, quarkus", "3, micronaut"})
    void systemdAnalyzeSecurityScoresTwoOrBetter(int instances, String framework) throws Exception {
        Path unit = unitFile(instances, framework);
        // systemd 252: --threshold is in tenths of the exposure level; above it, the command fails
        Commands.Result run = security(unit, 20);
        assertClean(run);
        Matcher exposure = EXPOSURE.matcher(run.stdout());
        assertTrue(exposure.find(), run.stdout());
        double level = Double.parseDouble(exposure.group(1));
        assertTrue(level <= 2.0, "exposure " + level + " > 2.0:\n" + run.stdout());
        // ... and the threshold is enforced: just below the unit's own score it fails
        int below = (int) Math.round(level * 10) - 1;
        assertNotEquals(0, security(unit, below).exitCode(), "--threshold=" + below + " must fail for exposure " + level);
    }

    @ParameterizedTest(name = "instances={0}")
    @ValueSource(ints = {1, 3})
    void unitHoldsEveryRequiredLine(int instances) throws Exception {
        String text = Files.readString(unitFile(instances), StandardCharsets.UTF_8);
        SystemdUnit unit = SystemdUnit.parse(text);
        assertAll(
                // start after the network, restart on failure, run as the app's own user
                () -> assertEquals("network-online.target", unit.value("Unit", "After")),
                () -> assertEquals("network-online.target", unit.value("Unit", "Wants")),
                () -> assertEquals("multi-user.target", unit.value("Install", "WantedBy")),
                () -> assertEquals("on-failure", unit.value("Service", "Restart")),
                () -> assertTrue(unit.value("Service", "RestartSec").matches("[1-9][0-9]*s?"), "RestartSec"),
                () -> assertEquals("shop", unit.value("Service", "User")),
                () -> assertEquals("shop", unit.value("Service", "Group")),
                () -> assertEquals("/opt/shop/current", unit.value("Service", "WorkingDirectory")),
                () -> assertEquals(List.of("/etc/shop/shop.env", "-/etc/shop/secrets.env"),
                        unit.values("Service", "EnvironmentFile")),
                // the JVM: started directly, its SIGTERM exit (143) a clean stop
                () -> assertEquals("exec", unit.value("Service", "Type")),
                () -> assertTrue(List.of(unit.value("Service", "SuccessExitStatus").split("\\s+")).contains("143")),
                // sandboxing
                () -> HARDENING.keys("Service").forEach(key -> assertEquals(HARDENING.value("Service", key), unit.value("Service", key), key)),
                () -> assertEquals("/var/lib/shop", unit.value("Service", "ReadWritePaths")),
                () -> assertFalse(unit.has("Service", "MemoryDenyWriteExecute"), "MemoryDenyWriteExecute breaks the JIT"),
                () -> assertTrue(unit.value("Service", "ExecStart").startsWith("/usr/bin/java "), "absolute java"),
                // several instances: one template unit, the port from the instance name; loopback only
                () -> assertEquals(List.of(instances == 1 ? "PORT=18080" : "PORT=%i", "BIND_ADDRESS=127.0.0.1"),
                        unit.values("Service", "Environment")),
                () -> assertEquals(instances > 1, unit.value("Unit", "Description").contains("%i")),
                () -> assertFalse(text.contains(POM_VALUE), "a value from the POM's env is in the unit"),
                () -> assertFalse(text.contains("GREETING"), "a variable from the POM's env is in the unit"));
    }

    private Path write(String name, String content) throws IOException {
        Path file = tempDir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertClean(Commands.Result run) {
        assertEquals(0, run.exitCode(), "exit status; stderr:\n" + run.stderr());
        assertEquals("", run.stderr(), "systemd-analyze must have no warning");
    }

    private static Commands.Result verify(Path unit) {
        return Commands.run(null, Tool.SYSTEMD_ANALYZE.path(), "verify", unit.toString());
    }

    private static Commands.Result security(Path unit, int threshold) {
        return Commands.run(null, Tool.SYSTEMD_ANALYZE.path(), "security", "--offline=true", "--threshold=" + threshold, "--no-pager",
                unit.toString());
    }
}
