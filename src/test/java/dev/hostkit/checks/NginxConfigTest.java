package dev.hostkit.checks;

import dev.hostkit.testing.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CHECKLISTS nginx 14: the real nginx binary accepts every generated compose site, without
 * warnings, inside a minimal main configuration of our own that works as root or not.
 */
class NginxConfigTest extends GeneratedKits {
    private static final Pattern UPSTREAM_APP = Pattern.compile("(?m)^(\\s*server\\s+)app(:\\d+)");
    private static final Pattern LISTEN = Pattern.compile("(?m)^(\\s*listen\\s+)(?:[0-9.*]+:)?([0-9]+)(?=[\\s;])");
    private static final Pattern PROBLEM = Pattern.compile("\\[(emerg|alert|crit|error|warn)]");


    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.hostkit.checks.KitVariant#all")
    void nginxAcceptsTheSite(KitVariant variant, @TempDir Path prefix) {
        Kit kit = kit(variant);
        Commands.Result result = nginxTest(prefix, resolvable(kit.read(Kit.NGINX_SITE)));
        assertEquals(0, result.exitCode(), () -> "nginx -t rejects " + Kit.NGINX_SITE + " of " + variant + ":\n" + result.describe());
        assertFalse(PROBLEM.matcher(result.output()).find(),
                () -> "nginx -t accepts " + Kit.NGINX_SITE + " of " + variant + " but complains:\n" + result.describe());
        assertTrue(result.output().contains("test is successful"), result::describe);
    }

    /** The check can fail: a site with one ';' missing is rejected by nginx and by our parser. */
    @Test
    void nginxRejectsABrokenSite(@TempDir Path prefix) {
        Kit kit = kit(KitVariant.named("server-name"));
        String site = kit.read(Kit.NGINX_SITE);
        String broken = site.replaceFirst("keepalive (\\d+);", "keepalive $1");
        assertNotEquals(site, broken, "the mutation must apply");

        Commands.Result result = nginxTest(prefix, resolvable(broken));
        assertNotEquals(0, result.exitCode(), () -> "nginx -t accepted a site with a missing ';':\n" + result.describe());
        assertTrue(result.output().contains("[emerg]"), result::describe);
        assertThrows(IllegalArgumentException.class, () -> NginxConf.parse(broken));
    }

    /** The check can fail: an unknown directive is rejected although the syntax is fine. */
    @Test
    void nginxRejectsAnUnknownDirective(@TempDir Path prefix) {
        Kit kit = kit(KitVariant.named("defaults"));
        String site = resolvable(kit.read(Kit.NGINX_SITE)).replace("server_tokens off;", "server_tokens off; proxy_hide_headers X;");

        Commands.Result result = nginxTest(prefix, site);
        assertNotEquals(0, result.exitCode(), result::describe);
        assertTrue(result.output().contains("unknown directive \"proxy_hide_headers\""), result::describe);
    }

    /**
     * A copy of the site that nginx -t can load on this machine, changed in two ways only:
     * <ul>
     *   <li>the compose service name "app" resolves only on the compose network, and nginx
     *       resolves upstream servers when it reads the file, so the one "server app:PORT" line
     *       points at the loopback address instead (same port);</li>
     *   <li>nginx -t also binds every listen address: port 80 needs root and may be taken by
     *       a real service here, so each listen port becomes a free loopback port (one new
     *       port per old one, every other listen parameter kept).</li>
     * </ul>
     */
    static String resolvable(String site) {
        Matcher upstream = UPSTREAM_APP.matcher(site);
        assertTrue(upstream.find(), () -> "no 'server app:PORT' line in the site:\n" + site);
        String rewritten = site.substring(0, upstream.start()) + upstream.group(1) + "127.0.0.1" + upstream.group(2)
                + site.substring(upstream.end());
        assertFalse(UPSTREAM_APP.matcher(rewritten).find(), "expected exactly one 'server app:PORT' line");

        Map<String, Integer> ports = new HashMap<>();
        Matcher listen = LISTEN.matcher(rewritten);
        StringBuilder out = new StringBuilder();
        while (listen.find()) {
            int port = ports.computeIfAbsent(listen.group(2), old -> freeLoopbackPort());
            listen.appendReplacement(out, Matcher.quoteReplacement(listen.group(1) + "127.0.0.1:" + port));
        }
        listen.appendTail(out);
        assertFalse(ports.isEmpty(), () -> "no listen directive in the site:\n" + site);
        return out.toString();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code nginx -t} on the site inside a minimal main configuration. Every path nginx
     * writes (pid, logs, temp folders) is under the prefix, so it needs no root.
     */
    static Commands.Result nginxTest(Path prefix, String site) {
        Path nginx = Tools.nginx();
        Path mimeTypes = Tools.nginxMimeTypes();
        String p = prefix.toAbsolutePath().toString();
        String main = String.join("\n",
                "pid " + p + "/nginx.pid;",
                "error_log " + p + "/logs/error.log;",
                "events {}",
                "http {",
                "    access_log " + p + "/logs/access.log;",
                "    client_body_temp_path " + p + "/temp/client_body;",
                "    proxy_temp_path " + p + "/temp/proxy;",
                "    fastcgi_temp_path " + p + "/temp/fastcgi;",
                "    uwsgi_temp_path " + p + "/temp/uwsgi;",
                "    scgi_temp_path " + p + "/temp/scgi;",
                "    include " + mimeTypes + ";",
                "    include site.conf;",
                "}",
                "");
        try {
            Files.createDirectories(prefix.resolve("logs"));
            Files.createDirectories(prefix.resolve("temp"));
            Files.writeString(prefix.resolve("nginx.conf"), main);
            Files.writeString(prefix.resolve("site.conf"), site);
        } catch (IOException e) {
            throw new AssertionError("Cannot write the nginx test configuration into " + prefix, e);
        }
        return Commands.run(List.of(nginx.toString(), "-t", "-p", p + "/", "-c", p + "/nginx.conf", "-e", "stderr"),
                prefix, Map.of(), Duration.ofSeconds(30));
    }
}
