package dev.hostkit.core.settings;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HostingSettingsTest {

    private static HostingSettings top() {
        return new HostingSettings().set("appName", "shop").set("port", "8080").set("serverName", "shop.example.com")
                .set("tlsPort", "8443").set("instances", "2").setList("targets", List.of("docker", "compose"))
                .setMap("env", Map.of("A", "1", "B", "2", "C", "3")).setMap("values", Map.of("team", "checkout"));
    }

    @Test
    void anEnvironmentsSettingReplacesTheTopLevelOneAndTheRestIsKept() {
        HostingSettings merged = top().overlay(new HostingSettings().set("port", "9090").set("javaCommand", "/opt/java/bin/java"));
        assertEquals("9090", merged.get("port"));
        assertEquals("/opt/java/bin/java", merged.get("javaCommand"));
        assertEquals("shop", merged.get("appName"));
        assertEquals("shop.example.com", merged.get("serverName"));
        assertEquals("8443", merged.get("tlsPort"));
        assertEquals("2", merged.get("instances"));
        assertNull(merged.get("healthPath"));
    }

    @Test
    void anEmptyStringIsASettingOfItsOwn() {
        assertEquals("", top().overlay(new HostingSettings().set("serverName", "")).get("serverName"),
                "an environment can clear the server name");
    }

    @Test
    void mapsMergeKeyByKeyAndAnEmptyValueRemovesTheKey() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("B", "two");
        env.put("C", "");
        env.put("A", null);
        env.put("D", "4");
        HostingSettings merged = top().overlay(new HostingSettings().setMap("env", env).setMap("values", Map.of("zone", "eu")));
        assertEquals(Map.of("B", "two", "D", "4"), merged.getMap("env"));
        assertEquals(Map.of("team", "checkout", "zone", "eu"), merged.getMap("values"));
    }

    @Test
    void targetsAreReplacedOnlyWhenTheEnvironmentHasSome() {
        assertEquals(List.of("docker", "compose"), top().overlay(new HostingSettings()).getList("targets"));
        assertEquals(List.of("host"), top().overlay(new HostingSettings().setList("targets", List.of("host"))).getList("targets"));
    }

    @Test
    void overlayChangesNeitherSide() {
        HostingSettings top = top();
        HostingSettings environment = new HostingSettings().set("port", "9090").setMap("env", Map.of("A", ""));
        HostingSettings merged = top.overlay(environment);
        assertThrows(UnsupportedOperationException.class, () -> merged.getMap("env").put("X", "x"));
        assertThrows(UnsupportedOperationException.class, () -> merged.getList("targets").add("host"));
        assertEquals("8080", top.get("port"));
        assertEquals(Map.of("A", "1", "B", "2", "C", "3"), top.getMap("env"));
        assertEquals(List.of("docker", "compose"), top.getList("targets"));
        assertEquals(Map.of("A", ""), environment.getMap("env"));
    }

    @Test
    void everyNameWithAValueListOrMapIsListedAndNullOrEmptyRemoves() {
        HostingSettings settings = top().set("port", null).setList("targets", List.of()).setMap("values", null);
        assertEquals(java.util.Set.of("appName", "env", "instances", "serverName", "tlsPort"), settings.names());
        assertNull(settings.get("port"));
        assertEquals(List.of(), settings.getList("targets"));
        assertEquals(Map.of(), settings.getMap("values"));
    }
}
