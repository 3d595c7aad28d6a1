package dev.hostkit.target.host;

import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.Http;
import dev.hostkit.testing.LoadRun;
import dev.hostkit.testing.Nginx;
import dev.hostkit.testing.Poll;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.StubMachine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A redeploy as an operator does it, under load: two instances of the real app behind the real
 * nginx with the generated site (as {@link HostEndToEndTest}), and the real install.sh of a new
 * build on a {@link HostMachine}. Its "systemctl restart" is done for real: the test stops the
 * instance (SIGTERM, as systemd does), lets the stand-in return, and starts the instance again on
 * the release install.sh installed. Clients send requests through nginx all along.
 * {@code -Dhostkit.rejoinSeconds=0} runs the old rolling restart (no wait for nginx), to measure it.
 */
class HostRedeployTest {
    private static final int CLIENTS = 4;
    private static final Duration INSTALL_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path tempDir;
    private final List<AppInstance> instances = new ArrayList<>();
    private HostMachine machine;
    private Nginx nginx;

    @Test
    void aRedeployUnderLoadCostsNoRequest() throws Exception {
        // nginx's workers do not run as root: they must be able to reach the static folder
        Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        machine = new HostMachine(tempDir.resolve("machine"), SampleApp.build(tempDir.resolve("app")));
        int base = machine.base();
        int listen;
        do {
            listen = Ports.consecutive(1);
        } while (listen == base || listen == base + 1);
        int nginxPort = listen;
        Path prefix = tempDir.resolve("opt/shop");
        HostKit first = machine.kit(2, "1", settings -> settings.set("listenPort", String.valueOf(nginxPort))
                .set("serverName", "localhost").set("installPrefix", prefix.toString()));
        first.installJavaApp(prefix);
        for (int port = base; port < base + 2; port++) {
            instances.add(AppInstance.start(first, String.valueOf(port), port, tempDir.resolve("app-" + port + ".log")));
        }
        nginx = Nginx.start(Files.createDirectories(tempDir.resolve("nginx")), first.read("nginx/shop.conf"), Nginx.Main.DEBIAN, listen);
        machine.withDebianNginx().installed(first, Map.of());

        HostKit second = machine.kit(2, "2", settings -> settings.set("listenPort", String.valueOf(nginxPort))
                .set("serverName", "localhost").set("installPrefix", prefix.toString()));
        Path restarts = Files.createDirectories(tempDir.resolve("restarts"));
        String rejoin = System.getProperty("hostkit.rejoinSeconds", "");
        Map<String, String> environment = new HashMap<>(Map.of("STUB_RESTARTS", restarts.toString()));
        environment.put("REJOIN_SECONDS", rejoin.isEmpty() ? "11" : rejoin);
        StubMachine.Script run;
        LoadRun load = LoadRun.untilStopped(CLIENTS, () -> Http.get(nginxPort, "localhost", "/"));
        try (load) {
            CompletableFuture<Void> systemd = CompletableFuture.runAsync(() -> restartEachAsAsked(second, prefix, restarts));
            Poll.until("the load to be under way", INSTALL_WITHIN, Duration.ofMillis(10), left -> load.done() >= 200 ? true : null);
            run = machine.installed(second, environment);
            systemd.get(30, TimeUnit.SECONDS);
            int after = load.done();
            Poll.until("200 requests after the install", INSTALL_WITHIN, Duration.ofMillis(10), left -> load.done() >= after + 200 ? true : null);
            load.stop();
        }
        List<String> failures = load.failures();
        System.out.printf("hostkit redeploy under load (REJOIN_SECONDS=%s): %d of %d requests failed%n",
                environment.get("REJOIN_SECONDS"), failures.size(), load.done());
        StubMachine.Script install = run;
        assertAll(
                () -> assertTrue(install.calls().containsAll(List.of("systemctl restart shop@" + base + ".service",
                        "systemctl restart shop@" + (base + 1) + ".service")), install.output()),
                () -> assertEquals(List.of(), failures.stream().distinct().toList(), failures.size() + " of " + load.done()
                        + " requests failed during the redeploy; install.sh:\n" + install.output() + "\nnginx's log:\n" + nginx.log()));
        assertTrue(load.byBody().keySet().containsAll(List.of("hello from port " + base + "\n", "hello from port " + (base + 1) + "\n")),
                "both instances served: " + load.byBody());
    }

    /**
     * systemd's part: for each "systemctl restart shop@PORT.service" install.sh makes, stop that
     * instance, point the test's current at the release install.sh installed under its root,
     * let the stand-in return, and start the instance again.
     */
    private void restartEachAsAsked(HostKit kit, Path prefix, Path restarts) {
        for (int restart = 1; restart <= 2; restart++) {
            int n = restart;
            String unit = Poll.until("install.sh's restart number " + n, INSTALL_WITHIN, Duration.ofMillis(5), left -> machine.calls().stream()
                    .filter(call -> call.matches("systemctl restart shop@[0-9]+\\.service")).skip(n - 1).findFirst()
                    .map(call -> call.substring("systemctl restart ".length())).orElse(null));
            int port = Integer.parseInt(unit.replaceAll("\\D", ""));
            int index = port - machine.base();
            instances.get(index).stop();
            try {
                Path installed = machine.root().resolve(Files.readSymbolicLink(machine.root().resolve(prefix.toString().substring(1))
                        .resolve("current")).toString().substring(1));
                Files.deleteIfExists(prefix.resolve("current"));
                Files.createSymbolicLink(prefix.resolve("current"), installed);
                Files.createFile(restarts.resolve(unit));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instances.set(index, AppInstance.start(kit, String.valueOf(port), port, tempDir.resolve("app-" + port + "-" + n + ".log")));
        }
    }

    @AfterEach
    void stopAll() {
        if (nginx != null) {
            nginx.close();
        }
        instances.forEach(AppInstance::close);
        if (machine != null) {
            machine.close();
        }
    }
}
