package dev.hostkit.core;

import dev.hostkit.testing.ProjectDir;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core's layers as the README's Architecture section draws them: settings → model →
 * runtimes → targets → registry → plan (with render), write at the side; each package of the core imports
 * only the layers it may see, and nothing of the core imports Maven.
 */
class LayeringTest {
    /** Each layer of dev.hostkit.core and the layers it may import. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("settings", Set.of()),
            Map.entry("syntax", Set.of()),
            Map.entry("files", Set.of()),
            Map.entry("model", Set.of("settings", "syntax")),
            Map.entry("runtime", Set.of("settings", "syntax", "files", "model")),
            Map.entry("target", Set.of("settings", "syntax", "files", "model", "runtime")),
            Map.entry("render", Set.of()),
            Map.entry("write", Set.of("files")),
            Map.entry("registry", Set.of("settings", "model", "runtime", "target")),
            Map.entry("eject", Set.of("settings", "runtime", "target", "registry", "render")),
            Map.entry("plan", Set.of("settings", "syntax", "files", "model", "runtime", "target", "registry", "render")));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.\\w+;", Pattern.MULTILINE);

    @Test
    void eachLayerImportsOnlyTheLayersBeforeIt() throws IOException {
        Path core = ProjectDir.resolve("src/main/java/dev/hostkit/core");
        assertTrue(Files.isDirectory(core), core::toString);
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(core)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path relative = core.relativize(file);
                String layer = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
                Matcher imported = IMPORT.matcher(Files.readString(file));
                while (imported.find()) {
                    String from = imported.group(1);
                    if (from.startsWith("org.apache.maven")) {
                        violations.add(relative + " imports Maven: " + from);
                    }
                    if (!layer.isEmpty() && from.startsWith("dev.hostkit.core")) {
                        String other = from.equals("dev.hostkit.core") ? "" : from.substring("dev.hostkit.core.".length()).split("\\.")[0];
                        if (!other.equals(layer) && !ALLOWED.get(layer).contains(other)) {
                            violations.add(relative + " (" + layer + ") imports " + from);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
