package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static dev.hostkit.core.runtime.java.framework.FrameworkSample.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quarkus' fast-jar: target/quarkus-app shipped as it is, its folders the image's layers, quarkus-run.jar started. */
class QuarkusFastJarTest {
    private static final HostingSettings DOCKER_AND_HOST = new HostingSettings().setList("targets", List.of("docker", "host"));

    @TempDir
    Path dir;

    private SampleProject project() {
        return SampleProject.create(dir, null).withPom(plugin("io.quarkus.platform:quarkus-maven-plugin"));
    }

    @Test
    void theImageCopiesLibThenTheLauncherThenTheApp() {
        SampleProject project = project().builtByQuarkus();
        project.generate(DOCKER_AND_HOST);
        String dockerfile = project.read("docker/Dockerfile");
        assertEquals(List.of("COPY quarkus-app/lib/ /app/quarkus-app/lib/",
                "COPY quarkus-app/quarkus-app-dependencies.txt quarkus-app/quarkus-run.jar /app/quarkus-app/",
                "COPY quarkus-app/quarkus/ /app/quarkus-app/quarkus/",
                "COPY quarkus-app/app/ /app/quarkus-app/app/"),
                dockerfile.lines().filter(line -> line.startsWith("COPY")).toList());
        assertTrue(dockerfile.contains("$JAVA_OPTS -jar /app/quarkus-app/quarkus-run.jar \\\"$@\\\""), dockerfile);
        assertEquals("*\n!quarkus-app/\n", project.read("docker/.dockerignore").replaceAll("(?m)^#.*\n", ""));
    }

    /** The same folder in docker/ and host/app/, nothing else: not the thin jar, no lib/ of the Maven dependencies. */
    @Test
    void bothKitsShipTheFolderAsItIs() throws IOException {
        SampleProject project = project().withDependency("quarkus-core-3.15.1.jar").builtByQuarkus();
        project.generate(DOCKER_AND_HOST);
        for (String kit : List.of("docker", "host/app")) {
            Path folder = project.outputDir().resolve(kit);
            for (String file : SampleProject.QUARKUS_APP) {
                assertEquals(-1L, Files.mismatch(project.jar().resolveSibling(file), folder.resolve(file)), kit + "/" + file);
            }
            assertFalse(Files.exists(folder.resolve("lib")), kit);
            assertFalse(Files.exists(folder.resolve("shop-1.0.0.jar")), kit + ": the thin jar has no Main-Class to run");
        }
        String unit = project.read("host/systemd/shop.service");
        assertTrue(unit.contains(" -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar quarkus-app/quarkus-run.jar\n"), unit);
    }

    /** Declared before quarkus-maven-plugin, hostkit finds no fast-jar: the message says where to declare it. */
    @Test
    void aBuildWithoutTheFastJarIsRefusedNamingThePluginOrder() {
        SampleProject project = project();
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> project.generate(DOCKER_AND_HOST));
        assertEquals("Invalid value for hosting.jar: 'shop-1.0.0.jar'. Allowed: a Quarkus fast-jar build (the default, "
                + "quarkus.package.jar.type=fast-jar) whose quarkus-app/quarkus-run.jar quarkus:build wrote after the jar. "
                + "There is no quarkus-app/quarkus-run.jar beside it: hostkit ran before quarkus:build. Declare "
                + "hosting-maven-plugin after quarkus-maven-plugin in <build><plugins> (both run in the package phase, in "
                + "the POM's order), or run hosting:generate after the package phase.", e.getMessage());
        assertFalse(Files.exists(project.outputDir()), "nothing written");
    }

    /** A fast-jar older than the jar is an earlier build's: hostkit ran before quarkus:build, and would ship stale code. */
    @Test
    void aFastJarOlderThanTheJarIsRefused() throws IOException {
        SampleProject project = project().builtByQuarkus();
        Files.setLastModifiedTime(project.jar().resolveSibling("quarkus-app/quarkus-run.jar"),
                FileTime.fromMillis(Files.getLastModifiedTime(project.jar()).toMillis() - 60_000));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> project.generate(DOCKER_AND_HOST));
        assertTrue(e.getMessage().contains("quarkus-app/quarkus-run.jar is older than the jar, from an earlier build: hostkit "
                + "ran before quarkus:build. Declare hosting-maven-plugin after quarkus-maven-plugin"), e.getMessage());
    }
}
