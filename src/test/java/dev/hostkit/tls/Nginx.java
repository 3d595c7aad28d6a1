package dev.hostkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * The real nginx binary on one generated site, under a prefix of its own: the site file is
 * included from a main config that stands for the one it lives in on the machine (Debian's)
 * or in the container (the official image's). {@link #check} runs {@code nginx -t};
 * {@link #start} runs it in the foreground until {@link #close}.
 */
final class Nginx implements AutoCloseable {
    /** The main config a site is included from. */
    enum Main {
        /** host/nginx/*.conf: Debian's nginx.conf. */
        DEBIAN("/tls/main-debian.conf"),
        /** compose/nginx/default.conf: the nginx image's nginx.conf. */
        IMAGE("/tls/main-image.conf");

        private final String resource;

        Main(String resource) {
            this.resource = resource;
        }
    }

    private final Process process;

    private Nginx(Process process) {
        this.process = process;
    }

    /** Writes {@code prefix/site.conf} and the main config {@code prefix/nginx.conf} that includes it. */
    static Path prepare(Path prefix, String site, Main main) {
        try (InputStream in = Nginx.class.getResourceAsStream(main.resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + main.resource);
            }
            Files.createDirectories(prefix.resolve("temp"));
            Path siteFile = Files.writeString(prefix.resolve("site.conf"), site);
            // as root, nginx would run its workers as nobody, who cannot read the test's private temp dirs
            String user = "root".equals(System.getProperty("user.name")) ? "user root;" : "";
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@USER@", user).replace("@PREFIX@", prefix.toString()).replace("@SITE@", siteFile.toString());
            return Files.writeString(prefix.resolve("nginx.conf"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code nginx -t} on the site: it must pass without a warning. */
    static void check(Path prefix, String site, Main main, String what) {
        Path conf = prepare(prefix, site, main);
        Command result = Command.run(List.of(Tools.nginx(), "-t", "-q", "-p", prefix.toString(), "-c", conf.toString(),
                "-e", "stderr"));
        if (result.exitCode() != 0 || result.output().contains("[warn]") || result.output().contains("[emerg]")) {
            throw new AssertionError("nginx -t rejects " + what + ":\n" + result.describe() + "\n--- site ---\n" + site);
        }
    }

    /** Starts nginx on the site and waits until it accepts connections on every port. */
    static Nginx start(Path prefix, String site, Main main, int... ports) {
        Path conf = prepare(prefix, site, main);
        Path log = prefix.resolve("nginx.out");
        try {
            Process process = new ProcessBuilder(Tools.nginx(), "-p", prefix.toString(), "-c", conf.toString(), "-e", "stderr",
                    "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Nginx nginx = new Nginx(process);
            for (int port : ports) {
                if (!Ports.awaitListening(process, port)) {
                    nginx.close();
                    throw new AssertionError("nginx did not start on port " + port + ":\n" + Files.readString(log)
                            + "\n--- site ---\n" + site);
                }
            }
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the master (SIGTERM: fast shutdown) and, should it hang, kills it and its workers. */
    @Override
    public void close() {
        List<ProcessHandle> workers = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.forEach(ProcessHandle::destroyForcibly);
    }

    /** The site with its two certificate lines pointing at these files (ACME paths do not exist here). */
    static String withCertificate(String site, SelfSigned pair) {
        return site
                .replaceAll("(?m)^(\\s*ssl_certificate) \\S+;", "$1 " + Matcher.quoteReplacement(pair.certificate().toString()) + ";")
                .replaceAll("(?m)^(\\s*ssl_certificate_key) \\S+;", "$1 " + Matcher.quoteReplacement(pair.key().toString()) + ";");
    }

    /**
     * The compose site as nginx would run it with compose's port publishing and network, here:
     * the upstream's service name {@code app} becomes loopback, and the container ports 80 and
     * 443 become {@code listen} and {@code tlsListen}. Only those lines change.
     */
    static String composeOnLoopback(String site, int listen, int tlsListen) {
        return site
                .replaceAll("(?m)^(\\s*server )app:([0-9]+)", "$1127.0.0.1:$2")
                .replaceAll("(?m)^(\\s*listen )80\\b", "$1" + listen)
                .replaceAll("(?m)^(\\s*listen )443\\b", "$1" + tlsListen);
    }
}
