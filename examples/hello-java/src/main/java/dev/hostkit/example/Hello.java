package dev.hostkit.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A tiny web app: "/" greets, "/health" answers ok. Listens on $PORT (default 8080) at
 * $BIND_ADDRESS (default: all interfaces), the contract hostkit's kits hold a plain jar to.
 */
public final class Hello {
    private Hello() {}

    public static void main(String[] args) throws IOException {
        // Without this the JDK server delays small responses behind a proxy (Nagle).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        String greeting = System.getenv().getOrDefault("GREETING", "Hello");
        String bind = System.getenv().getOrDefault("BIND_ADDRESS", "");
        HttpServer server = HttpServer.create(bind.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(bind, port), 128);
        server.createContext("/health", exchange -> answer(exchange, "ok\n"));
        server.createContext("/", exchange -> answer(exchange, greeting + " (instance on port " + port + ")\n"));
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(1)));
        System.out.println("listening on " + port);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
