package dev.hostkit.target.host;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.StubMachine;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host kit's install.sh, run for real into a temp root (HOSTKIT_ROOT) with the real install,
 * ln and cmp, and stand-ins on PATH for the commands that would change the machine
 * ({@link HostMachine}): shellcheck has nothing to say, a dry run only tells, the first run
 * installs everything and the second changes nothing.
 */
class InstallScriptTest extends OnHostMachine {
    private static final String DRY_RUN_END = "dry run: nothing was changed; without --dry-run, install.sh would do the above for shop 1.0.0";

    @ParameterizedTest(name = "instances={0}")
    @ValueSource(ints = {1, 3})
    void shellcheckFindsNothing(int instances) throws Exception {
        Commands.Result run = Commands.run(null, Tool.SHELLCHECK.path(), machine.kit(instances, "1").file("install.sh").toString());
        assertEquals("", run.output());
        assertEquals(0, run.exitCode());
    }

    @Test
    void dryRunPrintsEveryActionAndChangesNothing() throws Exception {
        HostKit kit = machine.kit(2, "1");
        StubMachine.Script run = machine.install(kit, "--dry-run");
        assertEquals(0, run.exitCode(), run.output());
        String kitDir = kit.dir().toString();
        String r = root.toString();
        List<String> expected = new ArrayList<>(List.of(
                "useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin shop",
                "install -D -m 0644 " + kit.file("app/sample-app-1.0.0.jar") + " " + r + "/opt/shop/releases/1.0.0/app.jar",
                "chown root:root " + r + "/opt/shop/releases/1.0.0/app.jar",
                "install -D -m 0644 " + kit.file("app/lib/sample-greeting-1.0.jar") + " " + r
                        + "/opt/shop/releases/1.0.0/lib/sample-greeting-1.0.jar",
                "ln -sfn /opt/shop/releases/1.0.0 " + r + "/opt/shop/current",
                "install -d -m 0755 " + r + "/opt/shop/static",
                "install -D -m 0640 " + kitDir + "/shop.env " + r + "/etc/shop/shop.env",
                "chown root:shop " + r + "/etc/shop/shop.env",
                "install -D -m 0640 /dev/null " + r + "/etc/shop/secrets.env",
                "chown root:shop " + r + "/etc/shop/secrets.env",
                "install -D -m 0644 " + kitDir + "/systemd/shop@.service " + r + "/etc/systemd/system/shop@.service",
                "install -D -m 0644 " + kitDir + "/nginx/shop.conf " + r + "/etc/nginx/sites-available/shop.conf",
                "ln -sfn /etc/nginx/sites-available/shop.conf " + r + "/etc/nginx/sites-enabled/shop.conf",
                "nginx -t",
                "systemctl reload nginx",
                "systemctl daemon-reload"));
        for (String unit : List.of("shop@" + machine.base() + ".service", "shop@" + (machine.base() + 1) + ".service")) {
            expected.add("systemctl enable " + unit);
            expected.add("systemctl start " + unit);
        }
        List<String> wouldRun = run.lines().stream().filter(line -> line.startsWith("would run: "))
                .map(line -> line.substring("would run: ".length())).toList();
        for (String action : expected) {
            assertTrue(wouldRun.contains(action), "dry run does not show: " + action + "\n" + run.output());
        }
        assertEquals(List.of(DRY_RUN_END), run.lines().stream().filter(line -> !line.startsWith("would run: ")).toList(),
                "a dry run may only tell what it would run, and never claim it installed anything");
        assertEquals(DRY_RUN_END, run.lines().get(run.lines().size() - 1));
        try (Stream<Path> files = Files.list(root)) {
            assertEquals(List.of(), files.toList(), "a dry run wrote into the root");
        }
        assertEquals(List.of(), HostMachine.mutations(run.calls()), "a dry run changed the system");
    }

