package dev.hostkit.host;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.RequiredTool;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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
 * better by systemd-analyze security, and holding every line of the "systemd unit" checklist.
 */
class SystemdUnitTest {
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d)");
    /** A value from the POM's env: it belongs in the env file, never in the unit. */
    private static final String POM_VALUE = "pom-only-value-7f3a";

    /** Checklist "systemd unit" 3: each key with the value it must have. */
    private static final Map<String, String> HARDENING = Map.ofEntries(
            Map.entry("NoNewPrivileges", "yes"),
            Map.entry("CapabilityBoundingSet", ""),
            Map.entry("PrivateTmp", "yes"),
            Map.entry("PrivateDevices", "yes"),
            Map.entry("ProtectSystem", "strict"),
            Map.entry("ProtectHome", "yes"),
            Map.entry("ProtectKernelTunables", "yes"),
            Map.entry("ProtectKernelModules", "yes"),
            Map.entry("ProtectKernelLogs", "yes"),
            Map.entry("ProtectControlGroups", "yes"),
            Map.entry("ProtectClock", "yes"),
            Map.entry("ProtectHostname", "yes"),
            Map.entry("ProtectProc", "invisible"),
            Map.entry("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX"),
            Map.entry("RestrictNamespaces", "yes"),
            Map.entry("RestrictRealtime", "yes"),
            Map.entry("RestrictSUIDSGID", "yes"),
            Map.entry("LockPersonality", "yes"),
            Map.entry("SystemCallArchitectures", "native"),
            Map.entry("SystemCallFilter", "@system-service"),
            Map.entry("UMask", "0027"));

    @TempDir
    Path tempDir;

    private Path unitFile(int instances) {
        SampleProject project = SampleProject.create(tempDir);
        project.generate(new HostingSettings().set("instances", String.valueOf(instances)).set("port", "18080")
                .setList("targets", List.of("host")).setMap("env", Map.of("GREETING", POM_VALUE)));
        return project.outputDir().resolve(instances == 1 ? "host/systemd/shop.service" : "host/systemd/shop@.service");
    }

    @ParameterizedTest(name = "instances={0}")
    @ValueSource(ints = {1, 3})
    void systemdAnalyzeVerifyHasNothingToSay(int instances) throws Exception {
        Path unit = unitFile(instances);
        // ExecStart's program must exist, or verify reports it
        RequiredTool.find("/usr/bin/java", "apt-get install openjdk-17-jre-headless");
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
        Command run = verify(unknownKey);
        assertEquals(0, run.status(), "systemd-analyze verify only warns about unknown keys");
        assertTrue(run.stderr().contains("Unknown key 'RestartSecs'"), run.stderr());
        Path missingJava = write("nojava/shop.service", unit.replace("/usr/bin/java ", "/usr/bin/no-such-java "));
        assertFalse(verify(missingJava).stderr().isBlank(), "a missing ExecStart program must be reported");
    }

    @ParameterizedTest(name = "instances={0}")
    @ValueSource(ints = {1, 3})
    void systemdAnalyzeSecurityScoresTwoOrBetter(int instances) throws Exception {
        Path unit = unitFile(instances);
        // systemd 252: --threshold is in tenths of the exposure level; above it, the command fails
        Command run = security(unit, 20);
        assertClean(run);
        Matcher exposure = EXPOSURE.matcher(run.stdout());
        assertTrue(exposure.find(), run.stdout());
        double level = Double.parseDouble(exposure.group(1));
        assertTrue(level <= 2.0, "exposure " + level + " > 2.0:\n" + run.stdout());
        // ... and the threshold is enforced: just below the unit's own score it fails
        int below = (int) Math.round(level * 10) - 1;
        assertNotEquals(0, security(unit, below).status(), "--threshold=" + below + " must fail for exposure " + level);
    }

    @ParameterizedTest(name = "instances={0}")
    @ValueSource(ints = {1, 3})
    void unitHoldsTheChecklist(int instances) throws Exception {
        String text = Files.readString(unitFile(instances), StandardCharsets.UTF_8);
        SystemdUnit unit = SystemdUnit.parse(text);
        assertAll(
                // checklist 1
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
                // checklist 2 (Java)
                () -> assertEquals("exec", unit.value("Service", "Type")),
                () -> assertTrue(List.of(unit.value("Service", "SuccessExitStatus").split("\\s+")).contains("143")),
                // checklist 3
                () -> HARDENING.forEach((key, value) -> assertEquals(value, unit.value("Service", key), key)),
                () -> assertEquals("/var/lib/shop", unit.value("Service", "ReadWritePaths")),
                () -> assertFalse(unit.has("Service", "MemoryDenyWriteExecute"), "MemoryDenyWriteExecute breaks the JIT"),
                () -> assertTrue(unit.value("Service", "ExecStart").startsWith("/usr/bin/java "), "absolute java"),
                // checklist 5: one template unit, the port from the instance name
                () -> assertEquals(instances == 1 ? "PORT=18080" : "PORT=%i", unit.value("Service", "Environment")),
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

    private static void assertClean(Command run) {
        assertEquals(0, run.status(), "exit status; stderr:\n" + run.stderr());
        assertEquals("", run.stderr(), "systemd-analyze must have no warning");
    }

    private static Command verify(Path unit) throws Exception {
        return Command.run(systemdAnalyze(), "verify", unit.toString());
    }

    private static Command security(Path unit, int threshold) throws Exception {
        return Command.run(systemdAnalyze(), "security", "--offline=true", "--threshold=" + threshold, "--no-pager", unit.toString());
    }

    private static String systemdAnalyze() {
        return RequiredTool.find("systemd-analyze", "apt-get install systemd").toString();
    }
}
