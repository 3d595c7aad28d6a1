package dev.hostkit.checks;

import dev.hostkit.core.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CHECKLISTS Compose 1 and 3-7 on every variant; the env file read back as compose reads it;
 * and, for each rule, a deliberately broken kit that the rule must reject.
 */
class ComposeRulesTest extends KitRuleTest {
    static Stream<Arguments> variantsAndRules() {
        return everyVariantWith(ComposeRule.values());
    }

    @Override
    String[] shownFiles() {
        return new String[] {Kit.COMPOSE, Kit.APP_ENV};
    }

    static Stream<Arguments> mutations() {
        String defaults = "defaults";
        return Stream.of(
                mutation(ComposeRule.FILE_NAME_AND_NO_VERSION, defaults, Kit.COMPOSE, "name: \"shop\"", "version: \"3.8\"\nname: \"shop\""),
                mutation(ComposeRule.PROJECT_NAME, defaults, Kit.COMPOSE, "name: \"shop\"", "name: 2048"),
                mutation(ComposeRule.APP_HEALTHCHECK, defaults, Kit.COMPOSE, "test: [\"CMD\",", "test: [\"CMD-SHELL\","),
                mutation(ComposeRule.APP_HEALTHCHECK, defaults, Kit.COMPOSE, "retries: 3", "retries: 0"),
                mutation(ComposeRule.APP_HEALTHCHECK, defaults, Kit.COMPOSE, "timeout: 3s", "timeout: 30s"),
                mutation(ComposeRule.APP_HEALTHCHECK, defaults, Kit.COMPOSE, "      start_period: 30s\n", ""),
                mutation(ComposeRule.NGINX_WAITS_FOR_HEALTHY_APP, defaults, Kit.COMPOSE, "service_healthy", "service_started"),
                mutation(ComposeRule.RESTART_POLICY, defaults, Kit.COMPOSE, "restart: \"unless-stopped\"", "restart: \"sometimes\""),
                mutation(ComposeRule.RESTART_POLICY, defaults, Kit.COMPOSE, "restart: \"unless-stopped\"", "restart: \"always\""),
                mutation(ComposeRule.PORTS, defaults, Kit.COMPOSE, "    expose:", "    ports:\n      - \"8080:8080\"\n    expose:"),
                mutation(ComposeRule.PORTS, defaults, Kit.COMPOSE, "\"80:80\"", "\"80:8080\""),
                mutation(ComposeRule.PORTS, defaults, Kit.NGINX_SITE, "listen 80", "listen 8080"),
                mutation(ComposeRule.READ_ONLY_MOUNTS, defaults, Kit.COMPOSE, "default.conf:ro", "default.conf"),
                mutation(ComposeRule.READ_ONLY_MOUNTS, defaults, Kit.COMPOSE, "./nginx/default.conf:", "./nginx/site.conf:"),
                mutation(ComposeRule.HARDENING, defaults, Kit.COMPOSE, "read_only: true", "read_only: false"),
                mutation(ComposeRule.HARDENING, defaults, Kit.COMPOSE, "      - /tmp", "      - /var/tmp"),
                mutation(ComposeRule.HARDENING, defaults, Kit.COMPOSE, "no-new-privileges:true", "no-new-privileges:false"),
                mutation(ComposeRule.HARDENING, defaults, Kit.COMPOSE, "      - ALL", "      - NET_RAW"),
                mutation(ComposeRule.ENV_FROM_FILE, defaults, Kit.COMPOSE, "    env_file:", "    environment:\n      DB_PASSWORD: hunter2\n    env_file:"),
                mutation(ComposeRule.ENV_FROM_FILE, defaults, Kit.COMPOSE, "- app.env", "- secrets.env"),
                mutation(ComposeRule.ENV_FROM_FILE, defaults, Kit.COMPOSE, "context: ../docker", "context: ../image"),
                mutation(ComposeRule.ENV_ROUND_TRIP, "env-needing-quotes", Kit.APP_ENV, "'pa$$word and $HOME and ${USER}'", "\"pa$$word and $HOME and ${USER}\""),
                mutation(ComposeRule.ENV_ROUND_TRIP, "env-needing-quotes", Kit.APP_ENV, "\\\"b\\\"", "\"b\""),
                mutation(ComposeRule.ENV_ROUND_TRIP, "env-needing-quotes", Kit.APP_ENV, "\"Grüße", "\"Gruesse"),
                mutation(ComposeRule.NO_INTERPOLATION, defaults, Kit.COMPOSE, "image: shop:1.0.0", "image: shop:${TAG}"));
    }


