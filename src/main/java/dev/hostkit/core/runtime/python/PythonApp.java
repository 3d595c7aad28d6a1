package dev.hostkit.core.runtime.python;

import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.model.App;
import dev.hostkit.core.model.Nginx;
import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.runtime.Placement;
import dev.hostkit.core.runtime.RuntimeApp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A validated Python WSGI app.
 *
 * @param appDirectory the folder with the app's sources (manage.py, requirements.txt, packages)
 * @param wsgiModule   the WSGI callable, module:attribute
 * @param workers      gunicorn workers, or empty for 2 x cores + 1 at run time
 * @param django       whether it is a Django project (manage.py): collectstatic runs at build and install
 * @param sources      which of the app folder's files ship
 */
public record PythonApp(SharedModel shared, String version, Path appDirectory, String wsgiModule, OptionalInt workers,
                        boolean django, SourceSelection sources) implements RuntimeApp {
    /** Where collectstatic puts the static files inside the app's image. */
    static final String IMAGE_STATIC_ROOT = "/app/staticfiles";

    @Override
    public Map<String, String> environmentItSets() {
        return Map.of("PORT", App.PORT.label(),
                "DJANGO_ALLOWED_HOSTS", Nginx.SERVER_NAME.label(),
                "DJANGO_STATIC_ROOT", "the kit's static folder (hosting.staticDirectory on a bare machine)");
    }

    @Override
    public Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("version", version);
        vars.put("wsgiModule", wsgiModule);
        workers.ifPresent(count -> vars.put("workers", count));
        vars.put("workersExpression", workers.isPresent()
                ? String.valueOf(workers.getAsInt()) : "multiprocessing.cpu_count() * 2 + 1");
        vars.put("workersComment", workers.isPresent() ? workers.getAsInt() + " (hosting.workers)" : "2 x cores + 1");
        vars.put("django", django);
        vars.put("allowedHosts", shared.nginx().serverName().map(server -> server + ",").orElse("") + "localhost,127.0.0.1");
        vars.put("containerStaticRoot", IMAGE_STATIC_ROOT);
        vars.put("socket", socket());
        // the .dockerignore keeps them out of the image even when they are put into docker/app/ by hand
        vars.put("neverInImage", PythonSources.dockerignore(sources.excludes()));
        // gunicorn in a container: reachable from nginx's container; worker heartbeat files in memory
        vars.put("container", Map.of("bind", "0.0.0.0:" + shared.app().port(), "container", true));
        // on a machine: a unix socket in the unit's RuntimeDirectory
        vars.put("machine", Map.of("bind", "unix:" + socket(), "container", false));
        return vars;
    }

    /** gunicorn's unix socket on a machine, in the unit's RuntimeDirectory. */
    private String socket() {
        return "/run/" + shared.app().name() + "/gunicorn.sock";
    }

    @Override
    public String defaultBaseImage() {
        return "python:" + version + "-slim";
    }

    /** Python itself (slim images have no curl); urlopen fails on 4xx and 5xx. */
    @Override
    public List<String> containerProbe() {
        return List.of("python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:"
                + shared.app().port() + shared.app().healthPath() + "', timeout=2)");
    }

    /** The sources, in {@code app/} of an image's build context (beside the Dockerfile), at the top on a machine. */
    @Override
    public List<KitFile> files(Placement placement, String folder) {
        return PythonSources.of(sources, appDirectory, placement == Placement.IMAGE ? folder + "app/" : folder);
    }

    /** Every instance is the one gunicorn master on its socket. */
    @Override
    public String machineEndpoint(int port) {
        return "unix:" + socket();
    }

    /** A Django project migrates its database once per release. */
    @Override
    public List<String> releaseCommand() {
        return django ? List.of("python", "manage.py", "migrate", "--noinput") : List.of();
    }

    /** Where the image's collectstatic puts them (empty for an app that is not Django's). */
    @Override
    public Optional<String> imageStaticFiles() {
        return Optional.of(IMAGE_STATIC_ROOT);
    }

    @Override
    public Optional<String> singleInstanceReason() {
        return Optional.of("Allowed: 1 for a Python app: one gunicorn master scales with hosting.workers instead.");
    }
}
