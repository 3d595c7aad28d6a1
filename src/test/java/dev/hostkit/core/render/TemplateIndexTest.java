package dev.hostkit.core.render;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A jar cannot be listed, so templates.list names every built-in template: it must match the source folder. */
class TemplateIndexTest {

    @Test
    void templatesListNamesExactlyTheTemplatesInTheSourceFolder() throws IOException {
        Set<String> listed = new TreeSet<>(listedTemplates());
        Set<String> onDisk = templatesOnDisk();

        Set<String> unlisted = new TreeSet<>(onDisk);
        unlisted.removeAll(listed);
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(onDisk);
        assertTrue(unlisted.isEmpty() && missing.isEmpty(),
                "src/main/resources/" + TemplateCatalog.INDEX + " and its folder disagree. Add to the list: " + unlisted
                        + "; remove from the list (no such file): " + missing);
        assertEquals(onDisk.size(), listedTemplates().size(), "templates.list names a template twice");
    }

    private static List<String> listedTemplates() throws IOException {
        try (InputStream in = TemplateIndexTest.class.getClassLoader().getResourceAsStream(TemplateCatalog.INDEX)) {
            assertNotNull(in, TemplateCatalog.INDEX + " is not on the class path");
            List<String> names = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(names::add);
            return names;
        }
    }

    private static Set<String> templatesOnDisk() throws IOException {
        String projectDir = System.getenv("HOSTKIT_PROJECT_DIR");
        Path root = Path.of(projectDir == null || projectDir.isBlank() ? "" : projectDir)
                .toAbsolutePath().resolve("src/main/resources").resolve(TemplateOrigins.BUILT_IN_ROOT);
        assertTrue(Files.isDirectory(root), "no template folder at " + root + " (set HOSTKIT_PROJECT_DIR to the project)");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(TemplateCatalog.SUFFIX))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
