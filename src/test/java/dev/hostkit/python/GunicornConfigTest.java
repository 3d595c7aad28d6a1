package dev.hostkit.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hostkit.core.settings.HostingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4: the generated gunicorn.conf.py of both kits (docker: TCP port; host: unix socket)
 * passes Debian's {@code gunicorn --check-config}, which imports the Django app it names; every
 * name it defines is in gunicorn's own settings registry ({@code gunicorn.config.KNOWN_SETTINGS},
 * since gunicorn silently ignores unknown names); and gunicorn resolves the values the kit meant.
 */
class GunicornConfigTest {
    /** Prints {"settings": [names gunicorn knows], "defined": [public names the file defines, modules left out]}. */
    private static final String NAMES = """
            import json, sys, types
            import gunicorn.config
            namespace = {}
            exec(compile(open(sys.argv[1]).read(), sys.argv[1], "exec"), namespace)
            defined = sorted(name for name, value in namespace.items()
                             if not name.startswith("_") and not isinstance(value, types.ModuleType))
            print(json.dumps({"settings": sorted(s.name for s in gunicorn.config.KNOWN_SETTINGS), "defined": defined}))
            """;

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "{0} kit, workers={1}")
    @CsvSource({"docker, ''", "docker, 3", "host, ''", "host, 3"})
    void checkConfigPassesAndEveryKeyIsAGunicornSetting(String kit, String workers) throws IOException {
        DjangoProject project = DjangoProject.copy(tempDir.resolve("project"))
                .generate(new HostingSettings().set("workers", workers).set("serverName", "hello.example.com"));
        Path config = project.kit(kit + "/gunicorn.conf.py");
        Path app = project.kit(kit + "/app");
        Exec check = Exec.run(app, Python.gunicorn(), "--check-config", "--config", config.toString());
        assertEquals(0, check.status(), check.output());

        JsonNode names = names(config);
        List<String> unknown = new ArrayList<>();
        names.get("defined").forEach(name -> unknown.add(name.asText()));
        names.get("settings").forEach(setting -> unknown.remove(setting.asText()));
        assertEquals(List.of(), unknown, "names gunicorn would silently ignore in " + config + ":\n" + Files.readString(config));
        assertTrue(names.get("defined").size() >= 10, "the file defines too few settings to be the kit's: " + names);

        Exec printed = Exec.run(app, Python.gunicorn(), "--print-config", "--config", config.toString());
        assertEquals(0, printed.status(), printed.output());
        String bind = kit.equals("docker") ? "['0.0.0.0:8000']" : "['unix:/run/shop/gunicorn.sock']";
        assertTrue(printed.stdout().contains("wsgi_app                          = mysite.wsgi:application"), printed.stdout());
        assertTrue(printed.stdout().contains("bind                              = " + bind), printed.stdout());
        int cores = Runtime.getRuntime().availableProcessors();
        String expectedWorkers = workers.isEmpty() ? String.valueOf(cores * 2 + 1) : workers;
        assertTrue(printed.stdout().contains("workers                           = " + expectedWorkers + "\n"), printed.stdout());
        assertTrue(printed.stdout().contains("worker_tmp_dir                    = " + (kit.equals("docker") ? "/dev/shm" : "None")),
                printed.stdout());
    }

    /** WEB_CONCURRENCY wins over the rendered worker count, as the file's comment says. */
    @Test
    void webConcurrencyOverridesTheWorkerCount() {
        DjangoProject project = DjangoProject.copy(tempDir.resolve("project")).generate(new HostingSettings().set("workers", "3"));
        Exec printed = Exec.run(project.kit("host/app"), Map.of("WEB_CONCURRENCY", "7"),
                List.of(Python.gunicorn(), "--print-config", "--config", project.kit("host/gunicorn.conf.py").toString()));
        assertTrue(printed.stdout().contains("workers                           = 7\n"), printed.output());
    }

    /** Both checks can fail: a misspelt setting is reported, and --check-config rejects a WSGI app it cannot import. */
    @Test
    void theChecksCatchAMisspeltKeyAndAMissingApp() throws IOException {
        DjangoProject project = DjangoProject.copy(tempDir.resolve("project")).generate(new HostingSettings());
        Path config = project.kit("host/gunicorn.conf.py");
        Path misspelt = Files.writeString(tempDir.resolve("misspelt.conf.py"),
                Files.readString(config).replace("max_requests_jitter =", "max_request_jitter ="));
        JsonNode names = names(misspelt);
        TreeSet<String> defined = new TreeSet<>();
        names.get("defined").forEach(name -> defined.add(name.asText()));
        names.get("settings").forEach(setting -> defined.remove(setting.asText()));
        assertEquals(new TreeSet<>(List.of("max_request_jitter")), defined);
        // gunicorn itself does not notice: this is why the registry check exists
        assertEquals(0, Exec.run(project.kit("host/app"), Python.gunicorn(), "--check-config", "--config", misspelt.toString()).status());

        Path missingApp = Files.writeString(tempDir.resolve("missing.conf.py"),
                Files.readString(config).replace("mysite.wsgi:application", "nosuchsite.wsgi:application"));
        Exec check = Exec.run(project.kit("host/app"), Python.gunicorn(), "--check-config", "--config", missingApp.toString());
        assertNotEquals(0, check.status(), check.output());
    }

    private JsonNode names(Path config) throws IOException {
        Path script = Files.writeString(tempDir.resolve("names.py"), NAMES);
        Exec run = Exec.run(tempDir, Python.python3(), script.toString(), config.toString());
        assertEquals(0, run.status(), run.output());
        return new ObjectMapper().readTree(run.stdout());
    }
}
