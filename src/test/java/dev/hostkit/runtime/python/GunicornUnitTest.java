package dev.hostkit.runtime.python;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.SystemdUnit;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
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
 * The python kit's systemd unit: {@code systemd-analyze verify} has nothing to say and
 * {@code security --offline} scores 2.0 or better. Rendered with hosting.installPrefix in a temp
 * dir, where an executable stub stands for PREFIX/current/venv/bin/gunicorn (verify checks that
 * ExecStart's program exists; install.sh makes the real one).
 */
class GunicornUnitTest {
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d)");

    @TempDir
    Path tempDir;
    private Path prefix;
    private Path unit;
    private String text;
    private HostKit kit;

    @BeforeEach
    void render() throws IOException {
        prefix = tempDir.resolve("opt/shop");
        SampleKit project = KitVariant.python("host", settings -> settings.setList("targets", List.of("host"))
                .set("installPrefix", prefix.toString()).set("serverName", "hello.example.com")).render(tempDir.resolve("project"));
        kit = HostKit.of(project);
        unit = kit.file("systemd/shop.service");
        text = Files.readString(unit);
        Path gunicorn = Files.createDirectories(prefix.resolve("current/venv/bin")).resolve("gunicorn");
        Files.writeString(gunicorn, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(gunicorn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void verifyHasNothingToSay() {
        Commands.Result verify = systemdAnalyze("verify", unit.toString());
        assertEquals(0, verify.exitCode(), verify::describe);
        assertEquals("", verify.stderr(), verify::describe);
    }

    /** The check can fail: without the program, and with an unknown key, verify speaks. */
    @Test
    void verifyReportsAMissingGunicornAndAnUnknownKey() throws IOException {
        Path misspelt = Files.createDirectories(tempDir.resolve("misspelt")).resolve("shop.service");
        Files.writeString(misspelt, text.replace("RuntimeDirectoryMode=", "RuntimeDirectoryMod="));
        assertTrue(systemdAnalyze("verify", misspelt.toString()).stderr().contains("RuntimeDirectoryMod"));
        Files.delete(prefix.resolve("current/venv/bin/gunicorn"));
        assertFalse(systemdAnalyze("verify", unit.toString()).stderr().isBlank(), "a missing gunicorn must be reported");
    }

    @Test
    void securityScoresTwoOrBetter() {
        Commands.Result security = security(20);
        assertEquals(0, security.exitCode(), security::describe);
        assertEquals("", security.stderr(), security::describe);
        Matcher exposure = EXPOSURE.matcher(security.stdout());
        assertTrue(exposure.find(), security.stdout());
        double level = Double.parseDouble(exposure.group(1));
        assertTrue(level <= 2.0, "exposure " + level + " > 2.0:\n" + security.stdout());
        int below = (int) Math.round(level * 10) - 1;
        assertNotEquals(0, security(below).exitCode(), "--threshold=" + below + " must fail for exposure " + level);
    }

    /** What the python branch must say: notify, a socket nginx's group reaches, gunicorn from the release's venv. */
    @Test
    void unitRunsGunicornOnItsSocket() {
        Map<String, String> environment = kit.environment(null);
        SystemdUnit parsed = kit.unit();
        assertAll(
                () -> assertEquals(List.of("notify"), parsed.values("Service", "Type")),
                () -> assertEquals(List.of("main"), parsed.values("Service", "NotifyAccess")),
                () -> assertEquals(List.of("shop"), parsed.values("Service", "RuntimeDirectory")),
                () -> assertEquals(List.of("0750"), parsed.values("Service", "RuntimeDirectoryMode")),
                () -> assertEquals(List.of("0007"), parsed.values("Service", "UMask")),
                () -> assertEquals(List.of("yes"), parsed.values("Service", "MemoryDenyWriteExecute")),
                () -> assertEquals(List.of("mixed"), parsed.values("Service", "KillMode")),
                () -> assertEquals(List.of(prefix + "/current/venv/bin/gunicorn --config " + prefix + "/current/gunicorn.conf.py"),
                        parsed.values("Service", "ExecStart")),
                () -> assertEquals(List.of("/bin/kill -s HUP $MAINPID"), parsed.values("Service", "ExecReload")),
                () -> assertEquals("hello.example.com,localhost,127.0.0.1", environment.get("DJANGO_ALLOWED_HOSTS")),
                () -> assertEquals(prefix + "/static", environment.get("DJANGO_STATIC_ROOT")),
                () -> assertFalse(text.contains("SuccessExitStatus=143"), "a JVM exit status in a gunicorn unit"));
    }

    private Commands.Result security(int threshold) {
        return systemdAnalyze("security", "--offline=true", "--threshold=" + threshold, "--no-pager", unit.toString());
    }

    private Commands.Result systemdAnalyze(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Tool.SYSTEMD_ANALYZE.path()));
        command.addAll(List.of(arguments));
        return Commands.run(command, tempDir);
    }
}
