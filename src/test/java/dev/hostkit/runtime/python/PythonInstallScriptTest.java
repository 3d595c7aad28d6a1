package dev.hostkit.runtime.python;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.StandInApp;
import dev.hostkit.testing.StubMachine;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The python branch of install.sh, run for real into a temp root (HOSTKIT_ROOT) with stand-ins
 * on PATH for what would change the machine ({@link StubMachine}: useradd, usermod, chown,
 * nginx, systemctl, getent; pip records too), an {@code id} that knows the groups usermod
 * added, and a {@code python3 -m venv} whose python is Debian's /usr/bin/python3, so that
 * collectstatic really runs. Every stand-in logs its call to one file, in order.
 */
class PythonInstallScriptTest {
    /** Calls that change the machine: a second run must make none. */
    private static final List<String> MUTATING = List.of("useradd", "usermod", "chown", "python3 -m venv", "pip ",
            "nginx -t", "systemctl reload", "systemctl daemon-reload", "systemctl enable", "systemctl start", "systemctl restart");

    @TempDir
    Path tempDir;
    private StubMachine machine;
    private Path root;
    private int port;

    @BeforeEach
    void machine() throws IOException {
        machine = StubMachine.create(tempDir, List.of("getent", "systemctl", "record", "useradd", "usermod", "chown", "nginx",
                "python3", "id"));
        root = machine.root();
        Files.createDirectories(root.resolve("etc/nginx/sites-available"));
        Files.createDirectories(root.resolve("etc/nginx/sites-enabled"));
        port = Ports.free();
    }

    private SampleKit kit() {
        return KitVariant.python("host", settings -> settings.setList("targets", List.of("host"))
                .set("serverName", "hello.example.com").set("healthPath", "/health").set("port", String.valueOf(port)))
                .render(tempDir.resolve("project"));
    }

    @Test
    void shellcheckFindsNothing() {
        Commands.Result run = Commands.run(tempDir, Tool.SHELLCHECK.path(), kit().path("host/install.sh").toString());
        assertEquals("", run.output());
        assertEquals(0, run.exitCode());
    }

    @Test
    void dryRunShowsTheVenvPipGroupAndCollectstaticAndChangesNothing() throws IOException {
        SampleKit kit = kit();
        List<Path> before = tree(root);
        StubMachine.Script run = install(kit, Map.of(), "--dry-run");
        assertEquals(0, run.exitCode(), run.output());
        String release = root + "/opt/shop/releases/1.0.0";
        List<String> wouldRun = run.stdout().lines().filter(line -> line.startsWith("would run: "))
                .map(line -> line.substring("would run: ".length())).toList();
        for (String action : List.of(
                "install -D -m 0644 " + kit.path("host/app/requirements.txt") + " " + release + "/requirements.txt",
                "install -D -m 0644 " + kit.path("host/app/mysite/settings.py") + " " + release + "/mysite/settings.py",
                "install -D -m 0644 " + kit.path("host/gunicorn.conf.py") + " " + release + "/gunicorn.conf.py",
                "python3 -m venv " + release + "/venv",
                release + "/venv/bin/pip install --no-cache-dir -r " + release + "/requirements.txt",
                "usermod -a -G shop www-data",
                "systemctl start shop.service")) {
            assertTrue(wouldRun.contains(action), "the dry run does not show: " + action + "\n" + run.stdout());
        }
        String collect = " " + release + "/venv/bin/python " + release + "/manage.py collectstatic --noinput";
        assertTrue(wouldRun.stream().anyMatch(line -> line.startsWith("env ") && line.endsWith(collect)
                && line.contains(" DJANGO_STATIC_ROOT=" + root + "/opt/shop/static ")
                && line.contains(" DJANGO_ALLOWED_HOSTS=hello.example.com,localhost,127.0.0.1 ")), "collectstatic:\n" + run.stdout());
        assertEquals(before, tree(root), "a dry run wrote into the root");
        assertEquals(List.of(), mutations(run.calls()), "a dry run changed the system");
    }

    /**
     * Installs the release, its venv, the group and the static files once; the second run
     * changes nothing. The stand-in app answers on the socket and, so that this test is about
     * idempotence whatever the readiness probe does, on the port as well.
     */
    @Test
    void installsOnceAndChangesNothingTheSecondTime() throws Exception {
        SampleKit kit = kit();
        Path release = root.resolve("opt/shop/releases/1.0.0");
        try (StandInApp socket = machine.answerOn(root.resolve("run/shop/gunicorn.sock"));
             StandInApp tcp = machine.answerOn(port)) {
            StubMachine.Script first = install(kit, Map.of());
            assertEquals(0, first.exitCode(), first.output());
            List<String> calls = first.calls();
            assertAll(
                    () -> assertEquals(Files.readString(kit.path("host/gunicorn.conf.py")), Files.readString(release.resolve("gunicorn.conf.py"))),
                    () -> assertTrue(Files.isRegularFile(release.resolve("manage.py")), "manage.py"),
                    () -> assertTrue(Files.isRegularFile(release.resolve("mysite/wsgi.py")), "mysite/wsgi.py"),
                    () -> assertEquals(Path.of("/opt/shop/releases/1.0.0"), Files.readSymbolicLink(root.resolve("opt/shop/current"))),
                    () -> assertTrue(Files.isRegularFile(root.resolve("opt/shop/static/admin/css/base.css")), "collectstatic"),
                    () -> assertTrue(calls.contains("python3 -m venv " + release + "/venv"), calls.toString()),
                    () -> assertTrue(calls.contains("pip install --no-cache-dir -r " + release + "/requirements.txt"), calls.toString()),
                    () -> assertTrue(calls.contains("usermod -a -G shop www-data"), calls.toString()),
                    () -> assertTrue(calls.indexOf("systemctl daemon-reload") < calls.indexOf("systemctl start shop.service"), calls.toString()));

            StubMachine.Script second = install(kit, Map.of());
            assertEquals(0, second.exitCode(), second.output());
            assertEquals(List.of(), second.lines().stream()
                    .filter(line -> !line.startsWith("unchanged: ") && !line.equals("shop 1.0.0: installed")).toList(),
                    "the second run changed something:\n" + second.output());
            assertEquals(List.of(), mutations(second.calls()), "the second run changed the system");
        }
    }

    /**
     * gunicorn listens on unix:/run/shop/gunicorn.sock, not on a port: install.sh must wait for
     * the started unit to answer its health path there. With only the socket answering, as
     * with the real unit, the install must succeed and the probe must reach the socket.
     */
    @Test
    void waitsForGunicornOnItsSocket() throws Exception {
        SampleKit kit = kit();
        Path socketPath = root.resolve("run/shop/gunicorn.sock");
        try (StandInApp socket = machine.answerOn(socketPath)) {
            StubMachine.Script run = install(kit, Map.of("READY_SECONDS", "3"));
            assertEquals(0, run.exitCode(), "install.sh does not see gunicorn answer on its socket:\n" + run.output());
            List<String> calls = run.calls();
            int started = calls.indexOf("systemctl start shop.service");
            int probed = calls.indexOf("GET /health on " + socketPath);
            assertTrue(started >= 0 && probed > started, "expected GET /health on the socket after the start:\n" + calls);
        }
    }

    private StubMachine.Script install(SampleKit kit, Map<String, String> extra, String... arguments) {
        return machine.run(kit.path("host/install.sh"), extra, arguments);
    }

    private static List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        }
    }

    private static List<String> mutations(List<String> calls) {
        return StubMachine.mutations(calls, MUTATING);
    }
}
