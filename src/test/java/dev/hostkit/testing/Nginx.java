package dev.hostkit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real nginx binary on one site file, under a prefix of its own that holds every path
 * nginx writes: the site is included from a main config that stands for the one it lives in
 * (Debian's for the host kit, the official image's for the compose kit). {@link #assertAccepts}
 * runs {@code nginx -t}; {@link #start} runs nginx in the foreground until {@link #close}.
 */
public final class Nginx implements AutoCloseable {
    private static final Pattern UPSTREAM_APP = Pattern.compile("(?m)^(\\s*server\\s+)app(:\\d+)");
    private static final Pattern LISTEN = Pattern.compile("(?m)^(\\s*listen\\s+)(?:[0-9.*]+:)?([0-9]+)(?=[\\s;])");
    private static final Pattern PROBLEM = Pattern.compile("\\[(emerg|alert|crit|error|warn)]");

    /** The main config a site is included from. */
    public enum Main {
        /** host/nginx/*.conf: Debian's nginx.conf (old TLS versions allowed at http level), Debian's nginx 1.22. */
        DEBIAN("/nginx/main-debian.conf", Tool.NGINX::path),
        /** compose/nginx/default.conf: the nginx image's nginx.conf, and the nginx of the image's stand-in (1.26). */
        IMAGE("/nginx/main-image.conf", Tools::currentNginx);

        private final String resource;
        private final Supplier<String> binary;

        Main(String resource, Supplier<String> binary) {
            this.resource = resource;
            this.binary = binary;
        }
    }

    private final Daemon daemon;
    private final Path prefix;

    private Nginx(Daemon daemon, Path prefix) {
        this.daemon = daemon;
        this.prefix = prefix;
    }

    /** {@code nginx -t} on the site: its exit code and what it printed. */
    public static Commands.Result test(Path prefix, String site, Main main) {
        Path conf = prepare(prefix, site, main);
        return Commands.run(List.of(main.binary.get(), "-t", "-p", prefix + "/", "-c", conf.toString(), "-e", "stderr"), prefix);
    }

    /** {@code nginx -t} accepts the site without a single warning. */
    public static void assertAccepts(Path prefix, String site, Main main, String what) {
        Commands.Result result = test(prefix, site, main);
        if (!result.ok() || PROBLEM.matcher(result.output()).find() || !result.output().contains("test is successful")) {
            throw new AssertionError("nginx -t rejects or complains about " + what + ":\n" + result.describe() + "\n--- site ---\n" + site);
        }
    }

    /** Starts nginx on the site and waits until it accepts connections on every port. */
    public static Nginx start(Path prefix, String site, Main main, int... ports) {
        Path conf = prepare(prefix, site, main);
        Daemon daemon = Daemon.start(List.of(main.binary.get(), "-p", prefix + "/", "-c", conf.toString(), "-e", "stderr",
                "-g", "daemon off;"), prefix, Map.of(), true, prefix.resolve("nginx.out"));
        for (int port : ports) {
            daemon.awaitListening(port, Duration.ofSeconds(10));
        }
        return new Nginx(daemon, prefix);
    }

    /** What nginx logged so far: its output and its error log. */
    public String log() {
        String errors;
        try {
            errors = Files.exists(prefix.resolve("error.log")) ? Files.readString(prefix.resolve("error.log")) : "";
        } catch (IOException e) {
            errors = "(no error.log: " + e + ")";
        }
        return daemon.log() + errors;
    }

    /** Fast shutdown (SIGTERM to the master, which stops its workers). */
    @Override
    public void close() {
        daemon.close();
    }

    /** The site with its two certificate lines pointing at these files (ACME's and placeholder paths do not exist here). */
    public static String withCertificate(String site, SelfSigned pair) {
        return site
                .replaceAll("(?m)^(\\s*ssl_certificate) \\S+;", "$1 " + Matcher.quoteReplacement(pair.certificate().toString()) + ";")
                .replaceAll("(?m)^(\\s*ssl_certificate_key) \\S+;", "$1 " + Matcher.quoteReplacement(pair.key().toString()) + ";");
    }

    /**
     * The site as it can run on this machine, changed in two ways only: the compose service
     * name {@code app} resolves only on the compose network (and nginx resolves upstream servers
     * when it reads the file), so "server app:PORT" points at loopback (same port); and each
     * {@code listen} port becomes 127.0.0.1 on the port PORTS gives for it (every other listen
     * parameter kept), as compose's port publishing would map it.
     */
    public static String onLoopback(String site, Map<Integer, Integer> ports) {
        return onLoopback(site, port -> {
            Integer mapped = ports.get(port);
            if (mapped == null) {
                throw new IllegalArgumentException("no loopback port for listen " + port + " in " + ports);
            }
            return mapped;
        });
    }

    /** {@link #onLoopback(String, Map)} with a free port for each listen port: for nginx -t, which binds them, as any user. */
    public static String onLoopback(String site) {
        Map<Integer, Integer> ports = new HashMap<>();
        return onLoopback(site, port -> ports.computeIfAbsent(port, old -> Ports.free()));
    }

    private static String onLoopback(String site, IntUnaryOperator ports) {
        String upstream = UPSTREAM_APP.matcher(site).replaceAll("$1127.0.0.1$2");
        Matcher listen = LISTEN.matcher(upstream);
        StringBuilder out = new StringBuilder();
        while (listen.find()) {
            int port = ports.applyAsInt(Integer.parseInt(listen.group(2)));
            listen.appendReplacement(out, Matcher.quoteReplacement(listen.group(1) + "127.0.0.1:" + port));
        }
        return listen.appendTail(out).toString();
    }

    /** Writes {@code prefix/site.conf} and the main config {@code prefix/nginx.conf} that includes it. */
    private static Path prepare(Path prefix, String site, Main main) {
        Path mimeTypes = Tools.nginxMimeTypes();
        try (InputStream in = Nginx.class.getResourceAsStream(main.resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + main.resource);
            }
            Files.createDirectories(prefix.resolve("temp"));
            Path siteFile = Files.writeString(prefix.resolve("site.conf"), site);
            // as root, nginx would run its workers as nobody, who cannot read the test's private temp dirs
            String user = "root".equals(System.getProperty("user.name")) ? "user root;" : "";
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@USER@", user)
                    .replace("@PREFIX@", prefix.toString()).replace("@SITE@", siteFile.toString())
                    .replace("@MIME_TYPES@", mimeTypes.toString());
            return Files.writeString(prefix.resolve("nginx.conf"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
