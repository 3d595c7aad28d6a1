package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.PomFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.hostkit.core.runtime.java.framework.FrameworkSample.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PlainJarTest {
    @TempDir
    Path dir;

    @Test
    void isNeverRecognisedButIsWhatEveryOtherJarIs() {
        assertEquals(Optional.empty(), new PlainJar().detect(plugin("org.springframework.boot:spring-boot-maven-plugin")));
        FrameworkSample app = FrameworkSample.of(dir, plugin("org.apache.maven.plugins:maven-shade-plugin"),
                Map.of("application.properties", "server.port=9000\n"));
        assertEquals("plain", app.variable("java.framework.name"));
        assertEquals("framework plain (no Spring Boot, Quarkus or Micronaut plugin, parent or BOM in the POM)",
                String.join("", app.notes()));
    }

    @Test
    void itsContractIsPortAndBindAddress() {
        FrameworkSample app = FrameworkSample.of(dir, PomFacts.NONE, Map.of("application.properties", "server.port=9000\n"));
        assertEquals("PORT", app.variable("java.framework.portVariable"));
        assertEquals("BIND_ADDRESS", app.variable("java.framework.hostVariable"));
        assertEquals(Map.of(), app.environment());
        assertEquals(Set.of("PORT", "BIND_ADDRESS"), app.refusedEnvNames());
        assertEquals(8080, app.variable("app.port"), "a plain jar's application.properties means nothing to hostkit");
        assertEquals("/", app.variable("app.healthPath"));
    }
}
