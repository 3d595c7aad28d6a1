package dev.hostkit.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a template comes from: the user's template directories in order (an environment's
 * folder before the shared one), then the templates built into the plugin. Names are
 * relative paths such as {@code docker/Dockerfile.mustache}.
 */
public final class TemplateOrigins {
    static final String BUILT_IN_ROOT = "dev/hostkit/templates/";

    private final List<Path> userDirectories;

    /** @param userDirectories the user's template directories, first match wins; they need not exist */
    public TemplateOrigins(List<Path> userDirectories) {
        this.userDirectories = List.copyOf(userDirectories);
    }

    /** @param userDirectory the user's template directory; it need not exist, may be {@code null} */
    public TemplateOrigins(Path userDirectory) {
        this(userDirectory == null ? List.of() : List.of(userDirectory));
    }

    public List<Path> userDirectories() {
        return userDirectories;
    }

    /** The user's file for this name, if there is one. */
    public Optional<Path> userFile(String name) {
        for (Path directory : userDirectories) {
            Path file = directory.resolve(name).normalize();
            if (file.startsWith(directory.normalize()) && Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** Opens the template, the user's copy first; empty when neither exists. */
    Optional<Reader> open(String name) {
        try {
            Optional<Path> user = userFile(name);
            if (user.isPresent()) {
                return Optional.of(new StringReader(Files.readString(user.get(), StandardCharsets.UTF_8)));
            }
            InputStream builtIn = TemplateOrigins.class.getClassLoader().getResourceAsStream(BUILT_IN_ROOT + name);
            return builtIn == null ? Optional.empty() : Optional.of(new InputStreamReader(builtIn, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TemplateException("Cannot read template " + describe(name) + ": " + e.getMessage(), e);
        }
    }

    /** A name for messages that says which copy of a template is used. */
    String describe(String name) {
        return userFile(name).map(Path::toString).orElse(name + " (built into the plugin)");
    }
}
