package dev.hostkit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CHECKLISTS Compose 2: compose.yaml is valid against the compose-spec JSON schema. */
class ComposeSchemaTest extends GeneratedKits {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.hostkit.checks.KitVariant#all")
    void composeFileIsValid(KitVariant variant) {
        Kit kit = kit(variant);
        JsonNode compose = ComposeSchema.parse(kit.read(Kit.COMPOSE));
        assertEquals(List.of(), ComposeSchema.validate(compose),
                () -> Kit.COMPOSE + " of " + variant + " breaks the compose-spec schema:\n" + kit.read(Kit.COMPOSE));
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
        Kit kit = Kit.generate(KitVariant.named("defaults"), dir);
        kit.mutate(Kit.COMPOSE, from, to.replace("\\n", "\n"));
        List<String> errors = ComposeSchema.validate(ComposeSchema.parse(kit.read(Kit.COMPOSE)));
        assertTrue(errors.stream().anyMatch(error -> error.contains(expectedPath)),
                () -> "expected a schema error about " + expectedPath + " for '" + from + "' -> '" + to + "', got " + errors);
    }
}
