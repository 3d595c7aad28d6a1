package dev.hostkit.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.ProjectDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Layering, measured: after a change to the app's code only, rebuilding the kit's image reuses
 * every layer up to and including the dependencies (lib/) and makes only the app jar's layer
 * anew; bench/docker-layers.sh reports the bytes against a single-layer fat-jar Dockerfile, and
 * its report is kept in target/bench/docker-layers.txt.
 */
@Tag("docker")
@ExtendWith(PrivateDockerExtension.class)
class DockerLayersDockerTest {

    @Test
    void codeOnlyChangeRebuildsOnlyTheAppLayer(@TempDir Path dir, PrivateDocker docker) throws IOException {
        docker.ensureImages("eclipse-temurin:17-jre");
        JavaSample sample = new JavaSample(dir);
        Path before = sample.renderKit().resolve("docker");
        Path after = sample.renderKit("changed code", settings -> {}).resolve("docker");
        assertTrue(Files.readString(after.resolve("Dockerfile")).contains("COPY lib/ /app/lib/"), "the kit has a lib/ layer");

        String image = "hostkit-layers-" + ProcessHandle.current().pid();
        try {
            docker.docker(Duration.ofMinutes(5), null, "build", "-t", image + ":before", before.toString()).orThrow();
            String rebuild = docker.docker(Duration.ofMinutes(5), null, "build", "-t", image + ":after", after.toString()).orThrow();

            List<String> layersBefore = layers(docker, image + ":before");
            List<String> layersAfter = layers(docker, image + ":after");
            assertEquals(layersBefore.size(), layersAfter.size());
            int last = layersAfter.size() - 1;
            assertEquals(layersBefore.subList(0, last), layersAfter.subList(0, last),
                    "every layer below the app jar, the lib/ layer included, is reused");
            assertNotEquals(layersBefore.get(last), layersAfter.get(last), "the app jar's layer is new");
            assertTrue(rebuild.matches("(?s).*Step \\d+/\\d+ : COPY lib/ /app/lib/\\s+---> Using cache.*"),
                    () -> "the build reports the lib/ step from cache:\n" + rebuild);
        } finally {
            docker.docker("image", "rm", "-f", image + ":before", image + ":after");
        }

        // The same measured by the bench script, against a fat jar in one layer.
        Commands.Result bench = Commands.run(List.of("bash", ProjectDir.resolve("bench/docker-layers.sh").toString(),
                before.toString(), after.toString()), null, docker.environment(), Duration.ofMinutes(10));
        bench.orThrow();
        Path report = ProjectDir.resolve("target/bench/docker-layers.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, bench.stdout(), StandardCharsets.UTF_8);

        Map<String, Map<String, Long>> results = results(bench.stdout());
        Map<String, Long> layered = results.get("layered");
        Map<String, Long> fat = results.get("fat");
        long appJar = Files.size(after.resolve("hello-java-1.0.0.jar"));
        long libBytes = 0;
        try (var jars = Files.list(after.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                libBytes += Files.size(jar);
            }
        }
        assertEquals(1, layered.get("rebuilt_layers"), bench::stdout);
        assertTrue(layered.get("rebuilt_bytes") < appJar + 64 * 1024,
                () -> "layered: only about the app jar (" + appJar + " bytes) is rebuilt\n" + bench.stdout());
        assertEquals(1, fat.get("rebuilt_layers"), bench::stdout);
        assertTrue(fat.get("rebuilt_bytes") > libBytes * 9 / 10,
                "fat jar: the dependencies (" + libBytes + " bytes) are rebuilt with every code change\n" + bench.stdout());
        assertTrue(fat.get("rebuilt_bytes") > 10 * layered.get("rebuilt_bytes"), bench::stdout);
    }

    private static List<String> layers(PrivateDocker docker, String image) {
        return docker.dockerOk("image", "inspect", "--format", "{{range .RootFS.Layers}}{{println .}}{{end}}", image)
                .lines().filter(line -> !line.isBlank()).toList();
    }

    /** The script's RESULT lines: variant -> {key -> number}. */
    private static Map<String, Map<String, Long>> results(String output) {
        Map<String, Map<String, Long>> results = new HashMap<>();
        output.lines().filter(line -> line.startsWith("RESULT ")).forEach(line -> {
            Map<String, String> fields = new HashMap<>();
            for (String pair : line.substring("RESULT ".length()).split(" ")) {
                fields.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            Map<String, Long> numbers = new HashMap<>();
            fields.forEach((key, value) -> {
                if (!key.equals("variant")) {
                    numbers.put(key, Long.parseLong(value));
                }
            });
            results.put(fields.get("variant"), numbers);
        });
        assertTrue(results.containsKey("layered") && results.containsKey("fat"), () -> "no RESULT lines in:\n" + output);
        return results;
    }
}
