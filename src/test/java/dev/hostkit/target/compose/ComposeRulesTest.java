package dev.hostkit.target.compose;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.testing.KitRuleTest;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.KitVariants;
import dev.hostkit.testing.SampleKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The compose rules on every variant; awkward env values read back as compose reads them; and,
 * for each rule, a deliberately broken kit that the rule must reject.
 */
class ComposeRulesTest extends KitRuleTest {
    ComposeRulesTest() {
        super(List.of(ComposeRule.values()), """
                FILE_NAME_AND_NO_VERSION    | defaults           | compose/compose.yaml       | name: "shop" => version: "3.8"\\nname: "shop"
                PROJECT_NAME                | defaults           | compose/compose.yaml       | name: "shop" => name: 2048
                APP_HEALTHCHECK             | defaults           | compose/compose.yaml       | test: ["CMD", => test: ["CMD-SHELL",
                APP_HEALTHCHECK             | defaults           | compose/compose.yaml       | retries: 3 => retries: 0
                APP_HEALTHCHECK             | defaults           | compose/compose.yaml       | timeout: 3s => timeout: 30s
                APP_HEALTHCHECK             | defaults           | compose/compose.yaml       | `      start_period: 30s\\n` =>
                NGINX_WAITS_FOR_HEALTHY_APP | defaults           | compose/compose.yaml       | service_healthy => service_started
                RESTART_POLICY              | defaults           | compose/compose.yaml       | restart: "unless-stopped" => restart: "sometimes"
                RESTART_POLICY              | defaults           | compose/compose.yaml       | restart: "unless-stopped" => restart: "always"
                PORTS                       | defaults           | compose/compose.yaml       | `    expose:` => `    ports:\\n      - "8080:8080"\\n    expose:`
                PORTS                       | defaults           | compose/compose.yaml       | "80:80" => "80:8080"
                PORTS                       | defaults           | compose/nginx/default.conf | listen 80 => listen 8080
                READ_ONLY_MOUNTS            | defaults           | compose/compose.yaml       | default.conf:ro => default.conf
                READ_ONLY_MOUNTS            | defaults           | compose/compose.yaml       | ./nginx/default.conf: => ./nginx/site.conf:
                HARDENING                   | defaults           | compose/compose.yaml       | read_only: true => read_only: false
                HARDENING                   | defaults           | compose/compose.yaml       | `      - /tmp` => `      - /var/tmp`
                HARDENING                   | defaults           | compose/compose.yaml       | no-new-privileges:true => no-new-privileges:false
                HARDENING                   | defaults           | compose/compose.yaml       | `      - ALL` => `      - NET_RAW`
                ENV_FROM_FILE               | defaults           | compose/compose.yaml       | `    env_file:` => `    environment:\\n      DB_PASSWORD: hunter2\\n    env_file:`
                ENV_FROM_FILE               | defaults           | compose/compose.yaml       | - app.env => - secrets.env
                ENV_FROM_FILE               | defaults           | compose/compose.yaml       | context: ../docker => context: ../image
                ENV_ROUND_TRIP              | env-needing-quotes | compose/app.env            | 'pa$$word and $HOME and ${USER}' => "pa$$word and $HOME and ${USER}"
                ENV_ROUND_TRIP              | env-needing-quotes | compose/app.env            | \\"b\\" => "b"
                ENV_ROUND_TRIP              | env-needing-quotes | compose/app.env            | "Grüße => "Gruesse
                NO_INTERPOLATION            | defaults           | compose/compose.yaml       | image: shop:1.0.0 => image: shop:${TAG}
                """, ComposeRule.COMPOSE, ComposeRule.APP_ENV);
    }


    @Test
    void legacyComposeFileNameIsNoticed(@TempDir Path dir) throws Exception {
        SampleKit kit = KitVariants.named("defaults").render(dir);
        Files.copy(kit.path(ComposeRule.COMPOSE), kit.path("compose/docker-compose.yml"));
        assertFalse(ComposeRule.FILE_NAME_AND_NO_VERSION.check(kit).isEmpty());
    }

    /**
     * One awkward env value at a time: compose must read back exactly what was configured.
     * Compose's env file can hold each of these (double quotes with escapes, and $$ for a
     * literal '$'), so the plugin must accept and write every one of them.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "a \"b\" \\c", "it's", "it's $HOME", "say \"hi\" to $USER", "C:\\path\\$dir", "100$", "$", "$$",
            "ends with backslash \\", "Grüße, 世界 ✓", "tab\tinside", "# not a comment", "x #y", " leading space",
            "trailing space ", "'single'", "`backtick`", "a=b"})
    void envValueRoundTrips(String value, @TempDir Path dir) {
        KitVariant variant = KitVariants.named("defaults").with("env", settings -> settings.setMap("env", Map.of("VALUE", value)));
        SampleKit kit = variant.render(dir);
        assertEquals(List.of(), ComposeRule.ENV_ROUND_TRIP.check(kit), () -> kit.read(ComposeRule.APP_ENV));
    }

    /**
     * Line breaks: the plugin documents one-line env values (they must also fit a systemd
     * EnvironmentFile). Either the value reads back exactly, or the setting is refused by
     * name before anything is written; never a file that says something else.
     */
    @ParameterizedTest(name = "[{index}] line break {0}")
    @ValueSource(strings = {"line one\nline two", "windows\r\nline", "trailing\n"})
    void envValueWithLineBreakRoundTripsOrIsRefused(String value, @TempDir Path dir) {
        KitVariant variant = KitVariants.named("defaults").with("env", settings -> settings.setMap("env", Map.of("VALUE", value)));
        try {
            SampleKit kit = variant.render(dir);
            assertEquals(List.of(), ComposeRule.ENV_ROUND_TRIP.check(kit), () -> kit.read(ComposeRule.APP_ENV));
        } catch (InvalidSettingException refused) {
            assertEquals("hosting.env.VALUE", refused.parameter(), refused.getMessage());
            assertFalse(Files.exists(dir.resolve("target/hosting/" + ComposeRule.APP_ENV)), "a refused setting must write nothing");
        }
    }
}
