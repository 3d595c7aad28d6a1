package dev.hostkit.target.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hostkit.testing.Commands;
import dev.hostkit.testing.GeneratedKits;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.KitVariants;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dockerfile-utils lint (npm) finds nothing in any generated Dockerfile, Java's and Python's. Its exit code is 1 only for errors and 0 with warnings, so the JSON report
 * ({@code -j}, an array of problems) must also be empty.
 */
class DockerfileLintTest extends GeneratedKits {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.hostkit.testing.KitVariants#all")
    void linterFindsNothing(KitVariant variant) {
        SampleKit kit = kit(variant);
        Commands.Result result = lint(kit.path(Dockerfile.PATH));
        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(List.of(), problems(result), () -> "dockerfile-utils reports problems in the Dockerfile of " + variant
                + ":\n" + result.describe() + "\n" + kit.read(Dockerfile.PATH));
    }

    /** The check can fail: errors give exit code 1, warnings only show in the report. */
    @Test
    void linterReportsErrorsAndWarnings(@TempDir Path dir) throws IOException {
        SampleKit kit = kit(KitVariants.named("defaults"));
        Path broken = dir.resolve("Dockerfile");
        Files.writeString(broken, kit.read(Dockerfile.PATH).replace("EXPOSE 8080", "EXPOSE eighty"));
        Commands.Result errors = lint(broken);
        assertEquals(1, errors.exitCode(), errors::describe);
        assertTrue(problems(errors).stream().anyMatch(p -> p.contains("eighty")), errors::describe);

        Files.writeString(broken, kit.read(Dockerfile.PATH) + "\nHEALTHCHECK NONE\n");
        Commands.Result warnings = lint(broken);
        assertEquals(0, warnings.exitCode(), "a warning alone does not fail the exit code: " + warnings.describe());
        assertTrue(problems(warnings).stream().anyMatch(p -> p.contains("one HEALTHCHECK")), warnings::describe);
    }

    private static Commands.Result lint(Path dockerfile) {
        return Commands.run(List.of(Tools.dockerfileUtils(), "lint", "-j", dockerfile.toString()), dockerfile.getParent());
    }

    /** "severity: message (line N)" for each problem of the JSON report. */
    private static List<String> problems(Commands.Result result) {
        try {
            JsonNode report = JSON.readTree(result.stdout());
            assertTrue(report != null && report.isArray(), () -> "not a JSON report:\n" + result.describe());
            return StreamSupport.stream(report.spliterator(), false)
                    .map(p -> p.path("severity").asText() + ": " + p.path("message").asText()
                            + " (line " + (p.path("instructionLine").asInt() + 1) + ")")
                    .toList();
        } catch (IOException e) {
            throw new AssertionError("dockerfile-utils printed no JSON:\n" + result.describe(), e);
        }
    }
}
