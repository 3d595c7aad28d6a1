package dev.hostkit.target.host;

import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.Http;
import dev.hostkit.testing.HttpResponse;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.LoadRun;
import dev.hostkit.testing.Nginx;
import dev.hostkit.testing.Poll;
import dev.hostkit.testing.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole host kit at work: two instances of a real app started with the unit's command line
 * and environment, the real nginx with the generated site (on a free port, serving a temp
 * static folder), and requests through it. The site's server name is {@code localhost};
 * anything else (127.0.0.1, evil.test) falls to the catch-all server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostEndToEndTest {
    private static final String CSS = "body { color: #222; }\n".repeat(100);
    /** The load run's 1200 requests take a few seconds; this bounds it. */
    private static final Duration LOAD_RUN_WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path tempDir;

    private final List<AppInstance> instances = new ArrayList<>();
    private Nginx nginx;
    private int listen;
    private int base;

    @BeforeAll
    void startAppAndNginx() throws Exception {
        // nginx's workers do not run as root: they must be able to reach the static folder
        Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path statics = Files.createDirectories(tempDir.resolve("static"));
        Files.writeString(statics.resolve("app.css"), CSS);
        Files.writeString(statics.resolve(".secret"), "never served\n");
        base = Ports.consecutive(2);
        do {
            listen = Ports.consecutive(1);
        } while (listen == base || listen == base + 1);

        Path prefix = tempDir.resolve("opt/shop");
        HostKit kit = HostKit.of(new KitVariant("two instances", SampleApp.build(tempDir.resolve("app")).project("1"), settings -> settings
                .setList("targets", List.of("host")).set("instances", "2").set("port", String.valueOf(base))
                .set("listenPort", String.valueOf(listen)).set("serverName", "localhost").set("staticDirectory", statics.toString())
                .set("installPrefix", prefix.toString())).render(tempDir.resolve("project")));
        kit.installJavaApp(prefix);
        for (int port = base; port < base + 2; port++) {
            instances.add(AppInstance.start(kit, String.valueOf(port), port, tempDir.resolve("app-" + port + ".log")));
        }
        nginx = Nginx.start(Files.createDirectories(tempDir.resolve("nginx")), kit.read("nginx/shop.conf"), Nginx.Main.DEBIAN, listen);
    }

    /** Runs also when startAppAndNginx failed half-way. */
    @AfterAll
    void stopAll() {
        if (nginx != null) {
            nginx.close();
        }
        instances.forEach(AppInstance::close);
    }

    @Test
    @Order(1)
    void requestsThroughNginxReachBothInstances() {
        Set<String> bodies = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 20; i++) {
            HttpResponse response = Http.get(listen, "localhost", "/");
            assertEquals(200, response.status(), response::toString);
            bodies.add(response.text());
        }
        assertEquals(Set.of("hello from port " + base + "\n", "hello from port " + (base + 1) + "\n"), bodies);
    }

    @Test
    @Order(2)
    void nginxServesStaticFilesWithoutTheApp() {
        HttpResponse css = Http.get(listen, "localhost", "/static/app.css");
        assertAll(
                () -> assertEquals(200, css.status()),
                () -> assertEquals(CSS, css.text()),
                () -> assertTrue(String.valueOf(css.header("Content-Type")).startsWith("text/css"), "type"),
                () -> assertEquals("max-age=2592000", css.header("Cache-Control")),
                () -> assertTrue(css.header("Expires") != null, "Expires"),
                () -> assertEquals("nosniff", css.header("X-Content-Type-Options")),
                () -> assertEquals("SAMEORIGIN", css.header("X-Frame-Options")),
                () -> assertTrue(css.header("Referrer-Policy") != null, "Referrer-Policy"),
                () -> assertTrue(css.header("Permissions-Policy") != null, "Permissions-Policy"),
                () -> assertEquals("nginx", css.header("Server"), "server_tokens off"));
        HttpResponse gzipped = Http.get(listen, "localhost", "/static/app.css", "Accept-Encoding: gzip");
        assertEquals("gzip", gzipped.header("Content-Encoding"));
        assertTrue(gzipped.body().length < CSS.length() / 4, "gzip compresses the css");
        assertEquals(403, Http.get(listen, "localhost", "/static/.secret").status(), "dotfiles are denied");
        assertEquals(404, Http.get(listen, "localhost", "/static/missing.css").status());
        for (AppInstance instance : instances) {
            String seen = Http.get(instance.port(), "127.0.0.1", "/requests").text();
            assertTrue(seen.contains("/ "), "the instance on " + instance.port() + " served / :\n" + seen);
            assertFalse(seen.contains("/static/"), "the app saw a static request:\n" + seen);
        }
    }

    @Test
    @Order(3)
    void theCatchAllServerClosesTheConnectionForAForeignHost() {
        assertTrue(Http.get(listen, "evil.test", "/").noAnswer(), "444: no answer at all");
        assertEquals(200, Http.get(listen, "localhost", "/").status(), "the same request with the site's name is answered");
        // by address, without a name, it is foreign too
        assertTrue(Http.get(listen, "127.0.0.1:" + listen, "/").noAnswer());
    }

    @Test
    @Order(4)
    void killingAnInstanceDuringALoadRunCostsNoRequest() throws Exception {
        int threads = 4;
        int perThread = 300;
        AppInstance victim = instances.get(1);
        List<String> failures;
        Map<String, Integer> byBody;
        try (LoadRun load = LoadRun.start(threads, perThread, () -> Http.get(listen, "localhost", "/"))) {
            Poll.until("a third of the load run's requests, to kill the instance on " + victim.port(), LOAD_RUN_WITHIN,
                    Duration.ofMillis(1), left -> load.done() >= threads * perThread / 3 ? load.done() : null);
            victim.kill();
            load.awaitEnd(LOAD_RUN_WITHIN);
            failures = load.failures();
            byBody = load.byBody();
        }
        assertFalse(victim.isAlive(), "the instance was killed during the run");
        // Every request the dead instance had not begun to answer is retried on the other one:
        // no error status reaches a client. The one thing no proxy can retry is a response whose
        // headers were already passed on when SIGKILL cut its body off; nginx logs each such
        // request as "upstream prematurely closed connection while reading upstream", and only
        // those may fail (a SIGKILL lands between the app's header and body writes now and then).
        String log = nginx.log();
        long cutMidBody = log.lines().filter(line -> line.contains("upstream prematurely closed connection while reading upstream")).count();
        List<String> statuses = failures.stream().filter(failure -> failure.startsWith("status ")).toList();
        assertEquals(List.of(), statuses, "error statuses reached clients; nginx's log:\n" + log);
        assertTrue(failures.size() <= cutMidBody, "failed requests not explained by a body cut off mid-response: "
                + failures + "\nnginx's log:\n" + log);
        assertEquals(threads * perThread - failures.size(), byBody.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(byBody.containsKey("hello from port " + victim.port() + "\n"), "the killed instance served before: " + byBody);
    }
}
