package dev.hostkit.core.runtime.python;

import dev.hostkit.core.settings.InvalidSettingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Guesses a Python app's WSGI callable from a Django project's files. */
final class WsgiModule {
    private static final Pattern SETTINGS_MODULE = Pattern.compile(
            "DJANGO_SETTINGS_MODULE['\"]\\s*,\\s*['\"]([A-Za-z_][A-Za-z0-9_]*)\\.settings['\"]");

    private WsgiModule() {}

    /** Django: manage.py names the settings module next to wsgi.py; otherwise the one package with a wsgi.py. */
    static String guess(Path appDirectory) {
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
        throw new InvalidSettingException(PythonRuntime.WSGI_MODULE.label(), null, notFound);
    }
}
