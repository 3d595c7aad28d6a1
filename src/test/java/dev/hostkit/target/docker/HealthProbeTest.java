package dev.hostkit.target.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hostkit.testing.Commands;
import dev.hostkit.testing.KitVariants;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The container health probe really works: its script, taken from the generated HEALTHCHECK
 * (and the same one compose runs), is run with /bin/bash against a local HTTP server that
 * answers the configured health path.
 */
class HealthProbeTest {
    private static final String HEALTH_PATH = "/actuator/health?probe=liveness&full=1";

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void probeSucceedsOnAHealthyApp(@TempDir Path dir) throws IOException {
        int port = startServer(200);
        Commands.Result result = probe(dir, port);
        assertEquals(0, result.exitCode(), () -> "probe failed against a healthy app: " + result.describe());
        assertEquals(List.of("GET " + HEALTH_PATH), requests, "the probe asks for the configured health path, query included");
    }

    @Test
    void probeFailsOnAnUnhealthyApp(@TempDir Path dir) throws IOException {
        int port = startServer(503);
        Commands.Result result = probe(dir, port);
        assertNotEquals(0, result.exitCode(), () -> "probe passed on a 503: " + result.describe());
        assertEquals(List.of("GET " + HEALTH_PATH), requests);
    }

    @Test
    void probeFailsWhenNothingListens(@TempDir Path dir) throws IOException {
        Commands.Result result = probe(dir, Ports.free());
        assertNotEquals(0, result.exitCode(), () -> "probe passed with nothing listening: " + result.describe());
    }

    /** Renders a kit for the port, checks Dockerfile and compose agree on the probe, and runs it. */
    private static Commands.Result probe(Path dir, int port) throws IOException {
        SampleKit kit = KitVariants.named("defaults").with("probe",
                settings -> settings.set("port", String.valueOf(port)).set("healthPath", HEALTH_PATH)).render(dir.resolve("project"));
        List<String> command = Dockerfile.parse(kit.read(Dockerfile.PATH)).healthcheckCommand()
                .orElseThrow(() -> new AssertionError("no exec-form HEALTHCHECK in\n" + kit.read(Dockerfile.PATH)));
        List<String> composeTest = new ArrayList<>();
        JsonNode compose = new YAMLMapper().readTree(kit.read("compose/compose.yaml"));
        compose.path("services").path("app").path("healthcheck").path("test").forEach(word -> composeTest.add(word.asText()));
        assertEquals(composeTest.subList(1, composeTest.size()), command, "compose and the image probe the same way");
        assertEquals(List.of("bash", "-c"), command.subList(0, 2), "the probe is bash -c SCRIPT");
        return Commands.run(List.of(Tool.BASH.path(), "-c", command.get(2)), dir, Map.of(), Duration.ofSeconds(20));
    }

    /** A server on a free loopback port: {@code status} for the health path, 404 for any other. */
    private int startServer(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().toString();
            synchronized (requests) {
                requests.add(exchange.getRequestMethod() + " " + target);
            }
            int answer = target.equals(HEALTH_PATH) ? status : 404;
            byte[] body = ("status " + answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }
}
