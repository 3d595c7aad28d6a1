package dev.hostkit.core.model;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.SettingValues;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NginxTest {
    private static Nginx resolve(HostingSettings settings) {
        return Nginx.resolve(SettingValues.parse(settings, BuiltIns.load().kitSettings()));
    }

    @Test
    void defaults() {
        assertEquals(new Nginx(Optional.empty(), 80, "10m", 60, "/static/", true), resolve(new HostingSettings()));
    }

    @Test
    void settingsWin() {
        assertEquals(new Nginx(Optional.of("*.example.com"), 8081, "1g", 120, "/assets/img/", false), resolve(new HostingSettings()
                .set("serverName", "*.example.com").set("listenPort", "8081").set("clientMaxBodySize", "1g")
                .set("proxyTimeout", "120").set("staticPath", "/assets/img/").set("ipv6", "false")));
    }

    @Test
    void aTooLongServerNameSaysSo() {
        String name = "a".repeat(250) + ".com";
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> resolve(new HostingSettings().set("serverName", name)));
        assertEquals("Invalid value for hosting.serverName: '" + name + "'. Allowed: a host name of at most 253 characters.",
                e.getMessage());
    }

    @Test
    void theConfigNamesComeFromTheAppNameAndCannotReadAsRegexCaptures() {
        Map<String, Object> vars = resolve(new HostingSettings()).variables(new App("2048-web", "1", 8080, "/"));
        assertEquals("2048_web_app", vars.get("upstream"));
        assertEquals("connection_upgrade_2048_web", vars.get("connectionUpgrade"));
        assertFalse(vars.containsKey("serverName"), "no server name: a section tests for it");
    }
}
