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
 * The templates there are: the plugin's built-ins and every {@code *.mustache} file in the
 * user's directories. A top-level folder is a target; {@code partials/} holds shared blocks and
 * is never rendered; {@code runtimes/<runtime>/} holds a runtime's own templates and partials,
 * by the same paths. Each built-in folder lists its templates in its own {@code templates.list}
 * (a jar cannot be listed reliably), so a new target's folder brings its own list.
 */
public final class TemplateCatalog {
    static final String INDEX = "templates.list";
    static final String PARTIALS = "partials";
    static final String SUFFIX = ".mustache";

    private final Set<String> builtIn;
    private final Set<String> user;

    private TemplateCatalog(Set<String> builtIn, Set<String> user) {
        this.builtIn = builtIn;
        this.user = user;
    }

    /**
     * @param builtInFolders  the built-in template folders: each target's, {@code partials} and {@code runtimes/<name>}
     * @param userDirectories the user's template directories; they need not exist
     * @param notTargets      top-level folders of the user's directories that hold no targets
     *                        (the environments' override folders)
     */
    public static TemplateCatalog load(Collection<String> builtInFolders, List<Path> userDirectories,
                                       Collection<String> notTargets) {
        Set<String> user = new TreeSet<>();
        for (Path directory : userDirectories) {
            listUserTemplates(directory).stream()
                    .filter(name -> folderOf(name) == null || !notTargets.contains(folderOf(name)))
                    .forEach(user::add);
        }
        Set<String> builtIn = new TreeSet<>();
        builtInFolders.forEach(folder -> builtIn.addAll(readIndex(folder)));
        return new TemplateCatalog(builtIn, user);
    }

    /** The user's top-level folders, which are targets unless a built-in one has the name. */
    public List<String> userFolders() {
        return foldersOf(user);
    }

    /**
     * The templates to render for these targets and this runtime, by name in the kit, in a
     * stable order: built-ins (shared or the runtime's; the user's copy overrides either by the
     * same name) and the user's additions in those folders, plus the user's templates at the top
     * of the directory, which belong to no target.
     */
    public List<String> templatesFor(Collection<String> targets, String runtime) {
        String runtimeFolder = TemplateOrigins.RUNTIMES + "/" + runtime + "/";
        Set<String> names = new TreeSet<>();
        for (String name : builtIn) {
            String inKit = name.startsWith(runtimeFolder) ? name.substring(runtimeFolder.length()) : name;
            if (!inKit.startsWith(TemplateOrigins.RUNTIMES + "/") && targets.contains(folderOf(inKit))) {
                names.add(inKit);
            }
        }
        for (String name : user) {
            String folder = folderOf(name);
            if (folder == null || targets.contains(folder)) {
                names.add(name);
            }
        }
        names.removeIf(name -> PARTIALS.equals(folderOf(name)));
        return List.copyOf(names);
    }

    /** The built-in templates these targets render with this runtime, by name in the kit (no user templates). */
    public List<String> builtInTemplatesFor(Collection<String> targets, String runtime) {
        return new TemplateCatalog(builtIn, Set.of()).templatesFor(targets, runtime);
    }

    /** The output path of a template: its name without {@code .mustache}. */
    public static String outputPathOf(String templateName) {
        return templateName.substring(0, templateName.length() - SUFFIX.length());
    }

    private static String folderOf(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? null : name.substring(0, slash);
    }

    private static List<String> foldersOf(Collection<String> names) {
        Set<String> folders = new TreeSet<>();
        for (String name : names) {
            String folder = folderOf(name);
            if (folder != null && !PARTIALS.equals(folder)) {
                folders.add(folder);
            }
        }
        return new ArrayList<>(folders);
    }

    /** The templates a built-in folder lists, by name; none when it has no list (a target of runtime templates only). */
    private static Set<String> readIndex(String folder) {
        Set<String> names = new TreeSet<>();
        try (InputStream in = TemplateCatalog.class.getClassLoader()
                .getResourceAsStream(TemplateOrigins.BUILT_IN_ROOT + folder + "/" + INDEX)) {
            if (in == null) {
                return names;
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(name -> names.add(folder + "/" + name));
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