    /** On a machine with the kit installed, a dry run with a new build only tells what it would restart, and how it would wait. */
    @Test
    void aDryRunOfANewBuildTellsOnlyWhatItWouldDo() throws Exception {
        machine.withDebianNginx().withInstancesAnswering();
        assertEquals(0, machine.install(machine.kit(2, "1")).exitCode());
        StubMachine.Script run = machine.install(machine.kit(2, "2"), "--dry-run");
        assertEquals(0, run.exitCode(), run.output());
        String unit2 = "shop@" + (machine.base() + 1) + ".service";
        assertTrue(run.lines().containsAll(List.of("would run: systemctl restart shop@" + machine.base() + ".service",
                "would wait: 0s for nginx to send requests to shop@" + machine.base() + ".service again, before " + unit2 + " goes down",
                "would run: systemctl restart " + unit2)), run.output());
        assertEquals(List.of(DRY_RUN_END), run.lines().stream().filter(line -> !line.startsWith("would run: ")
                && !line.startsWith("would wait: ") && !line.startsWith("unchanged: ")).toList(), run.output());
        assertEquals(List.of(), HostMachine.mutations(run.calls()), "a dry run changed the system");
    }

    @Test
    void installsEverythingOnceAndNothingTheSecondTime() throws Exception {
        machine.withDebianNginx().withInstancesAnswering();
        HostKit kit = machine.kit(2, "1");
        StubMachine.Script first = machine.install(kit);
        assertEquals(0, first.exitCode(), first.output());
        String unit1 = "shop@" + machine.base() + ".service";
        String unit2 = "shop@" + (machine.base() + 1) + ".service";
        Path release = root.resolve("opt/shop/releases/1.0.0");
        assertAll(
                () -> assertArrayEquals(Files.readAllBytes(kit.file("app/sample-app-1.0.0.jar")), Files.readAllBytes(release.resolve("app.jar"))),
                () -> assertTrue(Files.isRegularFile(release.resolve("lib/sample-greeting-1.0.jar")), "lib/"),
                () -> assertEquals(Path.of("/opt/shop/releases/1.0.0"), Files.readSymbolicLink(root.resolve("opt/shop/current"))),
                () -> assertTrue(Files.isDirectory(root.resolve("opt/shop/static")), "static directory"),
                () -> assertEquals(kit.read("shop.env"), Files.readString(root.resolve("etc/shop/shop.env"))),
                () -> assertEquals("rw-r-----", mode("etc/shop/shop.env")),
                () -> assertEquals("", Files.readString(root.resolve("etc/shop/secrets.env"))),
                () -> assertEquals("rw-r-----", mode("etc/shop/secrets.env")),
                () -> assertEquals(kit.read("systemd/shop@.service"), Files.readString(root.resolve("etc/systemd/system/shop@.service"))),
                () -> assertEquals(kit.read("nginx/shop.conf"), Files.readString(root.resolve("etc/nginx/sites-available/shop.conf"))),
                () -> assertEquals(Path.of("/etc/nginx/sites-available/shop.conf"),
                        Files.readSymbolicLink(root.resolve("etc/nginx/sites-enabled/shop.conf"))),
                () -> assertFalse(Files.exists(root.resolve("etc/nginx/sites-enabled/default"), LinkOption.NOFOLLOW_LINKS),
                        "Debian's default site (also default_server) is disabled"),
                () -> assertTrue(Files.exists(root.resolve("etc/nginx/sites-available/default")), "... but kept"));
        List<String> calls = first.calls();
        assertAll(
                () -> assertTrue(calls.contains("useradd --system --user-group --home-dir /nonexistent --no-create-home "
                        + "--shell /usr/sbin/nologin shop"), "user"),
                () -> assertTrue(calls.contains("chown root:shop " + root + "/etc/shop/shop.env"), "env file group"),
                () -> assertTrue(calls.indexOf("nginx -t") >= 0 && calls.indexOf("nginx -t") < calls.indexOf("systemctl reload nginx"),
                        "nginx -t before the reload"),
                () -> assertTrue(calls.indexOf("systemctl daemon-reload") < calls.indexOf("systemctl start " + unit1), "daemon-reload first"),
                () -> assertTrue(calls.containsAll(List.of("systemctl enable " + unit1, "systemctl start " + unit1,
                        "systemctl enable " + unit2, "systemctl start " + unit2)), calls.toString()));

        Files.writeString(root.resolve("etc/shop/secrets.env"), "DB_PASSWORD=kept\n");
        StubMachine.Script second = machine.install(kit);
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(List.of(), second.lines().stream()
                .filter(line -> !line.startsWith("unchanged: ") && !line.equals("shop 1.0.0: installed")).toList(),
                "the second run changed something:\n" + second.output());
        assertEquals(List.of(), HostMachine.mutations(second.calls()), "the second run changed the system");
        assertEquals("DB_PASSWORD=kept\n", Files.readString(root.resolve("etc/shop/secrets.env")));
    }

    private String mode(String path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(path)));
    }
}
