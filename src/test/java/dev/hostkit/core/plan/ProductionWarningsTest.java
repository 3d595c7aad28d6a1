package dev.hostkit.core.plan;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionWarningsTest {
    @TempDir
    Path dir;

    private List<String> warnings(String environment, HostingSettings settings) {
        ResolvedKit kit = ResolvedKit.resolve(BuiltIns.load(), settings, SampleProject.create(dir).facts(), List.of(),
                Optional.of(environment));
        return ProductionWarnings.of(Optional.of(environment), kit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "production", "live", "prod-eu", "eu-prod", "PROD"})
    void namesThatLookLikeProduction(String name) {
        assertTrue(ProductionWarnings.looksLikeProduction(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "product", "preprod", "delivery", "olive"})
    void namesThatDoNot(String name) {
        assertFalse(ProductionWarnings.looksLikeProduction(name));
    }

    @Test
    void aBareProductionKitGetsEveryWarning() {
        assertEquals(List.of("no serverName: nginx answers any Host header",
                "HTTPS is off: set tlsAcme, or tlsCertificate and tlsCertificateKey",
                "one instance on the machine: every restart is an outage (set instances to 2 or more)",
                "env DEBUG=True: debug mode shows internals to every visitor"),
                warnings("prod", new HostingSettings().setMap("env", Map.of("DEBUG", "True"))));
    }

    @Test
    void aLocalhostServerNameIsOneToo() {
        assertEquals("serverName is localhost, which no client elsewhere can reach",
                warnings("live", new HostingSettings().set("serverName", "localhost")).get(0));
    }

    @Test
    void aProperProductionKitGetsNone() {
        assertEquals(List.of(), warnings("prod", new HostingSettings().set("serverName", "shop.example.com")
                .set("tlsAcme", "true").set("instances", "2").setMap("env", Map.of("DJANGO_DEBUG", "false"))));
        assertEquals(List.of(), warnings("prod", new HostingSettings().set("serverName", "shop.example.com")
                .set("tlsAcme", "true").setList("targets", List.of("compose"))), "no host target: no instance count");
    }

    @Test
    void otherEnvironmentsAreNotJudged() {
        assertEquals(List.of(), warnings("dev", new HostingSettings().setMap("env", Map.of("DEBUG", "1"))));
    }
}
