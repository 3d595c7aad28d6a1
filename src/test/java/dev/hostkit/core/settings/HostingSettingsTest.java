package dev.hostkit.core.settings;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HostingSettingsTest {

    private static HostingSettings top() {
        return new HostingSettings().setAppName("shop").setPort("8080").setServerName("shop.example.com")
                .setTlsPort("8443").setInstances("2").setTargets(List.of("docker", "compose"))
                .setEnv(Map.of("A", "1", "B", "2", "C", "3")).setValues(Map.of("team", "checkout"));
    }

    @Test
    void anEnvironmentsSettingReplacesTheTopLevelOneAndTheRestIsKept() {
        HostingSettings merged = top().overlay(new HostingEnvironment().setPort("9090").setJavaCommand("/opt/java/bin/java"));
        assertEquals("9090", merged.getPort());
        assertEquals("/opt/java/bin/java", merged.getJavaCommand());
        assertEquals("shop", merged.getAppName());
        assertEquals("shop.example.com", merged.getServerName());
        assertEquals("8443", merged.getTlsPort());
        assertEquals("2", merged.getInstances());
        assertNull(merged.getHealthPath());
    }

    @Test
    void anEmptyStringIsASettingOfItsOwn() {
        assertEquals("", top().overlay(new HostingEnvironment().setServerName("")).getServerName(),
                "an environment can clear the server name");
    }

    @Test
    void mapsMergeKeyByKeyAndAnEmptyValueRemovesTheKey() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("B", "two");
        env.put("C", "");
        env.put("A", null);
        env.put("D", "4");
        HostingSettings merged = top().overlay(new HostingEnvironment().setEnv(env).setValues(Map.of("zone", "eu")));
        assertEquals(Map.of("B", "two", "D", "4"), merged.getEnv());
        assertEquals(Map.of("team", "checkout", "zone", "eu"), merged.getValues());
    }

    @Test
    void targetsAreReplacedOnlyWhenTheEnvironmentHasSome() {
        assertEquals(List.of("docker", "compose"), top().overlay(new HostingEnvironment()).getTargets());
        assertEquals(List.of("host"), top().overlay(new HostingEnvironment().setTargets(List.of("host"))).getTargets());
    }

    @Test
    void overlayChangesNeitherSide() {
        HostingSettings top = top();
        HostingEnvironment environment = new HostingEnvironment().setName("prod");
        environment.setPort("9090").setEnv(Map.of("A", ""));
        HostingSettings merged = top.overlay(environment);
        merged.getEnv().put("X", "x");
        merged.getTargets().add("host");
        assertEquals("8080", top.getPort());
        assertEquals(Map.of("A", "1", "B", "2", "C", "3"), top.getEnv());
        assertEquals(List.of("docker", "compose"), top.getTargets());
        assertEquals(Map.of("A", ""), environment.getEnv());
        assertEquals("prod", environment.getName());
    }
}
