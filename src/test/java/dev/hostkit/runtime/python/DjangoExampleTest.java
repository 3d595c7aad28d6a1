package dev.hostkit.runtime.python;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.DjangoExample;
import dev.hostkit.testing.KitGeneration;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.ProjectDir;
import dev.hostkit.testing.SampleKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Django fixture copies the example's sources only. A user who renders the example as the
 * README suggests ({@code ./mvnw -f examples/hello-django/pom.xml package}) leaves its kit in
 * examples/hello-django/target/hosting, and running it leaves __pycache__ folders: neither
 * may reach the tests' copies, or their kits would be rendered over someone else's files.
 */
class DjangoExampleTest {
    @TempDir
    Path tempDir;

    @Test
    void theCopyLeavesOutARenderedKitAndCompiledPython() throws IOException {
        Path used = copyEverything(ProjectDir.resolve(DjangoExample.LOCATION), tempDir.resolve("used-example"));
        KitGeneration.write(new HostingSettings(), DjangoExample.facts("hello-django", used), used.resolve("src/main/hosting"),
                used.resolve("target/hosting"), false);
        Path pycache = Files.createDirectories(used.resolve("mysite/__pycache__"));
        Files.writeString(pycache.resolve("settings.cpython-311.pyc"), "compiled");
        assertTrue(Files.isRegularFile(used.resolve("target/hosting/docker/Dockerfile")), "the example's own kit is there");

        Path copy = DjangoExample.copy(used, tempDir.resolve("copy"));

        assertFalse(Files.exists(copy.resolve("target")), "target/ was copied");
        try (Stream<Path> files = Files.walk(copy)) {
            assertEquals(java.util.List.of(), files.filter(path -> path.toString().contains("__pycache__")).toList());
        }
        assertTrue(Files.isRegularFile(copy.resolve("manage.py")) && Files.isRegularFile(copy.resolve("mysite/settings.py")),
                "the sources are copied");
    }

    @Test
    void aKitRenderedFromAUsedExampleIsTheKitOfAFreshOne() throws IOException {
        Path used = copyEverything(ProjectDir.resolve(DjangoExample.LOCATION), tempDir.resolve("used-example"));
        KitGeneration.write(new HostingSettings().set("serverName", "stale.example.com"), DjangoExample.facts("shop", used),
                used.resolve("src/main/hosting"), used.resolve("target/hosting"), false);

        Path fromUsed = DjangoExample.copy(used, tempDir.resolve("from-used"));
        KitGeneration.write(new HostingSettings(), DjangoExample.facts("shop", fromUsed), fromUsed.resolve("src/main/hosting"),
                fromUsed.resolve("target/hosting"), false);
        SampleKit fresh = KitVariant.python("fresh", settings -> {}).render(tempDir.resolve("fresh"));

        assertEquals(texts(fresh.root()), texts(fromUsed.resolve("target/hosting")));
    }

    /** Every file under DIR by relative path, with the project folders replaced so that two copies compare. */
    private static Map<String, String> texts(Path dir) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        Path project = dir.getParent().getParent();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                texts.put(dir.relativize(file).toString(), Files.readString(file).replace(project.toString(), "PROJECT"));
            }
        }
        return texts;
    }

    private static Path copyEverything(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }
}
