package dev.hostkit.target.docker;

import dev.hostkit.target.docker.Dockerfile.Instruction;
import dev.hostkit.testing.Commands;
import dev.hostkit.testing.Daemon;
import dev.hostkit.testing.DjangoExample;
import dev.hostkit.testing.Http;
import dev.hostkit.testing.KitProject;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.ProjectDir;
import dev.hostkit.testing.RequiredTool;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spring Boot image's layers without Docker: the sample app (spring-boot-starter-web and
 * -actuator) repackaged by the real spring-boot-maven-plugin, its kit's Dockerfile, and what the
 * image build does run by hand: the build stage's RUN in a folder with the jar as app.jar, each
 * COPY --from as a copy into one folder, the ENTRYPOINT's launcher from it. The app answers its
 * readiness probe; a second build with only its code changed leaves every layer but application
 * byte for byte the same, which is what lets Docker reuse them.
 */
class SpringBootLayersBuildTest {
    private static final Path SAMPLE = ProjectDir.resolve("src/test/resources/spring-boot-sample");
    private static final String PLUGIN = "org.springframework.boot:spring-boot-maven-plugin:3.3.5:repackage";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theLayersStartTheAppAndACodeChangeRebuildsOnlyTheApplicationLayer() throws IOException {
        Build firstBuild = extract(dir.resolve("first"), "hello\\n");
        Path first = firstBuild.layers();
        Path second = extract(dir.resolve("second"), "hello again\\n").layers();
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies")) {
            assertEquals(tree(first.resolve(layer)), tree(second.resolve(layer)), layer + " differs after a code-only change");
        }
        assertNotEquals(tree(first.resolve("application")), tree(second.resolve("application")));

        Path app = Files.createDirectories(dir.resolve("app"));
        Dockerfile dockerfile = firstBuild.dockerfile();
        for (Instruction copy : dockerfile.all("COPY").stream().filter(c -> c.arguments().startsWith("--from=")).toList()) {
            Path layer = first.resolve(Path.of(copy.words().get(0)).getFileName());
            DjangoExample.copy(layer, app);
        }
        List<String> launch = launch(dockerfile);
        assertEquals(List.of("-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"), launch);
        int port = Ports.consecutive(1);
        try (Daemon running = Daemon.start(List.of(Tool.SYSTEM_JAVA.path(), "-cp", app.toString(), launch.get(2)), app,
                Map.of("SERVER_PORT", String.valueOf(port), "SERVER_ADDRESS", "127.0.0.1",
                        "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true"), true, dir.resolve("app.log"))) {
            running.awaitListening(port, STARTUP);
            assertEquals(200, Http.get(port, "localhost", "/actuator/health/readiness").status(), running::log);
            assertEquals("hello\n", Http.get(port, "localhost", "/").text());
        }
    }

    /** The folder of the extracted layers, and the Dockerfile whose build stage extracted them. */
    private record Build(Path layers, Dockerfile dockerfile) {}

    /** Builds the sample whose greeting is GREETING into DIR, renders its docker kit and runs its build stage. */
    private static Build extract(Path dir, String greeting) throws IOException {
        Path project = DjangoExample.copy(SAMPLE, dir.resolve("project"));
        Path source = project.resolve("src/main/java/sample/App.java");
        Files.writeString(source, Files.readString(source).replace("hello\\n", greeting));
        Commands.Result build = Commands.run(List.of(ProjectDir.resolve("mvnw").toString(), "-B", "-q", "-f",
                project.resolve("pom.xml").toString(), "-Dmaven.compiler.release=17", "package", PLUGIN), ProjectDir.path(),
                Map.of(), Duration.ofMinutes(5));
        if (build.exitCode() != 0) {
            RequiredTool.unavailable("spring-boot-maven-plugin", "./mvnw -f " + SAMPLE.resolve("pom.xml") + " " + PLUGIN
                    + " (Maven Central)", "the sample could not be repackaged:\n" + build.describe());
        }
        Path jar = project.resolve("target/spring-boot-sample-1.0.0.jar");
        SampleKit kit = new KitVariant("spring boot layers", KitProject.jars("boot", jar, List.of()), settings -> settings
                .setList("targets", List.of("docker")).set("framework", "spring-boot")).render(dir.resolve("kit-project"));
        Dockerfile dockerfile = Dockerfile.parse(kit.read("docker/Dockerfile"));
        String run = dockerfile.all("RUN").stream().map(Instruction::body).filter(body -> body.startsWith("java "))
                .findFirst().orElseThrow(() -> new AssertionError("no build stage RUN java ...:\n" + dockerfile));
        Path stage = Files.createDirectories(dir.resolve("build"));
        Files.copy(kit.path("docker/" + jar.getFileName()), stage.resolve("app.jar"));
        Path java = Path.of(Tool.SYSTEM_JAVA.path()).getParent();
        Commands.Result extracted = Commands.run(List.of(Tool.SH.path(), "-c", run), stage,
                Map.of("PATH", java + ":/usr/bin:/bin"), Duration.ofMinutes(2));
        assertEquals(0, extracted.exitCode(), extracted::describe);
        try (Stream<Path> layers = Files.list(stage.resolve("extracted"))) {
            assertEquals(List.of("application", "dependencies", "snapshot-dependencies", "spring-boot-loader"),
                    layers.map(layer -> layer.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.isRegularFile(stage.resolve("extracted/spring-boot-loader/org/springframework/boot/loader/launch/"
                + "JarLauncher.class")), "--launcher extracts the launcher");
        return new Build(stage.resolve("extracted"), dockerfile);
    }

    /** The ENTRYPOINT's java arguments after $JAVA_OPTS, up to the container's ones. */
    private static List<String> launch(Dockerfile dockerfile) {
        String script = dockerfile.entrypointScript().orElseThrow();
        return List.of(script.substring(script.indexOf("$JAVA_OPTS ") + "$JAVA_OPTS ".length(), script.indexOf(" \"$@\""))
                .split(" "));
    }

    /** Every file under ROOT with its content's hash, by path. */
    private static Map<String, Integer> tree(Path root) throws IOException {
        Map<String, Integer> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Arrays.hashCode(Files.readAllBytes(file)));
            }
        }
        return files;
    }
}
