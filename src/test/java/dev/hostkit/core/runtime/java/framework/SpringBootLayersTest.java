package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.hostkit.core.runtime.java.framework.FrameworkSample.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A repackaged jar with a layers index: taken apart in a build stage, one COPY per layer, the launcher run from them. */
class SpringBootLayersTest {
    private static final String TOOLS = "java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted";
    private static final String LAYERTOOLS = "java -Djarmode=layertools -jar app.jar extract --destination extracted";

    @TempDir
    Path dir;

    private SampleProject generate(String version) {
        SampleProject project = SampleProject.create(dir).withPom(plugin("org.springframework.boot:spring-boot-maven-plugin"))
                .layeredBySpringBoot(version);
        project.generate(new HostingSettings().setList("targets", List.of("docker", "host")));
        return project;
    }

    @Test
    void theImageCopiesEachLayerApartTheApplicationLast() {
        String dockerfile = generate("3.3.5").read("docker/Dockerfile");
        assertTrue(dockerfile.contains("""
                FROM eclipse-temurin:17-jre AS layers
                WORKDIR /build
                COPY shop-1.0.0.jar app.jar
                RUN %s && mkdir -p extracted/dependencies extracted/spring-boot-loader extracted/snapshot-dependencies extracted/application
                """.formatted(TOOLS)), dockerfile);
        List<String> copies = dockerfile.lines().filter(line -> line.startsWith("COPY --from")).toList();
        assertEquals(List.of("COPY --from=layers /build/extracted/dependencies/ /app/",
                "COPY --from=layers /build/extracted/spring-boot-loader/ /app/",
                "COPY --from=layers /build/extracted/snapshot-dependencies/ /app/",
                "COPY --from=layers /build/extracted/application/ /app/"), copies, "the index's order: application last");
        assertTrue(dockerfile.contains("$JAVA_OPTS -cp /app org.springframework.boot.loader.launch.JarLauncher \\\"$@\\\""),
                dockerfile);
        assertFalse(dockerfile.contains("COPY lib/"), dockerfile);
    }

    /** The build context is the jar alone; the machine runs the jar whole, with nothing beside it. */
    @Test
    void theKitShipsTheJarAloneAndTheMachineRunsIt() {
        SampleProject project = generate("3.3.5");
        assertEquals("*\n!shop-1.0.0.jar\n", project.read("docker/.dockerignore").replaceAll("(?m)^#.*\n", ""));
        try (var files = Files.list(project.outputDir().resolve("docker"))) {
            assertEquals(List.of(".dockerignore", "Dockerfile", "shop-1.0.0.jar"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertFalse(Files.exists(project.outputDir().resolve("host/app/lib")));
        assertTrue(project.read("host/systemd/shop.service").contains(
                " $JAVA_OPTS -cp app.jar org.springframework.boot.loader.launch.JarLauncher\n"));
    }

    /** Spring Boot 3.3 brought the tools jar mode (and --launcher); before it, layertools extracts the launcher itself. */
    @ParameterizedTest
    @CsvSource({"2.7.18, layertools", "3.2.12, layertools", "3.3.0, tools", "3.5.7, tools", "4.0.0, tools",
            "'', tools", "unknown, tools"})
    void theJarsSpringBootVersionPicksTheJarMode(String version, String mode) {
        assertEquals(mode.equals("tools") ? TOOLS : LAYERTOOLS, SpringBootLayers.extract(version));
    }

    @Test
    void anOlderBootExtractsWithLayertools() {
        assertTrue(generate("3.1.4").read("docker/Dockerfile").contains("RUN " + LAYERTOOLS + " && mkdir -p"));
    }

    /** Layers turned off (no index): the fat jar is the one layer, as before. */
    @Test
    void aJarWithoutALayersIndexIsCopiedWhole() {
        SampleProject project = SampleProject.create(dir).withPom(plugin("org.springframework.boot:spring-boot-maven-plugin"))
                .repackagedBySpringBoot();
        project.generate(new HostingSettings().setList("targets", List.of("docker")));
        String dockerfile = project.read("docker/Dockerfile");
        assertFalse(dockerfile.contains(" AS layers"), dockerfile);
        assertTrue(dockerfile.contains("COPY shop-1.0.0.jar /app/app.jar\n"), dockerfile);
        assertTrue(dockerfile.contains("-cp /app/app.jar org.springframework.boot.loader.launch.JarLauncher"), dockerfile);
    }
}
