package dev.hostkit.core.model;

import dev.hostkit.core.settings.HostingSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.hostkit.core.model.Checks.orDefault;

/** Validates a Python app's settings and guesses its WSGI callable from a Django project's files. */
final class PythonProject {
    static final Pattern WSGI = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern VERSION = Pattern.compile("3\\.[0-9]{1,2}");
    private static final Pattern SETTINGS_MODULE = Pattern.compile(
            "DJANGO_SETTINGS_MODULE['\"]\\s*,\\s*['\"]([A-Za-z_][A-Za-z0-9_]*)\\.settings['\"]");

    private PythonProject() {}

    static HostingModel.PythonApp model(HostingSettings settings, Path appDirectory) {
        String version = Checks.matching("hosting.pythonVersion", orDefault(settings.getPythonVersion(), "3.11"), VERSION,
                "Allowed: a Python 3 feature version such as 3.11 or 3.12.");
        String wsgi = settings.getWsgiModule() == null || settings.getWsgiModule().isBlank()
                ? guessWsgiModule(appDirectory)
                : Checks.matching("hosting.wsgiModule", settings.getWsgiModule().trim(), WSGI,
                        "Allowed: module:callable, such as mysite.wsgi:application.");
        OptionalInt workers = settings.getWorkers() == null || settings.getWorkers().isBlank() ? OptionalInt.empty()
                : OptionalInt.of(Checks.intInRange("hosting.workers", settings.getWorkers(), 1, 256,
                        "Allowed: a whole number of gunicorn workers from 1 to 256 (unset: 2 x cores + 1 at run time)."));
        requireGunicorn(appDirectory);
        return new HostingModel.PythonApp(version, appDirectory, wsgi, workers,
                Files.isRegularFile(appDirectory.resolve("manage.py")));
    }

    /** The kits run gunicorn from the app's own dependencies. */
    private static void requireGunicorn(Path appDirectory) {
        Path requirements = appDirectory.resolve("requirements.txt");
        try {
            if (Files.isRegularFile(requirements) && Files.readAllLines(requirements).stream()
                    .map(line -> line.trim().toLowerCase(java.util.Locale.ROOT))
                    .anyMatch(line -> line.matches("gunicorn([\\[<>=!~; ].*)?"))) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + requirements, e);
        }
        throw new InvalidSettingException("hosting.appDirectory", appDirectory.toString(),
                "Allowed: a Python app folder whose requirements.txt lists gunicorn (the docker and host kits run it), "
                        + "such as a line 'gunicorn==21.2.0'.");
    }

    /** Django: manage.py names the settings module next to wsgi.py; otherwise the one package with a wsgi.py. */
    private static String guessWsgiModule(Path appDirectory) {
        String notFound = "Allowed: module:callable, such as mysite.wsgi:application. It could not be guessed: "
                + appDirectory + " has no manage.py naming DJANGO_SETTINGS_MODULE and not exactly one <package>/wsgi.py; "
                + "set hosting.wsgiModule.";
        try {
            Path manage = appDirectory.resolve("manage.py");
            if (Files.isRegularFile(manage)) {
                Matcher matcher = SETTINGS_MODULE.matcher(Files.readString(manage));
                if (matcher.find() && Files.isRegularFile(appDirectory.resolve(matcher.group(1)).resolve("wsgi.py"))) {
                    return matcher.group(1) + ".wsgi:application";
                }
            }
            List<Path> candidates;
            try (Stream<Path> folders = Files.list(appDirectory)) {
                candidates = folders.filter(folder -> Files.isRegularFile(folder.resolve("wsgi.py"))
                                && folder.getFileName().toString().matches("[A-Za-z_][A-Za-z0-9_]*"))
                        .sorted().toList();
            }
            if (candidates.size() == 1) {
                return candidates.get(0).getFileName() + ".wsgi:application";
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + appDirectory, e);
        }
        throw new InvalidSettingException("hosting.wsgiModule", null, notFound);
    }
}
