package dev.hostkit.tls;

import com.sun.net.httpserver.HttpServer;
import dev.hostkit.core.settings.HostingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7, for real: a self-signed certificate from openssl, a small app on loopback, and the
 * real nginx running the generated host site (in Debian's main config) and the generated compose
 * site (in the nginx image's main config; on a copy, only its {@code listen} ports and its
 * {@code server app:PORT} upstream line are rewritten, standing in for compose's port publishing
 * and network). curl and openssl s_client then talk to both.
 */
class TlsEndToEndTest {
    private static final String TOKEN = "token-Zx81_q";
    private static final String TOKEN_CONTENT = "token-Zx81_q.account-thumbprint";
    private static final String CSS = "body { color: #333; }\n";

    /** Where the kit runs. */
    enum Runtime { HOST, COMPOSE }

    /** A running nginx and the ports clients reach it on. */
    private record Running(int listenPort, int tlsPort, Nginx nginx) {}

    @RegisterExtension
    static final Workspace shop = new Workspace();
    private static Path dir;
    private static SelfSigned pair;
    private static HttpServer app;
    private static final Map<Runtime, Running> running = new EnumMap<>(Runtime.class);

    @BeforeAll
    static void startAppAndNginx() throws IOException {
        dir = shop.dir();
        pair = shop.pair();
        Path webroot = Files.createDirectories(dir.resolve("letsencrypt"));
        Files.createDirectories(webroot.resolve(".well-known/acme-challenge"));
        Files.writeString(webroot.resolve(".well-known/acme-challenge/" + TOKEN), TOKEN_CONTENT);
        Path staticDir = Files.createDirectories(dir.resolve("static"));
        Files.writeString(staticDir.resolve("app.css"), CSS);
        app = startApp();
        int appPort = app.getAddress().getPort();
        List<Integer> ports = Ports.free(4);

        for (Runtime runtime : Runtime.values()) {
            int listenPort = ports.get(runtime.ordinal() * 2);
            int tlsPort = ports.get(runtime.ordinal() * 2 + 1);
            HostingSettings settings = Kits.certificateMode(pair).set("port", String.valueOf(appPort))
                    .set("listenPort", String.valueOf(listenPort)).set("tlsPort", String.valueOf(tlsPort))
                    .set("staticDirectory", staticDir.toString()).set("tlsAcmeWebroot", webroot.toString())
                    .setList("targets", List.of(runtime == Runtime.HOST ? "host" : "compose"));
            Map<String, String> kit = Kits.render(shop.project(), settings);
            Path prefix = Files.createDirectories(dir.resolve("nginx-" + runtime));
            Nginx nginx = runtime == Runtime.HOST
                    ? Nginx.start(prefix, kit.get(Kits.HOST_SITE), Nginx.Main.DEBIAN, listenPort, tlsPort)
                    : Nginx.start(prefix, Nginx.composeOnLoopback(kit.get(Kits.COMPOSE_SITE), listenPort, tlsPort), Nginx.Main.IMAGE,
                    listenPort, tlsPort);
            running.put(runtime, new Running(listenPort, tlsPort, nginx));
        }
    }

    @AfterAll
    static void stopAll() {
        running.values().forEach(site -> site.nginx().close());
        if (app != null) {
            app.stop(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void httpsAnswersThroughTheProxyOverHttp2WithHstsAndSecurityHeaders(Runtime runtime) {
        Curl.Response response = Curl.get(https(runtime, "/"), pair);

        assertEquals(200, response.status(), response::toString);
        assertEquals("2", response.protocol(), () -> "HTTP/2 over TLS (listen ... ssl http2):\n" + response);
        assertEquals("hello from the app; X-Forwarded-Proto=https; Host=shop.test", response.body(), response::toString);
        assertHeaders(response, true);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void plainHttpRedirectsToHttpsKeepingPathAndQueryWithoutHsts(Runtime runtime) {
        Curl.Response response = Curl.get(http(runtime, "/a/b?x=1&y=2"), pair);

        assertEquals(301, response.status(), response::toString);
        // tlsPort is not 443, so the redirect names it; for compose it is the published port
        assertEquals("https://shop.test:" + running.get(runtime).tlsPort() + "/a/b?x=1&y=2", response.header("Location"),
                response::toString);
        assertHeaders(response, false);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void acmeChallengeIsServedOverPlainHttpFromTheWebroot(Runtime runtime) {
        Curl.Response response = Curl.get(http(runtime, "/.well-known/acme-challenge/" + TOKEN), pair);

        assertEquals(200, response.status(), response::toString);
        assertEquals(TOKEN_CONTENT, response.body(), response::toString);
        assertNull(response.header("Location"), response::toString);
        assertEquals("text/plain", response.header("Content-Type"), response::toString);
        assertHeaders(response, false);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void errorsCarryTheSecurityHeadersAndHsts(Runtime runtime) {
        Curl.Response appError = Curl.get(https(runtime, "/boom"), pair);
        Curl.Response appNotFound = Curl.get(https(runtime, "/no/such/page"), pair);
        Curl.Response dotfile = Curl.get(https(runtime, "/.env"), pair);
        Curl.Response challengeMissing = Curl.get(http(runtime, "/.well-known/acme-challenge/missing"), pair);

        assertAll(
                () -> assertEquals(500, appError.status(), appError::toString),
                () -> assertEquals("boom", appError.body(), appError::toString),
                () -> assertHeaders(appError, true),
                () -> assertEquals(404, appNotFound.status(), appNotFound::toString),
                () -> assertHeaders(appNotFound, true),
                () -> assertEquals(403, dotfile.status(), dotfile::toString),
                () -> assertHeaders(dotfile, true),
                () -> assertEquals(404, challengeMissing.status(), challengeMissing::toString),
                () -> assertHeaders(challengeMissing, false));
    }

    @Test
    void staticFilesAndTheirErrorsCarryTheSecurityHeadersAndHsts() {
        Curl.Response file = Curl.get(https(Runtime.HOST, "/static/app.css"), pair);
        Curl.Response missing = Curl.get(https(Runtime.HOST, "/static/missing.css"), pair);

        assertAll(
                () -> assertEquals(200, file.status(), file::toString),
                () -> assertEquals(CSS, file.body(), file::toString),
                () -> assertEquals("text/css", file.header("Content-Type"), file::toString),
                () -> assertEquals("max-age=2592000", file.header("Cache-Control"), file::toString),
                () -> assertHeaders(file, true),
                () -> assertEquals(404, missing.status(), missing::toString),
                () -> assertHeaders(missing, true));
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void tls12And13AreAcceptedWithTheCertificateAndAMozillaCipher(Runtime runtime) {
        Command tls12 = handshake(running.get(runtime).tlsPort(), "shop.test", "-tls1_2", "-CAfile", pair.certificate().toString(),
                "-verify_return_error");
        Command tls13 = handshake(running.get(runtime).tlsPort(), "shop.test", "-tls1_3", "-CAfile", pair.certificate().toString(),
                "-verify_return_error");

        assertAll(
                () -> assertEstablished(tls12, "TLSv1.2"),
                () -> assertTrue(tls12.output().matches("(?s).*\nCiphersuite: ECDHE-RSA-(AES128-GCM-SHA256|AES256-GCM-SHA384"
                        + "|CHACHA20-POLY1305)\n.*"), tls12::describe),
                () -> assertTrue(tls12.output().contains("\nVerification: OK\n"), tls12::describe),
                () -> assertEstablished(tls13, "TLSv1.3"),
                () -> assertTrue(tls13.output().contains("\nVerification: OK\n"), tls13::describe));
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void tls10And11AreRefusedByTheServerForTheirVersion(Runtime runtime) {
        // SECLEVEL=0 lets this OpenSSL 3 client offer TLS 1.0/1.1 (oldTlsClientCanConnect... shows it does),
        // so the refusal is the server's: a "protocol version" alert, not a cipher mismatch
        for (String version : List.of("-tls1", "-tls1_1")) {
            Command result = handshake(running.get(runtime).tlsPort(), "shop.test", version, "-cipher", "DEFAULT:@SECLEVEL=0");
            assertNotEquals(0, result.exitCode(), result::describe);
            assertFalse(result.output().contains("CONNECTION ESTABLISHED"), result::describe);
            assertTrue(result.output().contains("alert protocol version"), () -> "the server must refuse " + version
                    + " for its version (ssl_protocols), not only for want of a common cipher:\n" + result.describe());
        }
    }

    /** The control for the test above: the same client commands do complete TLS 1.0 and 1.1 with a server that allows them. */
    @Test
    void oldTlsClientCanConnectToAServerThatAllowsIt() throws Exception {
        int port = Ports.free(1).get(0);
        Process server = new ProcessBuilder(Tools.openssl(), "s_server", "-accept", "127.0.0.1:" + port, "-cert",
                pair.certificate().toString(), "-key", pair.key().toString(), "-cipher", "DEFAULT:@SECLEVEL=0", "-quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("s_server.out").toFile()).start();
        try {
            assertTrue(Ports.awaitListening(server, port), "openssl s_server listens on " + port);
            assertEstablished(handshake(port, "shop.test", "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0"), "TLSv1");
            assertEstablished(handshake(port, "shop.test", "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"), "TLSv1.1");
        } finally {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void otherNamesGetNoAnswerAndNoHandshake(Runtime runtime) {
        int tlsPort = running.get(runtime).tlsPort();
        Command evilSni = handshake(tlsPort, "evil.test", "-tls1_2");
        Command evilSni13 = handshake(tlsPort, "evil.test", "-tls1_3");
        Command noSni = handshake(tlsPort, null, "-tls1_3");
        Command evilHttp = Curl.run("http://evil.test:" + running.get(runtime).listenPort() + "/", pair);
        Command evilHostOverTls = Curl.run(https(runtime, "/"), pair, "--http1.1", "-H", "Host: evil.test");

        assertAll(
                () -> assertNotEquals(0, evilSni.exitCode(), evilSni::describe),
                () -> assertTrue(evilSni.output().contains("unrecognized name"), evilSni::describe),
                () -> assertTrue(evilSni13.output().contains("unrecognized name"), evilSni13::describe),
                () -> assertTrue(noSni.output().contains("unrecognized name"), noSni::describe),
                // 444: nginx closes the connection without a word, so curl sees an empty reply (exit code 52)
                () -> assertEquals(52, evilHttp.exitCode(), evilHttp::describe),
                () -> assertEquals(52, evilHostOverTls.exitCode(), evilHostOverTls::describe));
    }

    private static void assertEstablished(Command handshake, String protocol) {
        assertEquals(0, handshake.exitCode(), handshake::describe);
        assertTrue(handshake.output().contains("CONNECTION ESTABLISHED\nProtocol version: " + protocol + "\n"), handshake::describe);
    }

    private static void assertHeaders(Curl.Response response, boolean hsts) {
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        Kits.SECURITY_HEADERS.forEach((name, value) -> checks.add(() -> assertEquals(value, response.header(name),
                () -> name + " on every response:\n" + response)));
        checks.add(() -> assertEquals(hsts ? Kits.HSTS : null, response.header("Strict-Transport-Security"),
                () -> (hsts ? "HSTS on every HTTPS response" : "no HSTS over plain HTTP") + ":\n" + response));
        checks.add(() -> assertEquals("nginx", response.header("Server"), () -> "no version (server_tokens off):\n" + response));
        assertAll(checks);
    }

    private static String https(Runtime runtime, String path) {
        return "https://shop.test:" + running.get(runtime).tlsPort() + path;
    }

    private static String http(Runtime runtime, String path) {
        return "http://shop.test:" + running.get(runtime).listenPort() + path;
    }

    /** openssl s_client to 127.0.0.1:port with this SNI name ({@code null}: none) and options. */
    private static Command handshake(int port, String serverName, String... options) {
        List<String> command = new ArrayList<>(List.of(Tools.openssl(), "s_client", "-brief", "-connect", "127.0.0.1:" + port));
        command.addAll(serverName == null ? List.of("-noservername") : List.of("-servername", serverName));
        command.addAll(List.of(options));
        return Command.run(command);
    }

    private static HttpServer startApp() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.equals("/") ? 200 : path.equals("/boom") ? 500 : 404;
            String body = switch (status) {
                case 200 -> "hello from the app; X-Forwarded-Proto=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")
                        + "; Host=" + exchange.getRequestHeaders().getFirst("Host");
                case 500 -> "boom";
                default -> "not found";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }
}
