package dev.hostkit.runtime.python;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code manage.py check --deploy} with the host kit's environment (the unit's
 * Environment= and env file) and the settings the host kit's README documents. The findings
 * the kit answers for are gone: W020 (ALLOWED_HOSTS, from hosting.serverName) and the proxy's
 * scheme (SECURE_PROXY_SSL_HEADER, which has no check of its own: it is read back from the
 * settings, and {@link DjangoEndToEndTest} shows it at work). What remains is the app's own
 * business, listed exactly so that a new finding shows up: W004 HSTS (nginx sends it with
 * hosting.tls), W008 SECURE_SSL_REDIRECT (nginx redirects with hosting.tls), W012/W016 secure
 * cookies, and W009 while no real DJANGO_SECRET_KEY is in secrets.env.
 */
class DjangoDeployCheckTest {
    private static final Pattern FINDING = Pattern.compile("\\((security\\.[WE]\\d+)\\)");
    private static final Set<String> APP_OWN = Set.of("security.W004", "security.W008", "security.W012", "security.W016");
    /** What an operator puts in /etc/shop/secrets.env: 60 random characters (Django wants 50 or more). */
    private static final String SECRET = "k7Qx2Lm9Vb4Nz8Rt1Yw6Hc3Jd5Fg0Ps7Ue2Ia9Oq4Wr8Ty1XnB3vM6cZ0aS";

    @TempDir
    Path tempDir;

    @Test
    void theFixtureWithTheKitsEnvironmentHasOnlyTheAppsOwnFindings() {
        SampleKit kit = hostKit("project");
        Map<String, String> environment = new HashMap<>(HostKit.of(kit).environment(null));
        Path app = kit.path("host/app");
        assertEquals(union(APP_OWN, Set.of("security.W009")), findings(app, environment), "without secrets.env");
        environment.put("DJANGO_SECRET_KEY", SECRET);
        assertEquals(APP_OWN, findings(app, environment), "with a real secret key");

        Commands.Result settings = manage(app, environment, "diffsettings", "--all");
        assertTrue(settings.stdout().contains("ALLOWED_HOSTS = ['hello.example.com', 'localhost', '127.0.0.1']"), settings::describe);
        assertTrue(settings.stdout().contains("SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')"), settings::describe);
        assertTrue(settings.stdout().contains("STATIC_ROOT = '" + tempDir.resolve("static") + "'"), settings::describe);
    }

    /**
     * A fresh {@code startproject} fails the kit's part (W020: ALLOWED_HOSTS empty), so the check
     * can fail; with the README's documented lines added (and {@code import os}, which they
     * need and stock 3.2 settings lack) and the kit's environment, W020 is gone and the
     * proxy header is set. DEBUG=True (W018) is the stock file's own.
     */
    @Test
    void aStockProjectNeedsTheDocumentedSettings() throws IOException {
        Path stock = startProject();
        SampleKit kit = hostKit("project");
        Map<String, String> environment = new HashMap<>(HostKit.of(kit).environment(null));
        environment.put("DJANGO_SECRET_KEY", SECRET);
        Set<String> before = findings(stock, environment);
        assertTrue(before.contains("security.W020"), "stock startproject: " + before);

        String documented = documentedSettings(kit.read("host/README.md"));
        Files.writeString(stock.resolve("stock/settings.py"), "\nimport os\n" + documented, StandardOpenOption.APPEND);
        Set<String> after = findings(stock, environment);
        assertEquals(union(APP_OWN, Set.of("security.W018")), after, "stock + documented settings");
        Commands.Result settings = manage(stock, environment, "diffsettings");
        assertTrue(settings.stdout().contains("SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')"), settings::describe);
        assertTrue(settings.stdout().contains("ALLOWED_HOSTS = ['hello.example.com', 'localhost', '127.0.0.1']"), settings::describe);
    }

