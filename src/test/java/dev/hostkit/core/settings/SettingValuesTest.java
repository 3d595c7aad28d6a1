package dev.hostkit.core.settings;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingValuesTest {
    private static final Setting<Integer> PORT = Setting.value("port", ValueType.port(), "`80`", "A port.");
    private static final Setting<Integer> UNUSED = Setting.value("unused", ValueType.port(), "`81`", "Read by no one.");
    private static final Setting<List<String>> TARGETS = Setting.list("targets", "all", "Targets.");
    private static final Setting<Map<String, String>> ENV = Setting.map("env", "none", "Env.");
    private static final List<Setting<?>> DECLARED = List.of(PORT, UNUSED, TARGETS, ENV);

    @Test
    void valuesParseByTheirDeclaration() {
        SettingValues values = SettingValues.parse(new HostingSettings().set("port", " 8080 ")
                .setList("targets", List.of("docker", "host")).setMap("env", Map.of("A", "1")), DECLARED);
        assertEquals(Optional.of(8080), values.get(PORT));
        assertEquals(List.of("docker", "host"), values.list(TARGETS));
        assertEquals(Map.of("A", "1"), values.map(ENV));
        assertTrue(values.isSet(PORT));
        assertFalse(values.isSet(UNUSED));
        assertEquals(81, values.getOr(UNUSED, 81));
    }

    @Test
    void aBlankValueIsNotSet() {
        SettingValues values = SettingValues.parse(new HostingSettings().set("port", " "), DECLARED);
        assertFalse(values.isSet(PORT));
        assertEquals(80, values.getOr(PORT, 80));
    }

    @Test
    void aBadValueFailsEvenWhenNothingReadsIt() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingValues.parse(new HostingSettings().set("unused", "x"), DECLARED));
        assertEquals("Invalid value for hosting.unused: 'x'. Allowed: a TCP port number from 1 to 65535.", e.getMessage());
    }

    @Test
    void aNameNobodyDeclaresFailsWithTheNamesThereAre() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingValues.parse(new HostingSettings().set("prot", "8080"), DECLARED));
        assertEquals("Unknown setting prot: '8080'. Allowed: the settings of the configuration reference: env, port, "
                + "targets, unused.", e.getMessage());
        assertEquals("Unknown setting prot in environment 'dev': '8080'. Allowed: the settings of the configuration "
                + "reference: env, port, targets, unused.", e.inEnvironment("dev").getMessage());
    }

    @Test
    void aSettingIsDeclaredOnce() {
        assertThrows(IllegalStateException.class, () -> SettingValues.parse(new HostingSettings(), List.of(PORT, PORT)));
    }
}
