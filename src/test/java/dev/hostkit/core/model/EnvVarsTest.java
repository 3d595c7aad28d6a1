package dev.hostkit.core.model;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.SettingValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The app's environment ({@code <env>}) and the templates' free values ({@code <values>}). */
class EnvVarsTest {
    private static SettingValues settings(String map, Map<String, String> entries) {
        return SettingValues.parse(new HostingSettings().setMap(map, entries), BuiltIns.load().kitSettings());
    }

    /** A map that, unlike Map.of, holds null values, in insertion order. */
    private static Map<String, String> mapOf(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void envIsSortedAndKeepsWhatEveryKitFileCanHold() {
        EnvVars env = EnvVars.resolve(settings("env", mapOf("ZED", "tab\there", "A_1", "$HOME", "_quoted",
                "say \"hi\" it's \\ fine", "EMPTY", null)));
        assertEquals(List.of("A_1", "EMPTY", "ZED", "_quoted"), List.copyOf(env.variables().keySet()));
        assertEquals("", env.variables().get("EMPTY"));
        assertEquals("say \"hi\" it's \\ fine", env.variables().get("_quoted"));
    }

    @Test
    void eachVariableIsQuotedForEachSyntax() {
        Map<String, Object> entry = EnvVars.resolve(settings("env", Map.of("GREETING", "it's $5"))).variablesList().get(0);
        assertEquals(Map.of("name", "GREETING", "value", "it's $5", "composeEnvFile", "'it\\'s $5'", "yaml", "\"it's $$5\"",
                "shell", "'it'\\''s $5'", "systemd", "\"it's \\$5\""), entry);
    }

    @ParameterizedTest
    @CsvSource({"BAD-NAME", "1X", "'A B'", "'X='", "''"})
    void badEnvNames(String name) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> EnvVars.resolve(settings("env", Map.of(name, "v"))));
        assertEquals("Invalid value for hosting.env: '" + name + "'. Allowed: environment variable names matching "
                + "[A-Za-z_][A-Za-z0-9_]*.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0001b", "two\nlines", "cr\rhere", "price $5 ends in \\", "$X\\'quoted"})
    void badEnvValuesNameTheVariable(String value) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> EnvVars.resolve(settings("env", Map.of("GREETING", value))));
        assertEquals("hosting.env.GREETING", e.parameter());
        assertEquals(e.getMessage().substring(e.getMessage().indexOf(". Allowed: ") + 2), "Allowed: one line of text without "
                + "control characters other than tab; a value with '$' cannot also have a backslash before a quote or at "
                + "its end (compose env file).");
    }

    @Test
    void valueKeysMustBeTemplateNamesAndValuesAreSorted() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> TemplateValues.resolve(settings("values", Map.of("a.b", "x"))));
        assertEquals("Invalid value for hosting.values: 'a.b'. Allowed: keys matching [A-Za-z_][A-Za-z0-9_]* (templates "
                + "read them as {{values.KEY}}).", e.getMessage());
        TemplateValues values = TemplateValues.resolve(settings("values", mapOf("zone", "eu-1", "Owner", "ops", "none", null)));
        assertEquals(List.of("Owner", "none", "zone"), List.copyOf(values.entries().keySet()));
        assertEquals("", values.entries().get("none"));
    }

    @Test
    void aVariableTheKitSetsIsRefusedWithWhatSetsIt() {
        EnvVars env = EnvVars.resolve(settings("env", Map.of("GREETING", "hi", "PORT", "9000")));
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> env.refuseOverrides(Map.of("PORT", "hosting.port", "OTHER", "hosting.other")));
        assertEquals("Invalid value for hosting.env: 'PORT'. Allowed: names of variables the kit does not set itself (OTHER, "
                + "PORT). hostkit sets PORT from hosting.port: set that instead.", e.getMessage());
        env.refuseOverrides(Map.of("OTHER", "hosting.other"));
    }
}