    /**
     * The kits run collectstatic where no secret exists yet: the image build (the Dockerfile's
     * ENV only) and install.sh (its command line only). With the README's documented settings,
     * {@code SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]}, it must still work.
     */
    @Test
    void collectstaticRunsWithTheDocumentedSettingsAndNoSecret() throws IOException {
        Path stock = startProject();
        SampleKit kit = KitVariant.python("defaults", settings -> {}).render(tempDir.resolve("project"));
        Files.writeString(stock.resolve("stock/settings.py"), "\nimport os\n" + documentedSettings(kit.read("host/README.md")),
                StandardOpenOption.APPEND);
        Map<String, String> image = new HashMap<>(DjangoEndToEndTest.dockerfileEnvironment(kit.read("docker/Dockerfile")));
        Matcher run = Pattern.compile("(?m)^RUN ((?:\\S+=\\S+ )*)python manage.py collectstatic --noinput$")
                .matcher(kit.read("docker/Dockerfile"));
        assertTrue(run.find(), "the Dockerfile's collectstatic line changed:\n" + kit.read("docker/Dockerfile"));
        image.putAll(assignments(run.group(1), Map.of()));
        image.put("DJANGO_STATIC_ROOT", tempDir.resolve("image-static").toString());
        Commands.Result build = manage(stock, image, "collectstatic", "--noinput");
        Matcher installed = Pattern.compile("run env ((?:\\S+=\\S+ )+)\\\\\n\\s+\"\\$ROOT\\$release/venv/bin/python\" "
                + "\"\\$ROOT\\$release/manage.py\" collectstatic --noinput").matcher(kit.read("host/install.sh"));
        assertTrue(installed.find(), "install.sh's collectstatic line changed:\n" + kit.read("host/install.sh"));
        Map<String, String> host = assignments(installed.group(1),
                Map.of("\"$ROOT$STATIC_DIR\"", tempDir.resolve("host-static").toString()));
        Commands.Result install = manage(stock, host, "collectstatic", "--noinput");
        assertAll(
                () -> assertEquals(0, build.exitCode(), () -> "the Dockerfile's collectstatic:\n" + build.describe()),
                () -> assertEquals(0, install.exitCode(), () -> "install.sh's collectstatic:\n" + install.describe()));
    }

    /** NAME=VALUE words as a map, each VALUE in REPLACED replaced by its value there. */
    private static Map<String, String> assignments(String words, Map<String, String> replaced) {
        Map<String, String> assigned = new HashMap<>();
        for (String word : words.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                String value = word.substring(word.indexOf('=') + 1);
                assigned.put(word.substring(0, word.indexOf('=')), replaced.getOrDefault(value, value));
            }
        }
        return assigned;
    }

    /** The host kit for hello.example.com, static files in TEMP/static. */
    private SampleKit hostKit(String dir) {
        return KitVariant.python("host", settings -> settings.setList("targets", List.of("host")).set("serverName", "hello.example.com")
                .set("staticDirectory", tempDir.resolve("static").toString())).render(tempDir.resolve(dir));
    }

    /** A fresh Django 3.2 {@code startproject stock}. */
    private Path startProject() {
        Commands.Result start = Commands.run(tempDir, Tool.PYTHON3.path(), "-m", "django", "startproject", "stock");
        assertEquals(0, start.exitCode(), start::describe);
        return tempDir.resolve("stock");
    }

    /** The python block of the README's "settings.py needs" paragraph. */
    private static String documentedSettings(String readme) {
        Matcher block = Pattern.compile("`settings.py` needs:\\s*```python\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README documents no settings:\n" + readme);
        return block.group(1);
    }

    private static Set<String> findings(Path app, Map<String, String> environment) {
        Commands.Result check = manage(app, environment, "check", "--deploy");
        assertEquals(0, check.exitCode(), check::describe);
        Set<String> found = new TreeSet<>();
        Matcher finding = FINDING.matcher(check.stdout() + check.stderr());
        while (finding.find()) {
            found.add(finding.group(1));
        }
        return found;
    }

    private static Commands.Result manage(Path app, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Tool.PYTHON3.path(), "manage.py"));
        command.addAll(List.of(arguments));
        return Commands.run(command, app, environment);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }
}
