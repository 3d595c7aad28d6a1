package dev.hostkit.runtime.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hostkit.testing.Commands;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.Tool;
import dev.hostkit.testing.Tools;
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
 * The generated gunicorn.conf.py of both kits (docker: TCP port; host: unix socket)
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
        SampleKit project = KitVariant.python("workers=" + workers, settings -> settings.set("workers", workers)
                .set("serverName", "hello.example.com")).render(tempDir.resolve("project"));
        Path config = project.path(kit + "/gunicorn.conf.py");
        Path app = project.path(kit + "/app");
        Commands.Result check = Commands.run(app, Tools.gunicorn(), "--check-config", "--config", config.toString());
        assertEquals(0, check.exitCode(), check::describe);

        JsonNode names = names(config);
        List<String> unknown = new ArrayList<>();
        names.get("defined").forEach(name -> unknown.add(name.asText()));
        names.get("settings").forEach(setting -> unknown.remove(setting.asText()));
        assertEquals(List.of(), unknown, "names gunicorn would silently ignore in " + config + ":\n" + Files.readString(config));
        assertTrue(names.get("defined").size() >= 10, "the file defines too few settings to be the kit's: " + names);

        Commands.Result printed = Commands.run(app, Tools.gunicorn(), "--print-config", "--config", config.toString());
        assertEquals(0, printed.exitCode(), printed::describe);
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
        SampleKit project = KitVariant.python("workers=3", settings -> settings.set("workers", "3")).render(tempDir.resolve("project"));
        Commands.Result printed = Commands.run(List.of(Tools.gunicorn(), "--print-config", "--config",
                project.path("host/gunicorn.conf.py").toString()), project.path("host/app"), Map.of("WEB_CONCURRENCY", "7"));
        assertTrue(printed.stdout().contains("workers                           = 7\n"), printed::describe);
    }

    /** Both checks can fail: a misspelt setting is reported, and --check-config rejects a WSGI app it cannot import. */
    @Test
    void theChecksCatchAMisspeltKeyAndAMissingApp() throws IOException {
        SampleKit project = KitVariant.python("defaults", settings -> {}).render(tempDir.resolve("project"));
        Path config = project.path("host/gunicorn.conf.py");
        Path misspelt = Files.writeString(tempDir.resolve("misspelt.conf.py"),
                Files.readString(config).replace("max_requests_jitter =", "max_request_jitter ="));
        JsonNode names = names(misspelt);
        TreeSet<String> defined = new TreeSet<>();
        names.get("defined").forEach(name -> defined.add(name.asText()));
        names.get("settings").forEach(setting -> defined.remove(setting.asText()));
        assertEquals(new TreeSet<>(List.of("max_request_jitter")), defined);
        // gunicorn itself does not notice: this is why the registry check exists
        assertEquals(0, Commands.run(project.path("host/app"), Tools.gunicorn(), "--check-config", "--config", misspelt.toString()).exitCode());

        Path missingApp = Files.writeString(tempDir.resolve("missing.conf.py"),
                Files.readString(config).replace("mysite.wsgi:application", "nosuchsite.wsgi:application"));
        Commands.Result check = Commands.run(project.path("host/app"), Tools.gunicorn(), "--check-config", "--config", missingApp.toString());
        assertNotEquals(0, check.exitCode(), check::describe);
    }

    private JsonNode names(Path config) throws IOException {
        Path script = Files.writeString(tempDir.resolve("names.py"), NAMES);
        Commands.Result run = Commands.run(tempDir, Tool.PYTHON3.path(), script.toString(), config.toString());
        assertEquals(0, run.exitCode(), run::describe);
        return new ObjectMapper().readTree(run.stdout());
    }
}
