package dev.hostkit.core.runtime.python;

import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.runtime.AppRuntime;
import dev.hostkit.core.runtime.RuntimeApp;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.settings.ValueType;

import javax.inject.Named;
import javax.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** A Python WSGI app (Django or any other) run by gunicorn, from its sources and requirements.txt. */
@Named("python")
@Singleton
public final class PythonRuntime implements AppRuntime {
    public static final Setting<String> APP_DIRECTORY = Setting.value("appDirectory",
            ValueType.of("Allowed: an existing folder, absolute or relative to the project.", path -> path),
            "the project's folder", "The folder with the app's sources (`manage.py`, `requirements.txt`), absolute or relative to the "
                    + "project; it must exist.");
    public static final Setting<String> WSGI_MODULE = Setting.value("wsgiModule", ValueType.matching(
                    Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*"),
                    "Allowed: module:callable, such as mysite.wsgi:application."),
            "`{settings package}.wsgi:application` from `manage.py`, else the one `{package}/wsgi.py`",
            "The WSGI callable gunicorn serves, `module:callable`.")
            .shownAs("python.wsgiModule");
    public static final Setting<Integer> WORKERS = Setting.value("workers", ValueType.wholeNumber(1, 256,
                    "Allowed: a whole number of gunicorn workers from 1 to 256 (unset: 2 x cores + 1 at run time)."),
            "`2 x cores + 1` at run time (`WEB_CONCURRENCY` wins)", "gunicorn's worker processes, 1–256.")
            .shownAs("python.workersComment");
    public static final Setting<String> PYTHON_VERSION = Setting.value("pythonVersion", ValueType.matching(
                    Pattern.compile("3\\.[0-9]{1,2}"), "Allowed: a Python 3 feature version such as 3.11 or 3.12."),
            "`3.11`", "The Python version of the base image `python:{pythonVersion}-slim`, `3.N`.")
            .shownAs("python.version");
    public static final Setting<List<String>> SOURCE_INCLUDES = Setting.list("sourceIncludes", "none",
            "Patterns in `.gitignore` syntax of sources that ship although a `.gitignore` ignores them; never what always "
                    + "stays out (databases, env files, `.git/`, virtual environments: see Python apps).");
    public static final Setting<List<String>> SOURCE_EXCLUDES = Setting.list("sourceExcludes", "none",
            "Patterns in `.gitignore` syntax of sources that never ship, besides the project's `.gitignore` files and "
                    + "what always stays out.");
    private static final List<Setting<?>> SETTINGS = List.of(APP_DIRECTORY, WSGI_MODULE, WORKERS, PYTHON_VERSION,
            SOURCE_INCLUDES, SOURCE_EXCLUDES);

    @Override
    public String name() {
        return "python";
    }

    @Override
    public List<Setting<?>> settings() {
        return SETTINGS;
    }

    /** manage.py or requirements.txt in the app folder, no Java sources, and neither jar nor war packaging. */
    @Override
    public boolean detects(ProjectFacts project, SettingValues settings) {
        Path appDirectory = appDirectory(settings, project);
        boolean javaPackaging = project.packaging().equals("jar") || project.packaging().equals("war");
        boolean pythonFiles = Files.isRegularFile(appDirectory.resolve("manage.py"))
                || Files.isRegularFile(appDirectory.resolve("requirements.txt"));
        return !javaPackaging && pythonFiles && !project.hasJavaSources();
    }

    @Override
    public int defaultPort() {
        return 8000;
    }

    @Override
    public RuntimeApp resolve(SettingValues settings, ProjectFacts project, SharedModel shared, boolean shipped) {
        Path appDirectory = appDirectory(settings, project);
        String wsgi = settings.get(WSGI_MODULE).orElseGet(() -> WsgiModule.guess(appDirectory));
        OptionalInt workers = settings.get(WORKERS).map(OptionalInt::of).orElse(OptionalInt.empty());
        requireGunicorn(appDirectory);
        SourceSelection sources = new SourceSelection(project.baseDir(), patterns(settings, SOURCE_INCLUDES),
                patterns(settings, SOURCE_EXCLUDES));
        return new PythonApp(shared, settings.getOr(PYTHON_VERSION, "3.11"), appDirectory, wsgi, workers,
                Files.isRegularFile(appDirectory.resolve("manage.py")), sources);
    }

    /** One gitignore pattern per entry: not blank, no comment, no negation (the other setting says the opposite). */
    private static List<String> patterns(SettingValues settings, Setting<List<String>> setting) {
        List<String> patterns = settings.list(setting);
        for (String pattern : patterns) {
            if (pattern.isBlank() || pattern.startsWith("#") || pattern.startsWith("!") || pattern.contains("\n")) {
                throw new InvalidSettingException(setting.label(), pattern, "Allowed: patterns in .gitignore syntax such "
                        + "as 'docs/' or '*.csv', one a line, without '#' or '!' at the start.");
            }
        }
        return patterns;
    }

    private static Path appDirectory(SettingValues settings, ProjectFacts project) {
        if (!settings.isSet(APP_DIRECTORY)) {
            return project.baseDir();
        }
        String configured = settings.get(APP_DIRECTORY).orElseThrow();
        Path directory = project.baseDir().resolve(configured).normalize();
        if (!Files.isDirectory(directory)) {
            throw new InvalidSettingException(APP_DIRECTORY.label(), configured,
                    "Allowed: an existing folder, absolute or relative to the project (" + project.baseDir() + ").");
        }
        return directory;
    }

    /** The kits run gunicorn from the app's own dependencies. */
    private static void requireGunicorn(Path appDirectory) {
        Path requirements = appDirectory.resolve("requirements.txt");
        try {
            if (Files.isRegularFile(requirements) && Files.readAllLines(requirements).stream()
                    .map(line -> line.trim().toLowerCase(Locale.ROOT))
                    .anyMatch(line -> line.matches("gunicorn([\\[<>=!~; ].*)?"))) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + requirements, e);
        }
        throw new InvalidSettingException(APP_DIRECTORY.label(), appDirectory.toString(),
                "Allowed: a Python app folder whose requirements.txt lists gunicorn (the docker and host kits run it), "
                        + "such as a line 'gunicorn==21.2.0'.");
    }
}
