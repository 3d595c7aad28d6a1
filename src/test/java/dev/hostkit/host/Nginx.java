package dev.hostkit.host;

import dev.hostkit.testing.RequiredTool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real nginx (Debian's package) running one site under a temp prefix, with the main
 * configuration from {@code src/test/resources/host/nginx.conf} (the one bench/run.sh uses).
 */
final class Nginx implements AutoCloseable {
    private final Process process;

    private Nginx(Process process) {
        this.process = process;
    }

    /** Writes PREFIX/nginx.conf and PREFIX/site.conf, checks them with nginx -t, starts nginx and waits for PORT. */
    static Nginx start(Path prefix, String site, int port) throws IOException, InterruptedException {
        Path nginx = RequiredTool.find("nginx", "apt-get install nginx");
        Files.createDirectories(prefix);
        try (InputStream main = Nginx.class.getResourceAsStream("/host/nginx.conf")) {
            Files.write(prefix.resolve("nginx.conf"), main.readAllBytes());
        }
        Files.writeString(prefix.resolve("site.conf"), site, StandardCharsets.UTF_8);
        String[] command = {nginx.toString(), "-p", prefix + "/", "-c", prefix.resolve("nginx.conf").toString(), "-e", "stderr"};
        Command check = Command.run(Map.of(), Stream.concat(Stream.of(command), Stream.of("-t")).toList());
        if (check.status() != 0) {
            throw new AssertionError("nginx -t rejects the site:\n" + check.stderr() + "\n" + site);
        }
        Path log = prefix.resolve("nginx.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Loopback.awaitListening(port, process, log, Duration.ofSeconds(10));
        return new Nginx(process);
    }

    /** Fast shutdown (SIGTERM to the master, which stops its workers). */
    @Override
    public void close() {
        Loopback.stop(process);
    }
}
