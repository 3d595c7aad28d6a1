package dev.hostkit.tls;

import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A test class's temp folder with the sample project "shop" and a self-signed pair for
 * shop.test, made before its tests and deleted after them:
 * {@code @RegisterExtension static final Workspace shop = new Workspace();}
 */
final class Workspace implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private SelfSigned pair;
    private SampleProject project;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("hostkit-tls-");
        pair = SelfSigned.create(dir.resolve("tls"), "shop.test");
        project = SampleProject.create(dir.resolve("project"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    Path dir() {
        return dir;
    }

    SelfSigned pair() {
        return pair;
    }

    SampleProject project() {
        return project;
    }
}
