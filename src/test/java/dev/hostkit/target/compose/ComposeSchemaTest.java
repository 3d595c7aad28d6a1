package dev.hostkit.target.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostkit.testing.GeneratedKits;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.KitVariants;
import dev.hostkit.testing.SampleKit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every generated compose.yaml, Java's and Python's, is valid against the compose-spec JSON schema. */
class ComposeSchemaTest extends GeneratedKits {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.hostkit.testing.KitVariants#all")
    void composeFileIsValid(KitVariant variant) {
        SampleKit kit = kit(variant);
        JsonNode compose = ComposeSchema.parse(kit.read(ComposeRule.COMPOSE));
        assertEquals(List.of(), ComposeSchema.validate(compose),
                () -> ComposeRule.COMPOSE + " of " + variant + " breaks the compose-spec schema:\n" + kit.read(ComposeRule.COMPOSE));
    }

    /** The check can fail: each mutated copy must produce schema errors, and the expected one. */
    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            restart: "unless-stopped"        | restart: 5                               | /services/app/restart
            read_only: true                  | read_only: true\\n    restarts: always   | restarts
            interval: 10s                    | interval: 10 seconds                     | /services/app/healthcheck/interval
            "80:80"                          | "eighty:80"                              | /services/nginx/ports
            "8080"                           | "8080/http"                              | /services/app/expose
            name: "shop"                     | name: Shop App                           | /name
            condition: service_healthy       | condition: 7                             | condition
            """)
    void schemaRejectsBrokenCompose(String from, String to, String expectedPath, @TempDir Path dir) {
        SampleKit kit = KitVariants.named("defaults").render(dir);
        kit.mutate(ComposeRule.COMPOSE, from, to.replace("\\n", "\n"));
        List<String> errors = ComposeSchema.validate(ComposeSchema.parse(kit.read(ComposeRule.COMPOSE)));
        assertTrue(errors.stream().anyMatch(error -> error.contains(expectedPath)),
                () -> "expected a schema error about " + expectedPath + " for '" + from + "' -> '" + to + "', got " + errors);
    }
}
