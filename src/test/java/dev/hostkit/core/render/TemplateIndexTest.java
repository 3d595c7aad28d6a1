package dev.hostkit.core.render;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.testing.ProjectDir;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A jar cannot be listed, so each built-in template folder names its templates in its own
 * templates.list: each list must match its folder, and each folder must be one the registry
 * knows (a target's, a runtime's, or the partials).
 */
class TemplateIndexTest {
    private static final List<String> FOLDERS = BuiltIns.load().templateFolders();

    @Test
    void eachFoldersListNamesExactlyTheTemplatesInIt() throws IOException {
        Set<String> onDisk = templatesOnDisk();
        Set<String> listed = new TreeSet<>(listedTemplates());
        Set<String> unlisted = new TreeSet<>(onDisk);
        unlisted.removeAll(listed);
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(onDisk);
        assertTrue(unlisted.isEmpty() && missing.isEmpty(), "the templates.list files and their folders disagree. "
                + "Add to the folder's list: " + unlisted + "; remove from it (no such file): " + missing);
        assertEquals(onDisk.size(), listedTemplates().size(), "a templates.list names a template twice");
    }

    @Test
    void everyTemplateFolderBelongsToATargetARuntimeOrThePartials() throws IOException {
        Set<String> folders = templatesOnDisk().stream()
                .map(name -> name.startsWith(TemplateOrigins.RUNTIMES + "/") ? name.substring(0, name.indexOf('/', 9)) : name.split("/")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        folders.removeAll(FOLDERS);
        assertEquals(Set.of(), folders, "template folders of no built-in target or runtime");
    }

    /** A runtime's template replaces no shared one silently: a name is either shared or the runtimes' own. */
    @Test
    void noRuntimeTemplateHidesASharedOne() throws IOException {
        Set<String> shared = new TreeSet<>(listedTemplates());
        shared.removeIf(name -> name.startsWith(TemplateOrigins.RUNTIMES + "/"));
        for (String name : listedTemplates()) {
            if (name.startsWith(TemplateOrigins.RUNTIMES + "/")) {
                String inKit = name.substring(name.indexOf('/', TemplateOrigins.RUNTIMES.length() + 1) + 1);
                assertTrue(!shared.contains(inKit), name + " hides the shared " + inKit);
            }
        }
    }

    /**
     * Every partial a built-in template includes exists for every runtime it renders with: a
     * shared template's partial is shared or each runtime's own (a runtime hook), a runtime's
     * template's partial is shared or that runtime's.
     */
    @Test
    void everyIncludedPartialExistsForEveryRuntime() throws IOException {
        Set<String> listed = new TreeSet<>(listedTemplates());
        Set<String> runtimes = listed.stream().filter(name -> name.startsWith(TemplateOrigins.RUNTIMES + "/"))
                .map(name -> name.split("/")[1]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("java", "python"), runtimes);
        List<String> missing = new ArrayList<>();
        for (String template : listed) {
            String text = new String(TemplateIndexTest.class.getClassLoader()
                    .getResourceAsStream(TemplateOrigins.BUILT_IN_ROOT + template).readAllBytes(), StandardCharsets.UTF_8);
            java.util.regex.Matcher include = java.util.regex.Pattern.compile("\\{\\{>\\s*([^}\\s]+)\\s*}}").matcher(text);
            while (include.find()) {
                String partial = TemplateCatalog.PARTIALS + "/" + include.group(1) + TemplateCatalog.SUFFIX;
                List<String> owners = template.startsWith(TemplateOrigins.RUNTIMES + "/")
                        ? List.of(template.split("/")[1]) : List.copyOf(runtimes);
                for (String runtime : owners) {
                    if (!listed.contains(partial) && !listed.contains(TemplateOrigins.RUNTIMES + "/" + runtime + "/" + partial)) {
                        missing.add(template + " includes " + include.group(1) + ", which runtime " + runtime + " lacks");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static List<String> listedTemplates() throws IOException {
        List<String> names = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (InputStream in = TemplateIndexTest.class.getClassLoader()
                    .getResourceAsStream(TemplateOrigins.BUILT_IN_ROOT + folder + "/" + TemplateCatalog.INDEX)) {
                if (in == null) {
                    continue; // docker: runtime templates only
                }
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(line -> names.add(folder + "/" + line));
            }
        }
        return names;
    }

    private static Set<String> templatesOnDisk() throws IOException {
        Path root = ProjectDir.resolve("src/main/resources").resolve(TemplateOrigins.BUILT_IN_ROOT);
        assertTrue(Files.isDirectory(root), "no template folder at " + root + " (set HOSTKIT_PROJECT_DIR to the project)");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(TemplateCatalog.SUFFIX))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
