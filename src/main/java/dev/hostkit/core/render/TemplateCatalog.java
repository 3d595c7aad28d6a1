package dev.hostkit.core.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The templates there are: the plugin's built-ins (listed in {@code templates.list}, since a
 * jar cannot be listed reliably) and every {@code *.mustache} file in the user's directory.
 * A top-level folder is a target; {@code partials/} holds shared blocks and is never rendered.
 */
public final class TemplateCatalog {
    static final String INDEX = TemplateOrigins.BUILT_IN_ROOT + "templates.list";
    static final String PARTIALS = "partials";
    static final String SUFFIX = ".mustache";

    private final Set<String> builtIn;
    private final Set<String> user;

    private TemplateCatalog(Set<String> builtIn, Set<String> user) {
        this.builtIn = builtIn;
        this.user = user;
    }

    public static TemplateCatalog load(TemplateOrigins origins) {
        return load(origins, List.of());
    }

    /**
     * @param notTargets top-level folders of the user's directories that hold no targets
     *                   (the environments' override folders)
     */
    public static TemplateCatalog load(TemplateOrigins origins, Collection<String> notTargets) {
        Set<String> user = new TreeSet<>();
        for (Path directory : origins.userDirectories()) {
            listUserTemplates(directory).stream()
                    .filter(name -> targetOf(name) == null || !notTargets.contains(targetOf(name)))
                    .forEach(user::add);
        }
        return new TemplateCatalog(readIndex(), user);
    }

    /** Targets with built-in templates. */
    public List<String> builtInTargets() {
        return targetsOf(builtIn);
    }

    /** Top-level folders of the user's own that are not built-in targets. */
    public List<String> customTargets() {
        List<String> custom = targetsOf(user);
        custom.removeAll(builtInTargets());
        return custom;
    }

    public List<String> knownTargets() {
        List<String> known = builtInTargets();
        known.addAll(customTargets());
        return known;
    }

    /**
     * The templates to render for these targets, in a stable order: built-ins (or the user's
     * override of them) and the user's additions in those folders, plus the user's templates
     * at the top of the directory, which belong to no target.
     */
    public List<String> templatesFor(List<String> targets) {
        Set<String> names = new TreeSet<>();
        for (String name : builtIn) {
            if (targets.contains(targetOf(name))) {
                names.add(name);
            }
        }
        for (String name : user) {
            String target = targetOf(name);
            if (target == null || targets.contains(target)) {
                names.add(name);
            }
        }
        names.removeIf(name -> PARTIALS.equals(targetOf(name)));
        return List.copyOf(names);
    }

    /** The output path of a template: its name without {@code .mustache}. */
    public static String outputPathOf(String templateName) {
        return templateName.substring(0, templateName.length() - SUFFIX.length());
    }

    private static String targetOf(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? null : name.substring(0, slash);
    }

    private static List<String> targetsOf(Set<String> names) {
        Set<String> targets = new TreeSet<>();
        for (String name : names) {
            String target = targetOf(name);
            if (target != null && !PARTIALS.equals(target)) {
                targets.add(target);
            }
        }
        return new ArrayList<>(targets);
    }

    private static Set<String> readIndex() {
        Set<String> names = new TreeSet<>();
        try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("The plugin is missing its template index " + INDEX);
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static Set<String> listUserTemplates(Path directory) {
        Set<String> names = new TreeSet<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(SUFFIX))
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list templates in " + directory, e);
        }
        return names;
    }
}
