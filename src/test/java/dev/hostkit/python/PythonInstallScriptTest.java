package dev.hostkit.python;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.RequiredTool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The python branch of install.sh, run for real into a temp root (HOSTKIT_ROOT) with stand-ins
 * on PATH for what would change the machine: the host tests' recording stubs (useradd, chown,
 * nginx, systemctl, getent; usermod and pip record too), an {@code id} that knows the groups
 * usermod added, and a {@code python3 -m venv} whose python is Debian's /usr/bin/python3, so
 * that collectstatic really runs. Every stand-in logs its call to one file, in order.
 */
class PythonInstallScriptTest {
    /** Calls that change the machine: a second run must make none. */
    private static final List<String> MUTATING = List.of("useradd", "usermod", "chown", "python3 -m venv", "pip ",
            "nginx -t", "systemctl reload", "systemctl daemon-reload", "systemctl enable", "systemctl start", "systemctl restart");

    @TempDir
    Path tempDir;
    private Path root;
    private Path stubs;
    private Path log;
    private int port;

    @BeforeEach
    void machine() throws IOException {
        root = Files.createDirectories(tempDir.resolve("root"));
        Files.createDirectories(root.resolve("etc/nginx/sites-available"));
        Files.createDirectories(root.resolve("etc/nginx/sites-enabled"));
        log = Files.createFile(tempDir.resolve("calls.log"));
        stubs = Files.createDirectories(tempDir.resolve("stubs"));
        Map<String, String> resources = Map.of("getent", "/host/stubs/getent", "systemctl", "/host/stubs/systemctl",
                "record", "/host/stubs/record", "useradd", "/host/stubs/record", "usermod", "/host/stubs/record",
                "chown", "/host/stubs/record", "nginx", "/host/stubs/record",
                "python3", "/python/stubs/python3", "id", "/python/stubs/id");
        for (Map.Entry<String, String> stub : resources.entrySet()) {
            try (InputStream in = getClass().getResourceAsStream(stub.getValue())) {
                Files.write(stubs.resolve(stub.getKey()), in.readAllBytes());
            }
            Files.setPosixFilePermissions(stubs.resolve(stub.getKey()), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        port = Http.freePort();
    }

    private DjangoProject kit() {
        return DjangoProject.copy(tempDir.resolve("project")).generate(new HostingSettings().setList("targets", List.of("host"))
                .set("serverName", "hello.example.com").set("healthPath", "/health").set("port", String.valueOf(port)));
    }

    @Test
    void shellcheckFindsNothing() {
        Exec run = Exec.run(tempDir, RequiredTool.find("shellcheck", "apt-get install shellcheck").toString(),
                kit().kit("host/install.sh").toString());
        assertEquals("", run.stdout() + run.stderr());
        assertEquals(0, run.status());
    }

    @Test
    void dryRunShowsTheVenvPipGroupAndCollectstaticAndChangesNothing() throws IOException {
        DjangoProject kit = kit();
        List<Path> before = tree(root);
        Exec run = install(kit, Map.of(), "--dry-run");
        assertEquals(0, run.status(), run.output());
        String release = root + "/opt/shop/releases/1.0.0";
        List<String> wouldRun = run.stdout().lines().filter(line -> line.startsWith("would run: "))
                .map(line -> line.substring("would run: ".length())).toList();
        for (String action : List.of(
                "install -D -m 0644 " + kit.kit("host/app/requirements.txt") + " " + release + "/requirements.txt",
                "install -D -m 0644 " + kit.kit("host/app/mysite/settings.py") + " " + release + "/mysite/settings.py",
                "install -D -m 0644 " + kit.kit("host/gunicorn.conf.py") + " " + release + "/gunicorn.conf.py",
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
        assertEquals(List.of(), mutations(calls(0)), "a dry run changed the system");
    }

    /**
     * Installs the release, its venv, the group and the static files once; the second run
     * changes nothing. The stand-in app answers on the socket and, so that this test is about
     * idempotence whatever the readiness probe does, on the port as well.
     */
    @Test
    void installsOnceAndChangesNothingTheSecondTime() throws Exception {
        DjangoProject kit = kit();
        Path release = root.resolve("opt/shop/releases/1.0.0");
        try (SocketInstance socket = SocketInstance.listen(root.resolve("run/shop/gunicorn.sock"), log);
             SocketInstance tcp = SocketInstance.listen(port, log)) {
            Exec first = install(kit, Map.of());
            assertEquals(0, first.status(), first.output());
            List<String> calls = calls(0);
            assertAll(
                    () -> assertEquals(Files.readString(kit.kit("host/gunicorn.conf.py")), Files.readString(release.resolve("gunicorn.conf.py"))),
                    () -> assertTrue(Files.isRegularFile(release.resolve("manage.py")), "manage.py"),
                    () -> assertTrue(Files.isRegularFile(release.resolve("mysite/wsgi.py")), "mysite/wsgi.py"),
                    () -> assertEquals(Path.of("/opt/shop/releases/1.0.0"), Files.readSymbolicLink(root.resolve("opt/shop/current"))),
                    () -> assertTrue(Files.isRegularFile(root.resolve("opt/shop/static/admin/css/base.css")), "collectstatic"),
                    () -> assertTrue(calls.contains("python3 -m venv " + release + "/venv"), calls.toString()),
                    () -> assertTrue(calls.contains("pip install --no-cache-dir -r " + release + "/requirements.txt"), calls.toString()),
                    () -> assertTrue(calls.contains("usermod -a -G shop www-data"), calls.toString()),
                    () -> assertTrue(calls.indexOf("systemctl daemon-reload") < calls.indexOf("systemctl start shop.service"), calls.toString()));

            int logged = calls(0).size();
            Exec second = install(kit, Map.of());
            assertEquals(0, second.status(), second.output());
            assertEquals(List.of(), second.stdout().lines()
                    .filter(line -> !line.startsWith("unchanged: ") && !line.equals("shop 1.0.0: installed")).toList(),
                    "the second run changed something:\n" + second.output());
            assertEquals(List.of(), mutations(calls(logged)), "the second run changed the system");
        }
    }

    /**
     * gunicorn listens on unix:/run/shop/gunicorn.sock, not on a port: install.sh must wait for
     * the started unit to answer its health path there. With only the socket answering, as
     * with the real unit, the install must succeed and the probe must reach the socket.
     */
    @Test
    void waitsForGunicornOnItsSocket() throws Exception {
        DjangoProject kit = kit();
        Path socketPath = root.resolve("run/shop/gunicorn.sock");
        try (SocketInstance socket = SocketInstance.listen(socketPath, log)) {
            Exec run = install(kit, Map.of("READY_SECONDS", "3"));
            assertEquals(0, run.status(), "install.sh does not see gunicorn answer on its socket:\n" + run.output());
            List<String> calls = calls(0);
            int started = calls.indexOf("systemctl start shop.service");
            int probed = calls.indexOf("GET /health on " + socketPath);
            assertTrue(started >= 0 && probed > started, "expected GET /health on the socket after the start:\n" + calls);
        }
    }

    private Exec install(DjangoProject kit, Map<String, String> extra, String... arguments) {
        List<String> command = new ArrayList<>(List.of(kit.kit("host/install.sh").toString()));
        command.addAll(List.of(arguments));
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("HOSTKIT_ROOT", root.toString());
        environment.put("STUB_LOG", log.toString());
        environment.put("PATH", stubs + ":" + System.getenv("PATH"));
        return Exec.run(tempDir, environment, command);
    }

    /** The calls logged so far, from the FROM-th on. */
    private List<String> calls(int from) throws IOException {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return all.subList(from, all.size());
    }

    private static List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        }
    }

    private static List<String> mutations(List<String> calls) {
        return calls.stream().filter(call -> MUTATING.stream().anyMatch(call::startsWith)).toList();
    }
}
