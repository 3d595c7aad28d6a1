package dev.hostkit.host;

import com.sun.net.httpserver.HttpServer;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.RequiredTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kit's install.sh, run for real into a temp root (HOSTKIT_ROOT) with the real install,
 * ln and cmp, and stand-ins on PATH for the commands that would change the machine (useradd,
 * chown, systemctl, nginx; getent answers from the useradd log). The stand-ins log every call
 * to one file, in order, so the tests see exactly what the script asked the system to do. The
 * root starts out like a machine with Debian's nginx: sites-available/, sites-enabled/ and the
 * stock default site enabled.
 */
class InstallScriptTest {
    private static final List<String> MUTATING = List.of("useradd", "chown", "nginx -t", "systemctl reload",
            "systemctl daemon-reload", "systemctl enable", "systemctl start", "systemctl restart");

    @TempDir
    static Path appDir;
    static SampleApp app;

    @TempDir
    Path tempDir;
    private Path root;
    private Path stubLog;
    private Path stubs;
    private int base;
    private final List<HttpServer> instances = new ArrayList<>();

    @BeforeAll
    static void buildApp() {
        app = SampleApp.build(appDir);
    }

    @BeforeEach
    void machine() throws IOException {
        root = Files.createDirectories(tempDir.resolve("root"));
        stubLog = tempDir.resolve("calls.log");
        Files.createFile(stubLog);
        stubs = Files.createDirectories(tempDir.resolve("stubs"));
        for (String stub : List.of("getent", "systemctl", "useradd", "chown", "nginx")) {
            String resource = stub.equals("getent") || stub.equals("systemctl") ? stub : "record";
            try (InputStream in = getClass().getResourceAsStream("/host/stubs/" + resource)) {
                Files.write(stubs.resolve(stub), in.readAllBytes());
            }
            Files.setPosixFilePermissions(stubs.resolve(stub), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        base = Loopback.freePorts(2);
    }

    /** Like the app would, each "instance" answers on its port once the script asks for it; it logs each request. */
    private void instancesAnswering() throws IOException {
        for (int port = base; port < base + 2; port++) {
            int instancePort = port;
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            server.createContext("/", exchange -> {
                log("GET " + exchange.getRequestURI() + " on " + instancePort);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            instances.add(server);
        }
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(server -> server.stop(0));
    }

    private void nginxInstalled() throws IOException {
        Path available = Files.createDirectories(root.resolve("etc/nginx/sites-available"));
        Files.writeString(available.resolve("default"), "server { listen 80 default_server; }\n");
        Path enabled = Files.createDirectories(root.resolve("etc/nginx/sites-enabled"));
        Files.createSymbolicLink(enabled.resolve("default"), Path.of("/etc/nginx/sites-available/default"));
    }

    private HostKit kit(int instances, String build) {
        return HostKit.render(tempDir.resolve("project"), app.jar(build), List.of(app.dependency()),
                new HostingSettings().set("instances", String.valueOf(instances)).set("port", String.valueOf(base))
                        .setMap("env", Map.of("GREETING", "hello")));
    }

    @ParameterizedTest(name = "instances={0}")
    @ValueSource(ints = {1, 3})
    void shellcheckFindsNothing(int instances) throws Exception {
        Path shellcheck = RequiredTool.find("shellcheck", "apt-get install shellcheck");
        Command run = Command.run(shellcheck.toString(), kit(instances, "1").file("install.sh").toString());
        assertEquals("", run.stdout() + run.stderr());
        assertEquals(0, run.status());
    }

    @Test
    void dryRunPrintsEveryActionAndChangesNothing() throws Exception {
        HostKit kit = kit(2, "1");
        Script run = install(kit, "--dry-run");
        assertEquals(0, run.status(), run.output());
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
        for (String unit : List.of("shop@" + base + ".service", "shop@" + (base + 1) + ".service")) {
            expected.add("systemctl enable " + unit);
            expected.add("systemctl start " + unit);
        }
        List<String> wouldRun = run.lines().stream().filter(line -> line.startsWith("would run: "))
                .map(line -> line.substring("would run: ".length())).toList();
        for (String action : expected) {
            assertTrue(wouldRun.contains(action), "dry run does not show: " + action + "\n" + run.output());
        }
        assertEquals(List.of(), run.lines().stream()
                .filter(line -> !line.startsWith("would run: ") && !line.equals("shop 1.0.0: installed")).toList());
        try (Stream<Path> files = Files.list(root)) {
            assertEquals(List.of(), files.toList(), "a dry run wrote into the root");
        }
        assertEquals(List.of(), mutations(run.calls()), "a dry run changed the system");
    }

    @Test
    void installsEverythingOnceAndNothingTheSecondTime() throws Exception {
        nginxInstalled();
        instancesAnswering();
        HostKit kit = kit(2, "1");
        Script first = install(kit);
        assertEquals(0, first.status(), first.output());
        String unit1 = "shop@" + base + ".service";
        String unit2 = "shop@" + (base + 1) + ".service";
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
        Script second = install(kit);
        assertEquals(0, second.status(), second.output());
        assertEquals(List.of(), second.lines().stream()
                .filter(line -> !line.startsWith("unchanged: ") && !line.equals("shop 1.0.0: installed")).toList(),
                "the second run changed something:\n" + second.output());
        assertEquals(List.of(), mutations(second.calls()), "the second run changed the system");
        assertEquals("DB_PASSWORD=kept\n", Files.readString(root.resolve("etc/shop/secrets.env")));
    }

    @Test
    void aChangedJarRestartsTheInstancesOneAtATime() throws Exception {
        nginxInstalled();
        instancesAnswering();
        assertEquals(0, install(kit(2, "1")).status());
        HostKit rebuilt = kit(2, "2");
        Script third = install(rebuilt);
        assertEquals(0, third.status(), third.output());
        assertArrayEquals(Files.readAllBytes(rebuilt.file("app/sample-app-1.0.0.jar")),
                Files.readAllBytes(root.resolve("opt/shop/releases/1.0.0/app.jar")));
        assertEquals(List.of("systemctl restart shop@" + base + ".service", "systemctl restart shop@" + (base + 1) + ".service"),
                mutations(third.calls()).stream().filter(call -> !call.startsWith("chown ")).toList(),
                "only the instances restart, one after the other:\n" + third.output());
    }

    /**
     * With Type=exec, "systemctl restart" returns once the JVM is started, long before the app
     * listens: restarting the next instance right away leaves none serving. The script must
     * wait until each restarted instance answers before it restarts the next.
     */
    @Test
    void eachRestartedInstanceAnswersBeforeTheNextOneRestarts() throws Exception {
        nginxInstalled();
        instancesAnswering();
        assertEquals(0, install(kit(2, "1")).status());
        Script third = install(kit(2, "2"));
        assertEquals(0, third.status(), third.output());
        List<String> calls = third.calls();
        int restart1 = calls.indexOf("systemctl restart shop@" + base + ".service");
        int restart2 = calls.indexOf("systemctl restart shop@" + (base + 1) + ".service");
        int answered1 = calls.indexOf("GET / on " + base);
        assertTrue(restart1 >= 0 && restart1 < answered1 && answered1 < restart2,
                "expected: restart the first, GET / on its port, then restart the second; was:\n" + String.join("\n", calls));
        assertTrue(calls.indexOf("GET / on " + (base + 1)) > restart2, "the second instance is checked too");
    }

    /** A step that fails stops the script: nothing is started or restarted on a half-installed release. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chown root:root */app.jar", "chown root:root */shop.conf", "chown root:shop */secrets.env"})
    void aFailingStepStopsTheInstall(String failingCall) throws Exception {
        nginxInstalled();
        instancesAnswering();
        Script run = install(kit(2, "1"), Map.of("STUB_FAIL", failingCall));
        assertNotEquals(0, run.status(), "install.sh went on after '" + failingCall + "' failed:\n" + run.output());
        assertEquals(List.of(), run.calls().stream().filter(call -> call.startsWith("systemctl")).toList(),
                "nothing may be reloaded or started after a failed step:\n" + run.output());
    }

    @Test
    void aSiteThatNginxRejectsIsDisabledAgain() throws Exception {
        nginxInstalled();
        instancesAnswering();
        Script run = install(kit(2, "1"), Map.of("STUB_FAIL", "nginx -t"));
        assertEquals(1, run.status(), run.output());
        assertTrue(run.run().stderr().contains("nginx rejected the configuration"), run.output());
        assertFalse(Files.exists(root.resolve("etc/nginx/sites-enabled/shop.conf"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of(), run.calls().stream().filter(call -> call.startsWith("systemctl")).toList());
    }

    private String mode(String path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(path)));
    }

    private static List<String> mutations(List<String> calls) {
        return calls.stream().filter(call -> MUTATING.stream().anyMatch(call::startsWith)).toList();
    }

    private synchronized void log(String line) {
        try {
            Files.writeString(stubLog, line + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Script install(HostKit kit, String... arguments) throws Exception {
        return install(kit, Map.of(), arguments);
    }

    private Script install(HostKit kit, Map<String, String> extraEnvironment, String... arguments) throws Exception {
        long logged = Files.size(stubLog);
        List<String> command = new ArrayList<>(List.of(kit.file("install.sh").toString()));
        command.addAll(List.of(arguments));
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("HOSTKIT_ROOT", root.toString());
        environment.put("STUB_LOG", stubLog.toString());
        environment.put("PATH", stubs + ":" + System.getenv("PATH"));
        Command run = Command.run(environment, command);
        byte[] log = Files.readAllBytes(stubLog);
        String calls = new String(log, (int) logged, log.length - (int) logged, StandardCharsets.UTF_8);
        return new Script(run, calls.lines().toList());
    }

    /** One run of install.sh: its result and the calls the stand-ins logged during it. */
    record Script(Command run, List<String> calls) {
        int status() {
            return run.status();
        }

        String output() {
            return run.stdout() + run.stderr();
        }

        List<String> lines() {
            return run.stdout().lines().toList();
        }
    }
}
