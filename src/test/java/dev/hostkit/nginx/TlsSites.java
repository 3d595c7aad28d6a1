package dev.hostkit.nginx;

import com.sun.net.httpserver.HttpServer;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Nginx;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.SelfSigned;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * HTTPS running for real: a self-signed certificate from openssl, a small app on loopback, and
 * the real nginx running the generated host site (in Debian's main config) and the generated
 * compose site (in the nginx image's main config; on a copy, only its {@code listen} ports and
 * its {@code server app:PORT} upstream line are rewritten, standing in for compose's port
 * publishing and network, {@link Nginx#onLoopback}). Both sites serve shop.test with a TLS port
 * other than 443, an ACME webroot with one challenge token, and a static folder. A test class
 * runs them for its tests: {@code @RegisterExtension static final TlsSites sites = new TlsSites();}
 */
final class TlsSites implements BeforeAllCallback, AfterAllCallback {
    static final String TOKEN = "token-Zx81_q";
    static final String TOKEN_CONTENT = "token-Zx81_q.account-thumbprint";
    static final String CSS = "body { color: #333; }\n";

    /** Where the kit runs. */
    enum Runtime { HOST, COMPOSE }

    /** A running nginx and the ports clients reach it on. */
    private record Running(int listenPort, int tlsPort, Nginx nginx) {}

    private final Map<Runtime, Running> running = new EnumMap<>(Runtime.class);
    private Path dir;
    private SelfSigned pair;
    private HttpServer app;

    /** Starts the app and both sites, everything under a temp dir of their own. */
    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            dir = Files.createTempDirectory("hostkit-tls-");
            pair = SelfSigned.create(dir.resolve("tls"), "shop.test");
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
                SampleKit kit = KitVariant.java(runtime.name(), settings -> settings.set("serverName", "shop.test")
                        .set("tlsCertificate", pair.certificate().toString()).set("tlsCertificateKey", pair.key().toString())
                        .set("port", String.valueOf(appPort)).set("listenPort", String.valueOf(listenPort))
                        .set("tlsPort", String.valueOf(tlsPort)).set("staticDirectory", staticDir.toString())
                        .set("tlsAcmeWebroot", webroot.toString()).setList("targets", List.of(runtime == Runtime.HOST ? "host" : "compose")))
                        .render(dir.resolve("kit-" + runtime));
                Path prefix = Files.createDirectories(dir.resolve("nginx-" + runtime));
                Nginx nginx = runtime == Runtime.HOST
                        ? Nginx.start(prefix, kit.read("host/nginx/shop.conf"), Nginx.Main.DEBIAN, listenPort, tlsPort)
                        : Nginx.start(prefix, Nginx.onLoopback(kit.read(SiteSpec.COMPOSE_SITE), Map.of(80, listenPort, 443, tlsPort)),
                        Nginx.Main.IMAGE, listenPort, tlsPort);
                running.put(runtime, new Running(listenPort, tlsPort, nginx));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SelfSigned pair() {
        return pair;
    }

    int listenPort(Runtime runtime) {
        return running.get(runtime).listenPort();
    }

    int tlsPort(Runtime runtime) {
        return running.get(runtime).tlsPort();
    }

    String https(Runtime runtime, String path) {
        return "https://shop.test:" + tlsPort(runtime) + path;
    }

    String http(Runtime runtime, String path) {
        return "http://shop.test:" + listenPort(runtime) + path;
    }

    /** Stops both nginx and the app, also after a start that failed half-way, and deletes the temp dir. */
    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        running.values().forEach(site -> site.nginx().close());
        if (app != null) {
            app.stop(0);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Answers / with what it was told (X-Forwarded-Proto, Host), /boom with 500, anything else with 404. */
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
