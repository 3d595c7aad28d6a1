package dev.hostkit.runtime.python;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.Daemon;
import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.Http;
import dev.hostkit.testing.HttpResponse;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Nginx;
import dev.hostkit.testing.Poll;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The python runtime's kits end to end, on loopback: the Django example's static files collected into the
 * configured folder, Debian's gunicorn started with the kit's gunicorn.conf.py, the real nginx
 * with the kit's site in front. A Django view answers through nginx; Django admin's CSS comes
 * from nginx, and gunicorn's access log (its stdout) shows the views but never the CSS.
 * <p>
 * What the test changes, and only in copies: the host kit binds gunicorn to
 * unix:/run/shop/gunicorn.sock (the unit's RuntimeDirectory), so gunicorn gets {@code --bind
 * unix:TEMP/gunicorn.sock} on its command line (gunicorn prefers it to the file's) and the
 * site's upstream names that socket. The compose site's {@code listen 80} and {@code app:PORT} are put
 * on loopback ({@link Nginx#onLoopback}) and its {@code /srv/static/} becomes the collected folder;
 * its gunicorn.conf.py is used as rendered, with hosting.port set to a free port.
 */
class DjangoEndToEndTest {
    private static final String CSS = "/static/admin/css/base.css";
    private static final String SERVER = "hello.example.com";

    @TempDir
    Path tempDir;

    /** nginx's workers run as nobody: they must reach the static folder and the socket. */
    @BeforeEach
    void readableByNginx() throws IOException {
        Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void hostKitServesViewsThroughNginxAndStaticFilesFromDisk() throws Exception {
        int listen = Ports.free();
        Path staticDir = tempDir.resolve("static");
        SampleKit kit = KitVariant.python("host", settings -> settings
                .setList("targets", List.of("host")).set("serverName", SERVER).set("listenPort", String.valueOf(listen))
                .set("staticDirectory", staticDir.toString()).set("healthPath", "/health").set("workers", "2"))
                .render(tempDir.resolve("project"));
        Map<String, String> environment = HostKit.of(kit).environment(null);
        assertEquals(staticDir.toString(), environment.get("DJANGO_STATIC_ROOT"));
        Path app = kit.path("host/app");
        collectStatic(app, environment, staticDir);

        Path socket = tempDir.resolve("gunicorn.sock");
        String site = replaceOnce(kit.read("host/nginx/shop.conf"), "unix:/run/shop/gunicorn.sock", "unix:" + socket);
        try (Daemon gunicorn = Gunicorn.start(app, kit.path("host/gunicorn.conf.py"), environment, "unix:" + socket,
                () -> Http.get(socket, "localhost", "/health"));
             Nginx nginx = Nginx.start(Files.createDirectories(tempDir.resolve("nginx")), site, Nginx.Main.DEBIAN, listen)) {
            assertServes(gunicorn, path -> Http.get(listen, SERVER, path), staticDir);
            // the kit's server name reaches Django as an allowed host; other names do not get through
            assertEquals(200, Http.get(socket, SERVER, "/").status());
            assertEquals(400, Http.get(socket, "evil.example.com", "/").status(), "DisallowedHost");
            assertTrue(Http.get(listen, "evil.example.com", "/").noAnswer(), "nginx's catch-all answers 444");
            // nginx replaces a client's X-Forwarded-Proto; the app trusts the one nginx sends
            assertEquals("http\n", Http.get(listen, SERVER, "/scheme", "X-Forwarded-Proto: https").text());
            assertEquals("https\n", Http.get(socket, SERVER, "/scheme", "X-Forwarded-Proto: https").text());
        }
    }

    @Test
    void composeSiteServesViewsThroughNginxAndStaticFilesFromTheVolume() throws Exception {
        int port = Ports.free();
        int listen = Ports.free();
        SampleKit kit = KitVariant.python("compose", settings -> settings
                .setList("targets", List.of("compose")).set("port", String.valueOf(port)).set("healthPath", "/health"))
                .render(tempDir.resolve("project"));
        // the image's ENV, as the Dockerfile declares it, but the static folder outside /app
        Path staticDir = tempDir.resolve("volume");
        Map<String, String> environment = new HashMap<>(dockerfileEnvironment(kit.read("docker/Dockerfile")));
        assertEquals("/app/staticfiles", environment.put("DJANGO_STATIC_ROOT", staticDir.toString()));
        Path app = kit.path("docker/app");
        collectStatic(app, environment, staticDir);

        String site = replaceOnce(Nginx.onLoopback(kit.read("compose/nginx/default.conf"), Map.of(80, listen)),
                "alias /srv/static/;", "alias " + staticDir + "/;");
        try (Daemon gunicorn = Gunicorn.start(app, kit.path("docker/gunicorn.conf.py"), environment, null,
                () -> Http.get(port, "localhost", "/health"));
             Nginx nginx = Nginx.start(Files.createDirectories(tempDir.resolve("nginx")), site, Nginx.Main.IMAGE, listen)) {
            assertServes(gunicorn, path -> Http.get(listen, "localhost", path), staticDir);
        }
    }

    /** A view and the health path through nginx reach gunicorn; the CSS comes from disk and never does. */
    private static void assertServes(Daemon gunicorn, Function<String, HttpResponse> throughNginx, Path staticDir) throws IOException {
        HttpResponse home = throughNginx.apply("/");
        HttpResponse health = throughNginx.apply("/health");
        HttpResponse css = throughNginx.apply(CSS);
        HttpResponse missing = throughNginx.apply("/static/admin/css/no-such.css");
        byte[] collected = Files.readAllBytes(staticDir.resolve("admin/css/base.css"));
        String log = awaitLogged(gunicorn, "GET /health ");
        assertAll(
                () -> assertEquals(200, home.status()),
                () -> assertEquals("Hello from Django behind gunicorn and nginx\n", home.text()),
                () -> assertEquals("ok\n", health.text()),
                () -> assertEquals(200, css.status()),
                () -> assertArrayEquals(collected, css.body(), "the CSS is the collected file"),
                () -> assertEquals("text/css", css.header("Content-Type")),
                () -> assertEquals("max-age=2592000", css.header("Cache-Control"), "nginx's expires 30d"),
                () -> assertEquals(404, missing.status()),
                () -> assertTrue(log.contains("\"GET / HTTP/1.1\" 200"), "gunicorn logs the view:\n" + log),
                () -> assertFalse(log.contains("/static/"), "a static file reached gunicorn:\n" + log));
    }

    /** The access log line is written after the response: wait (up to 5 s) for it before reading the log. */
    private static String awaitLogged(Daemon gunicorn, String line) {
        return Poll.until("gunicorn to log " + line, Duration.ofSeconds(5), Duration.ofMillis(50), left -> {
            String log = gunicorn.log();
            if (!log.contains(line)) {
                throw new Poll.NotYet("its log so far:\n" + log);
            }
            return log;
        });
    }

    /** manage.py collectstatic as install.sh and the Dockerfile run it; the admin's CSS must land in STATIC_DIR. */
    static void collectStatic(Path app, Map<String, String> environment, Path staticDir) {
        Commands.Result collect = Commands.run(List.of(Tool.PYTHON3.path(), "manage.py", "collectstatic", "--noinput"), app, environment);
        assertEquals(0, collect.exitCode(), collect::describe);
        assertTrue(Files.isRegularFile(staticDir.resolve("admin/css/base.css")), collect::describe);
    }

    /** NAME=VALUE words of the Dockerfile's ENV instructions (values without spaces or quotes, as the kit writes them). */
    static Map<String, String> dockerfileEnvironment(String dockerfile) {
        Map<String, String> environment = new HashMap<>();
        Matcher env = Pattern.compile("(?m)^ENV ((?:[^\\n]*\\\\\\n)*[^\\n]*)").matcher(dockerfile);
        while (env.find()) {
            for (String word : env.group(1).replace("\\\n", " ").trim().split("\\s+")) {
                environment.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
            }
        }
        return environment;
    }

    static String replaceOnce(String text, String from, String to) {
        assertEquals(1, text.split(Pattern.quote(from), -1).length - 1, () -> "expected '" + from + "' once in:\n" + text);
        return text.replace(from, to);
    }
}
