package dev.hostkit.host;

import dev.hostkit.core.settings.HostingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole host kit at work: two instances of a real app started with the unit's command line
 * and environment, the real nginx with the generated site (on a free port, serving a temp
 * static folder), and requests through it. The site's server name is {@code localhost}, the
 * only name the JDK HTTP client can send without a restricted Host header; anything else
 * (127.0.0.1, evil.test) falls to the catch-all server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostEndToEndTest {
    private static final String CSS = "body { color: #222; }\n".repeat(100);

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
        base = Loopback.freePorts(2);
        do {
            listen = Loopback.freePorts(1);
        } while (listen == base || listen == base + 1);

        SampleApp app = SampleApp.build(tempDir.resolve("app"));
        Path prefix = tempDir.resolve("opt/shop");
        HostKit kit = HostKit.render(tempDir.resolve("project"), app.jar("1"), List.of(app.dependency()),
                new HostingSettings().set("instances", "2").set("port", String.valueOf(base)).set("listenPort", String.valueOf(listen))
                        .set("serverName", "localhost").set("staticDirectory", statics.toString())
                        .set("installPrefix", prefix.toString()));
        kit.installApp(prefix);
        for (int port = base; port < base + 2; port++) {
            instances.add(AppInstance.start(kit, String.valueOf(port), port, tempDir.resolve("app-" + port + ".log")));
        }
        nginx = Nginx.start(tempDir.resolve("nginx"), kit.read("nginx/shop.conf"), listen);
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
            HttpResponse<String> response = Loopback.get("localhost", listen, "/");
            assertEquals(200, response.statusCode());
            bodies.add(response.body());
        }
        assertEquals(Set.of("hello from port " + base + "\n", "hello from port " + (base + 1) + "\n"), bodies);
    }

    @Test
    @Order(2)
    void nginxServesStaticFilesWithoutTheApp() {
        HttpResponse<String> css = Loopback.get("localhost", listen, "/static/app.css");
        assertAll(
                () -> assertEquals(200, css.statusCode()),
                () -> assertEquals(CSS, css.body()),
                () -> assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), "type"),
                () -> assertEquals("max-age=2592000", css.headers().firstValue("Cache-Control").orElse(null)),
                () -> assertTrue(css.headers().firstValue("Expires").isPresent(), "Expires"),
                () -> assertEquals("nosniff", css.headers().firstValue("X-Content-Type-Options").orElse(null)),
                () -> assertEquals("SAMEORIGIN", css.headers().firstValue("X-Frame-Options").orElse(null)),
                () -> assertTrue(css.headers().firstValue("Referrer-Policy").isPresent(), "Referrer-Policy"),
                () -> assertTrue(css.headers().firstValue("Permissions-Policy").isPresent(), "Permissions-Policy"),
                () -> assertEquals("nginx", css.headers().firstValue("Server").orElse(null), "server_tokens off"));
        HttpResponse<byte[]> gzipped = Loopback.send(HttpRequest.newBuilder(Loopback.uri("localhost", listen, "/static/app.css"))
                .header("Accept-Encoding", "gzip"), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(gzipped.body().length < CSS.length() / 4, "gzip compresses the css");
        assertEquals(403, Loopback.get("localhost", listen, "/static/.secret").statusCode(), "dotfiles are denied");
        assertEquals(404, Loopback.get("localhost", listen, "/static/missing.css").statusCode());
        for (AppInstance instance : instances) {
            String seen = Loopback.get(instance.port(), "/requests").body();
            assertTrue(seen.contains("/ "), "the instance on " + instance.port() + " served / :\n" + seen);
            assertFalse(seen.contains("/static/"), "the app saw a static request:\n" + seen);
        }
    }

    @Test
    @Order(3)
    void theCatchAllServerClosesTheConnectionForAForeignHost() throws IOException {
        assertEquals("", rawRequest("evil.test"), "444: no answer at all");
        assertTrue(rawRequest("localhost").startsWith("HTTP/1.1 200 "), "the same request with the site's name is answered");
        // by address, without a name, it is foreign too
        assertThrows(UncheckedIOException.class, () -> Loopback.get(listen, "/"));
    }

    @Test
    @Order(4)
    void killingAnInstanceDuringALoadRunCostsNoRequest() throws Exception {
        int threads = 4;
        int perThread = 300;
        AtomicInteger done = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        Map<String, AtomicInteger> byBody = new ConcurrentHashMap<>();
        AppInstance victim = instances.get(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> killer = pool.submit(() -> {
                while (done.get() < threads * perThread / 3) {
                    Loopback.sleep(1);
                }
                victim.kill();
                return null;
            });
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        try {
                            HttpResponse<String> response = Loopback.get("localhost", listen, "/");
                            if (response.statusCode() == 200) {
                                byBody.computeIfAbsent(response.body(), body -> new AtomicInteger()).incrementAndGet();
                            } else {
                                record(failures, "status " + response.statusCode() + ": " + response.body());
                            }
                        } catch (RuntimeException e) {
                            record(failures, e + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
            killer.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(victim.isAlive(), "the instance was killed during the run");
        // Every request the dead instance had not begun to answer is retried on the other one:
        // no error status reaches a client. The one thing no proxy can retry is a response whose
        // headers were already passed on when SIGKILL cut its body off; nginx logs each such
        // request as "upstream prematurely closed connection while reading upstream", and only
        // those may fail (a SIGKILL lands between the app's header and body writes now and then).
        String log = Loopback.readQuietly(tempDir.resolve("nginx/nginx.log"));
        long cutMidBody = log.lines().filter(line -> line.contains("upstream prematurely closed connection while reading upstream")).count();
        List<String> statuses = failures.stream().filter(failure -> failure.startsWith("status ")).toList();
        assertEquals(List.of(), statuses, "error statuses reached clients; nginx's log:\n" + log);
        assertTrue(failures.size() <= cutMidBody, "failed requests not explained by a body cut off mid-response: "
                + failures + "\nnginx's log:\n" + log);
        assertEquals(threads * perThread - failures.size(), byBody.values().stream().mapToInt(AtomicInteger::get).sum());
        assertTrue(byBody.containsKey("hello from port " + victim.port() + "\n"), "the killed instance served before: " + byBody);
    }

    private static void record(List<String> failures, String failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    /** GET / with this Host header over a plain socket: everything nginx sends back until it closes. */
    private String rawRequest(String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listen)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
