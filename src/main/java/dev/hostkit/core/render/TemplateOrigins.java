package dev.hostkit.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a template or partial comes from, by its name in the kit such as
 * {@code docker/Dockerfile.mustache} or {@code partials/nginx/site.mustache}: the user's
 * template directories in order (an environment's folder before the shared one), then the
 * plugin's templates of the kit's runtime ({@code runtimes/<runtime>/<name>}), then the
 * plugin's templates every runtime shares ({@code <name>}).
 */
public final class TemplateOrigins {
    static final String BUILT_IN_ROOT = "dev/hostkit/templates/";
    static final String RUNTIMES = "runtimes";

    private final List<Path> userDirectories;
    private final String runtime;

    /**
     * @param userDirectories the user's template directories, first match wins; they need not exist
     * @param runtime         the kit's runtime, whose built-in templates come before the shared ones
     */
    public TemplateOrigins(List<Path> userDirectories, String runtime) {
        this.userDirectories = List.copyOf(userDirectories);
        this.runtime = runtime;
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

    /** The built-in template that holds this name's content: the runtime's, else the shared one, if either exists. */
    public Optional<String> builtInSource(String name) {
        String ofRuntime = RUNTIMES + "/" + runtime + "/" + name;
        if (resource(ofRuntime) != null) {
            return Optional.of(ofRuntime);
        }
        return resource(name) == null ? Optional.empty() : Optional.of(name);
    }

    /** The text of the built-in template that holds this name's content (the runtime's, else the shared one). */
    public Optional<String> builtInText(String name) {
        Optional<String> source = builtInSource(name);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = resource(source.get()).openStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TemplateException("Cannot read the built-in template " + source.get() + ": " + e.getMessage(), e);
        }
    }

    /** Opens the template, the user's copy first; empty when there is none. */
    Optional<Reader> open(String name) {
        try {
            Optional<Path> user = userFile(name);
            if (user.isPresent()) {
                return Optional.of(new StringReader(Files.readString(user.get(), StandardCharsets.UTF_8)));
            }
            Optional<String> builtIn = builtInSource(name);
            if (builtIn.isEmpty()) {
                return Optional.empty();
            }
            InputStream in = resource(builtIn.get()).openStream();
            return Optional.of(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TemplateException("Cannot read template " + describe(name) + ": " + e.getMessage(), e);
        }
    }

    /** A name for messages that says which copy of a template is used. */
    String describe(String name) {
        return userFile(name).map(Path::toString)
                .orElseGet(() -> builtInSource(name).orElse(name) + " (built into the plugin)");
    }

    private static URL resource(String name) {
        return TemplateOrigins.class.getClassLoader().getResource(BUILT_IN_ROOT + name);
    }
}
