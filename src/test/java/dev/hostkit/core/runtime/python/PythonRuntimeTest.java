package dev.hostkit.core.runtime.python;

import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.runtime.Placement;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.write.KitArchive;
import dev.hostkit.testing.KitGeneration;
import dev.hostkit.testing.KitResolution;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Python WSGI app: its settings, what is guessed from a Django project, and what it ships. */
class PythonRuntimeTest {
    private static final String WORKERS_ALLOWED = "Allowed: a whole number of gunicorn workers from 1 to 256 (unset: 2 x cores + 1 at run time).";

    @TempDir
    Path dir;

    @BeforeEach
    void djangoProject() throws IOException {
        write("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
        write("mysite/__init__.py", "");
        write("mysite/wsgi.py", "application = None\n");
        write("requirements.txt", "Django>=3.2\ngunicorn==21.2.0\n");
    }

    private void write(String path, String content) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), content);
    }

    private ProjectFacts project() {
        return new ProjectFacts("shop", "1.0.0", dir, null, List.of(), null, "pom", false);
    }

    private PythonApp resolve(HostingSettings settings) {
        return (PythonApp) KitResolution.resolve(settings, project()).context().runtime();
    }

    private InvalidSettingException rejected(HostingSettings settings) {
        return assertThrows(InvalidSettingException.class, () -> resolve(settings));
    }

    @Test
    void aDjangoProjectNeedsNoConfiguration() {
        PythonApp app = resolve(new HostingSettings());
        assertEquals("mysite.wsgi:application", app.wsgiModule(), "from DJANGO_SETTINGS_MODULE in manage.py");
        assertTrue(app.django());
        assertEquals("python:3.11-slim", app.defaultBaseImage());
        Map<String, Object> vars = app.variables();
        assertEquals("multiprocessing.cpu_count() * 2 + 1", vars.get("workersExpression"));
        assertEquals(Map.of("bind", "0.0.0.0:8000", "container", true), vars.get("container"), "the python port is 8000");
        assertEquals(Map.of("bind", "unix:/run/shop/gunicorn.sock", "container", false), vars.get("machine"));
        assertEquals("localhost,127.0.0.1", vars.get("allowedHosts"));
        assertEquals("unix:/run/shop/gunicorn.sock", app.machineEndpoint(8000));
        assertEquals(Optional.of("/app/staticfiles"), app.imageStaticFiles());
        Map<String, Object> kit = KitResolution.variables(new HostingSettings(), project());
        assertEquals(Map.of("name", "python", "privatePaths", List.of()), kit.get("runtime"), "a Python app has no private paths");
        assertTrue(kit.containsKey("python"));
        assertFalse(kit.containsKey("java"), "a Python kit carries no java.* variables");
    }

    @Test
    void explicitSettingsWin() throws IOException {
        write("web/__init__.py", "");
        write("web/app.py", "application = None\n");
        PythonApp app = resolve(new HostingSettings().set("wsgiModule", "web.app:application").set("workers", "4")
                .set("pythonVersion", "3.12").set("port", "9000").set("serverName", "shop.example.com"));
        assertEquals("web.app:application", app.wsgiModule());
        assertEquals("python:3.12-slim", app.defaultBaseImage());
        assertEquals("4", app.variables().get("workersExpression"));
        assertEquals("4 (hosting.workers)", app.variables().get("workersComment"));
        assertEquals("shop.example.com,localhost,127.0.0.1", app.variables().get("allowedHosts"));
        assertEquals(List.of("python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9000/', timeout=2)"),
                app.containerProbe());
    }

    @Test
    void withoutManagePyTheOnePackageWithAWsgiModuleIsTaken() throws IOException {
        Files.delete(dir.resolve("manage.py"));
        PythonApp app = resolve(new HostingSettings().set("runtime", "python"));
        assertEquals("mysite.wsgi:application", app.wsgiModule());
        assertFalse(app.django(), "no manage.py: not Django, nothing to collect");
        String dockerfile = KitGeneration.renderText(new HostingSettings().set("runtime", "python"), project(), dir.resolve("none"))
                .get("docker/Dockerfile");
        assertFalse(dockerfile.contains("collectstatic"), dockerfile);
    }

    @Test
    void anUnguessableWsgiModuleAsksForIt() throws IOException {
        Files.delete(dir.resolve("manage.py"));
        write("other/wsgi.py", "application = None\n");
        InvalidSettingException e = rejected(new HostingSettings().set("runtime", "python"));
        assertEquals("Invalid value for hosting.wsgiModule: (none). Allowed: module:callable, such as mysite.wsgi:application. "
                + "It could not be guessed: " + dir + " has no manage.py naming DJANGO_SETTINGS_MODULE and not exactly one "
                + "<package>/wsgi.py; set hosting.wsgiModule.", e.getMessage());
    }

    @Test
    void requirementsMustListGunicorn() throws IOException {
        write("requirements.txt", "Django>=3.2\ngunicorn-extras==1.0\n");
        InvalidSettingException e = rejected(new HostingSettings());
        assertEquals("Invalid value for hosting.appDirectory: '" + dir + "'. Allowed: a Python app folder whose "
                + "requirements.txt lists gunicorn (the docker and host kits run it), such as a line 'gunicorn==21.2.0'.",
                e.getMessage());
        write("requirements.txt", "gunicorn[gevent]>=21\n");
        assertEquals("mysite.wsgi:application", resolve(new HostingSettings()).wsgiModule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "257", "two"})
    void workersAreAWholeNumberFrom1To256(String workers) {
        assertEquals("Invalid value for hosting.workers: '" + workers + "'. " + WORKERS_ALLOWED,
                rejected(new HostingSettings().set("workers", workers)).getMessage());
    }

    @Test
    void oneGunicornMasterPerMachine() {
        assertEquals("Invalid value for hosting.instances: '3'. Allowed: 1 for a Python app: one gunicorn master scales "
                + "with hosting.workers instead.", assertThrows(InvalidSettingException.class,
                () -> KitResolution.variables(new HostingSettings().set("instances", "3"), project())).getMessage());
    }

    @Test
    void theSourcesShipWithoutWhatMustNotShip() throws IOException {
        write(".env", "SECRET=1\n");
        write(".env.production", "SECRET=1\n");
        write("prod.env", "SECRET=1\n");
        write("db.sqlite3", "SQLite format 3");
        write("data/app.db", "x");
        write("certs/server.key", "x");
        write("certs/server.pem", "x");
        write(".git/config", "x");
        write("mysite/__pycache__/wsgi.cpython-311.pyc", "x");
        write("pom.xml", "<project/>");
        write("target/hosting/docker/Dockerfile", "x");
        PythonApp app = resolve(new HostingSettings());
        List<String> sources = List.of("manage.py", "mysite/__init__.py", "mysite/wsgi.py", "requirements.txt");
        assertEquals(sources.stream().map(path -> "docker/app/" + path).toList(),
                app.files(Placement.IMAGE, "docker/").stream().map(KitFile::path).sorted().toList(), "beside the Dockerfile: in app/");
        assertEquals(sources.stream().map(path -> "host/app/" + path).toList(),
                app.files(Placement.MACHINE, "host/app/").stream().map(KitFile::path).sorted().toList());
    }

    /** The project's .gitignore files decide, with git's rules; the deny list wins over a negation and over sourceIncludes. */
    @Test
    void theGitignoreFilesDecideAndTheDenyListWins() throws IOException {
        write(".gitignore", "*.log\nbuild/\n!keep.log\n!db.sqlite3\n");
        write("mysite/.gitignore", "local_settings.py\n");
        write("mysite/local_settings.py", "SECRET_KEY = 'x'\n");
        write("app.log", "x");
        write("keep.log", "x");
        write("build/out.txt", "x");
        write("db.sqlite3", "SQLite format 3");
        write("db.sqlite3-journal", "x");
        write(".github/workflows/ci.yml", "x");
        write("Procfile", "web: gunicorn mysite.wsgi");
        write("media/upload.png", "x");
        write("docs/index.md", "x");
        write("generated/schema.json", "{}");
        write(".gitignore2", "");
        Files.writeString(dir.resolve(".gitignore"), "generated/\n", java.nio.file.StandardOpenOption.APPEND);
        PythonApp app = resolve(new HostingSettings().setList("sourceIncludes", List.of("generated/schema.json", "*.sqlite3"))
                .setList("sourceExcludes", List.of("docs/")));
        assertEquals(List.of(".gitignore", ".gitignore2", "generated/schema.json", "keep.log", "manage.py", "mysite/.gitignore",
                        "mysite/__init__.py", "mysite/wsgi.py", "requirements.txt"),
                app.files(Placement.MACHINE, "").stream().map(KitFile::path).sorted().toList());
    }

    /** Every target's kit and its zip: a developer's database, env file and git folder are in none. */
    @Test
    void nothingPrivateReachesAnyKitNorTheZip() throws IOException {
        write(".gitignore", "*.sqlite3\n.env\n");
        write("db.sqlite3", "SQLite format 3 pbkdf2_sha256$admin");
        write(".env", "DJANGO_SECRET_KEY=x\n");
        write(".git/config", "x");
        write(".github/workflows/ci.yml", "x");
        Path out = dir.resolve("target/hosting");
        KitGeneration.write(new HostingSettings(), project(), dir.resolve("src/main/hosting"), out, true);
        List<String> kit;
        try (Stream<Path> walk = Files.walk(out)) {
            kit = walk.filter(Files::isRegularFile).map(file -> out.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
        assertTrue(kit.contains("docker/app/manage.py") && kit.contains("host/app/manage.py"), kit.toString());
        Path zip = dir.resolve("kit.zip");
        KitArchive.write(out, kit, zip);
        List<String> zipped = new ArrayList<>();
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            file.getEntries().asIterator().forEachRemaining(entry -> zipped.add(entry.getName()));
        }
        assertEquals(kit, zipped.stream().filter(name -> !name.endsWith("/")).sorted().toList());
        for (String path : kit) {
            assertFalse(path.matches("(.*/)?(db\\.sqlite3|\\.env|\\.git/.*|\\.github/.*)"), path);
        }
        String dockerignore = Files.readString(out.resolve("docker/.dockerignore"));
        assertTrue(dockerignore.indexOf("app/**/*.sqlite3") > dockerignore.indexOf("!app/"), dockerignore);
    }

    @Test
    void aSourcePatternIsNotANegation() {
        InvalidSettingException e = rejected(new HostingSettings().setList("sourceIncludes", List.of("!db.sqlite3")));
        assertEquals("Invalid value for hosting.sourceIncludes: '!db.sqlite3'. Allowed: patterns in .gitignore syntax such "
                + "as 'docs/' or '*.csv', one a line, without '#' or '!' at the start.", e.getMessage());
    }

    /** The kit sets these for a Django app; an {@code <env>} entry would override them, so it is refused. */
    @ParameterizedTest
    @ValueSource(strings = {"PORT", "DJANGO_ALLOWED_HOSTS", "DJANGO_STATIC_ROOT"})
    void theVariablesTheKitSetsAreNotEnvEntries(String name) {
        InvalidSettingException e = rejected(new HostingSettings().setMap("env", Map.of(name, "x")));
        assertEquals("hosting.env", e.parameter());
        assertTrue(e.getMessage().startsWith("Invalid value for hosting.env: '" + name + "'. Allowed: names of variables the "
                + "kit does not set itself (DJANGO_ALLOWED_HOSTS, DJANGO_STATIC_ROOT, PORT). hostkit sets " + name + " from "),
                e.getMessage());
        assertEquals(Map.of("DJANGO_SETTINGS_MODULE", "mysite.settings"), resolve(new HostingSettings()
                .setMap("env", Map.of("DJANGO_SETTINGS_MODULE", "mysite.settings"))).shared().env().variables());
    }
}
