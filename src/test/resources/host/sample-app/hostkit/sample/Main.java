package hostkit.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import hostkit.sample.lib.Greeting;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The app that the host kit tests and bench/run.sh run behind nginx. It listens on $PORT on
 * loopback and answers:
 * <ul>
 *   <li>{@code /} — "GREETING from port PORT" (GREETING from the environment, via the lib/ jar)</li>
 *   <li>{@code /health} — ok</li>
 *   <li>{@code /env/NAME} — the value of the environment variable NAME (404 when unset)</li>
 *   <li>{@code /jvm} — the JVM's options, one a line</li>
 *   <li>{@code /requests} — every other path it was asked for, with a count ("PATH COUNT" lines)</li>
 *   <li>{@code /static/FILE} — FILE from $STATIC_DIR, when set (for the benchmark's "from the app")</li>
 * </ul>
 */
public final class Main {
    private static final Map<String, LongAdder> SEEN = new ConcurrentHashMap<>();

    private Main() {}

    public static void main(String[] args) throws IOException {
        // Without this the JDK server delays small responses behind a proxy (Nagle): 40x slower.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        String staticDir = System.getenv("STATIC_DIR");
        Path statics = staticDir == null ? null : Path.of(staticDir).toAbsolutePath().normalize();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.createContext("/", exchange -> {
            try {
                handle(exchange, port, statics);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        System.out.println("listening on 127.0.0.1:" + port);
    }

    private static void handle(HttpExchange exchange, int port, Path statics) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/requests")) {
            SEEN.computeIfAbsent(path, key -> new LongAdder()).increment();
        }
        if (path.equals("/")) {
            answer(exchange, 200, "text/plain", Greeting.text() + " from port " + port + "\n");
        } else if (path.equals("/health")) {
            answer(exchange, 200, "text/plain", "ok\n");
        } else if (path.equals("/jvm")) {
            answer(exchange, 200, "text/plain",
                    String.join("\n", ManagementFactory.getRuntimeMXBean().getInputArguments()) + "\n");
        } else if (path.equals("/requests")) {
            StringBuilder body = new StringBuilder();
            new TreeMap<>(SEEN).forEach((seen, count) -> body.append(seen).append(' ').append(count.sum()).append('\n'));
            answer(exchange, 200, "text/plain", body.toString());
        } else if (path.startsWith("/env/") && System.getenv(path.substring(5)) != null) {
            answer(exchange, 200, "text/plain", System.getenv(path.substring(5)));
        } else if (path.startsWith("/static/") && statics != null) {
            Path file = statics.resolve(path.substring(8)).normalize();
            if (file.startsWith(statics) && Files.isRegularFile(file)) {
                String type = file.toString().endsWith(".css") ? "text/css" : "application/javascript";
                answer(exchange, 200, type, Files.readAllBytes(file));
            } else {
                answer(exchange, 404, "text/plain", "not found\n");
            }
        } else {
            answer(exchange, 404, "text/plain", "not found\n");
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        answer(exchange, status, type + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
