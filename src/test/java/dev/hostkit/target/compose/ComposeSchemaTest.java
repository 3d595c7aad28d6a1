package dev.hostkit.target.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostkit.testing.Commands;
import dev.hostkit.testing.GeneratedKits;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.KitVariants;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.Tools;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every generated compose.yaml, Java's and Python's, is valid against the compose-spec JSON schema
 * docker compose uses, and docker compose v2 itself loads it ({@code docker-compose config}: the
 * schema, then compose's own checks of ports, durations and the env files) without a warning and
 * with the project name the file declares.
 */
class ComposeSchemaTest extends GeneratedKits {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.hostkit.testing.KitVariants#all")
    void composeFileIsValid(KitVariant variant) {
        SampleKit kit = kit(variant);
        JsonNode compose = ComposeSchema.parse(kit.read(ComposeRule.COMPOSE));
        assertEquals(List.of(), ComposeSchema.validate(compose),
                () -> ComposeRule.COMPOSE + " of " + variant + " breaks the compose-spec schema:\n" + kit.read(ComposeRule.COMPOSE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.hostkit.testing.KitVariants#all")
    void dockerComposeLoadsComposeFile(KitVariant variant) {
        SampleKit kit = kit(variant);
        assertEquals(List.of(), composeProblems(kit), () -> "docker compose and " + ComposeRule.COMPOSE + " of " + variant
                + ":\n" + kit.read(ComposeRule.COMPOSE));
    }

    /** Each check can fail: each mutated copy must make the schema (or compose itself) name the broken value. */
    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            restart: "unless-stopped"        | restart: 5                               | schema  | /services/app/restart
            read_only: true                  | read_only: true\\n    restarts: always   | schema  | restarts
            condition: service_healthy       | condition: 7                             | schema  | condition
            restart: true                    | restart: always                          | compose | services.nginx.depends_on.app.restart
            restart: "unless-stopped"        | restart: 5                               | compose | services.app.restart
            "80:80"                          | "eighty:80"                              | compose | eighty
            name: "shop"                     | name: Shop App                           | compose | Shop App
            interval: 10s                    | interval: 10 seconds                     | compose | 10 seconds
            - app.env                        | - missing.env                            | compose | missing.env
            """)
    void checksRejectBrokenCompose(String from, String to, String check, String expected, @TempDir Path dir) {
        SampleKit kit = KitVariants.named("defaults").render(dir);
        kit.mutate(ComposeRule.COMPOSE, from, to.replace("\\n", "\n"));
        if (check.equals("schema")) {
            List<String> errors = ComposeSchema.validate(ComposeSchema.parse(kit.read(ComposeRule.COMPOSE)));
            assertTrue(errors.stream().anyMatch(error -> error.contains(expected)),
                    () -> "expected a schema error about " + expected + " for '" + from + "' -> '" + to + "', got " + errors);
        } else {
            List<String> problems = composeProblems(kit);
            assertTrue(problems.stream().anyMatch(problem -> problem.contains(expected)),
                    () -> "expected compose to name " + expected + " for '" + from + "' -> '" + to + "', got " + problems);
        }
    }

    /**
     * What docker compose says loading the kit's compose.yaml as an operator's compose would
     * ({@code docker-compose config}, which validates like {@code config --quiet} and prints the
     * model): its error, its warnings, and a project name it would change (compose turns a name
     * such as "Shop App" into "shopapp" rather than refusing it).
     */
    private static List<String> composeProblems(SampleKit kit) {
        Path file = kit.path(ComposeRule.COMPOSE);
        Commands.Result config = Commands.run(List.of(Tools.fromGoProxy("docker-compose"), "--file", file.toString(),
                "config", "--format", "json"), file.getParent(), Map.of(), Duration.ofSeconds(30));
        if (!config.ok()) {
            return List.of("compose refuses it: " + config.stderr().strip());
        }
        List<String> problems = new ArrayList<>();
        if (!config.stderr().isBlank()) {
            problems.add("compose warns: " + config.stderr().strip());
        }
        String declared = ComposeSchema.parse(kit.read(ComposeRule.COMPOSE)).path("name").asText();
        String loaded = ComposeSchema.parse(config.stdout()).path("name").asText();
        if (!declared.equals(loaded)) {
            problems.add("compose renames the project '" + declared + "' to '" + loaded + "'");
        }
        return problems;
    }
}