    @Test
    void legacyComposeFileNameIsNoticed(@TempDir Path dir) throws Exception {
        Kit kit = Kit.generate(KitVariant.named("defaults"), dir);
        Files.copy(kit.path(Kit.COMPOSE), kit.path("compose/docker-compose.yml"));
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
        KitVariant variant = KitVariant.named("defaults").with("env", settings -> settings.setMap("env", Map.of("VALUE", value)));
        Kit kit = Kit.generate(variant, dir);
        assertEquals(List.of(), ComposeRule.ENV_ROUND_TRIP.check(kit), () -> kit.read(Kit.APP_ENV));
    }

    /**
     * Line breaks: the plugin documents one-line env values (they must also fit a systemd
     * EnvironmentFile). Either the value reads back exactly, or the setting is refused by
     * name before anything is written; never a file that says something else.
     */
    @ParameterizedTest(name = "[{index}] line break {0}")
    @ValueSource(strings = {"line one\nline two", "windows\r\nline", "trailing\n"})
    void envValueWithLineBreakRoundTripsOrIsRefused(String value, @TempDir Path dir) {
        KitVariant variant = KitVariant.named("defaults").with("env", settings -> settings.setMap("env", Map.of("VALUE", value)));
        try {
            Kit kit = Kit.generate(variant, dir);
            assertEquals(List.of(), ComposeRule.ENV_ROUND_TRIP.check(kit), () -> kit.read(Kit.APP_ENV));
        } catch (InvalidSettingException refused) {
            assertEquals("hosting.env.VALUE", refused.parameter(), refused.getMessage());
            assertFalse(Files.exists(dir.resolve("target/hosting/" + Kit.APP_ENV)), "a refused setting must write nothing");
        }
    }

    /** The env file reader itself, on the examples of the docs' "Syntax for environment files". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedEnvFileExamples")
    void envFileReaderFollowsComposeDocs(String line, String expected) {
        EnvFile.Parsed parsed = EnvFile.parse(line + "\n");
        assertEquals(Map.of("VAR", expected), parsed.values(), line);
    }

    static Stream<Arguments> documentedEnvFileExamples() {
        return Stream.of(
                Arguments.of("VAR=VAL", "VAL"),
                Arguments.of("VAR=\"VAL\"", "VAL"),
                Arguments.of("VAR='VAL'", "VAL"),
                Arguments.of("VAR=VAL # comment", "VAL"),
                Arguments.of("VAR=VAL# not a comment", "VAL# not a comment"),
                Arguments.of("VAR=\"VAL # not a comment\"", "VAL # not a comment"),
                Arguments.of("VAR=\"VAL\" # comment", "VAL"),
                Arguments.of("VAR='$OTHER'", "$OTHER"),
                Arguments.of("VAR='${OTHER}'", "${OTHER}"),
                Arguments.of("VAR='Let\\'s go!'", "Let's go!"),
                Arguments.of("VAR=\"{\\\"hello\\\": \\\"json\\\"}\"", "{\"hello\": \"json\"}"),
                Arguments.of("VAR=\"some\\tvalue\"", "some\tvalue"),
                Arguments.of("VAR='some\\tvalue'", "some\\tvalue"),
                Arguments.of("VAR=some\\tvalue", "some\\tvalue"),
                Arguments.of("VAR=\"a\\nb\"", "a\nb"),
                Arguments.of("VAR=\"$$literal\"", "$literal"),
                Arguments.of("VAR=\"\\$literal\"", "$literal"),
                Arguments.of("export VAR=VAL", "VAL"),
                Arguments.of("VAR=\"multi\nline\"", "multi\nline"));
    }

    @Test
    void envFileReaderReportsInterpolationAndBadSyntax() {
        EnvFile.Parsed parsed = EnvFile.parse("A=\"x $HOME\"\nB=${USER:-me}\nC='$NOT'\n");
        assertEquals(Map.of("A", "x ", "B", "", "C", "$NOT"), parsed.values());
        assertEquals(List.of("A: $HOME", "B: ${USER:-me}"), parsed.interpolated());
        assertThrows(IllegalArgumentException.class, () -> EnvFile.parse("A=\"open\n"));
        assertThrows(IllegalArgumentException.class, () -> EnvFile.parse("A=\"x\" y\n"));
        assertThrows(IllegalArgumentException.class, () -> EnvFile.parse("not an assignment\n"));
        assertTrue(EnvFile.parse("# only a comment\n\n").values().isEmpty());
    }
}
