package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.PomFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.hostkit.core.runtime.java.framework.FrameworkSample.parent;
import static dev.hostkit.core.runtime.java.framework.FrameworkSample.plugin;
import static dev.hostkit.core.runtime.java.framework.FrameworkSample.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MicronautTest {
    private final Micronaut micronaut = new Micronaut();

    @TempDir
    Path dir;

    @Test
    void isRecognisedByItsPluginOrParent() {
        assertEquals(Optional.of("micronaut-maven-plugin in the build"),
                micronaut.detect(plugin("io.micronaut.maven:micronaut-maven-plugin")));
        assertEquals(Optional.of("micronaut-parent as the parent"), micronaut.detect(parent("io.micronaut.platform:micronaut-parent")));
        assertEquals(Optional.of("micronaut-parent as the parent"), micronaut.detect(parent("io.micronaut:micronaut-parent")));
        assertEquals(Optional.empty(), micronaut.detect(PomFacts.NONE));
    }

    @Test
    void anAppWithManagementIsProbedOnHealthAndResolvesItsHostFromNginxsHeaders() {
        FrameworkSample app = FrameworkSample.of(dir, with(parent("io.micronaut.platform:micronaut-parent"),
                "io.micronaut:micronaut-management"), Map.of("application.yml", "micronaut:\n  server:\n    port: 8095\n"));
        assertEquals("micronaut", app.variable("java.framework.name"));
        assertEquals("MICRONAUT_SERVER_PORT", app.variable("java.framework.portVariable"));
        assertEquals("MICRONAUT_SERVER_HOST", app.variable("java.framework.hostVariable"));
        assertEquals(Map.of("MICRONAUT_SERVER_HOST_RESOLUTION_HOST_HEADER", "X-Forwarded-Host",
                "MICRONAUT_SERVER_HOST_RESOLUTION_PROTOCOL_HEADER", "X-Forwarded-Proto",
                "MICRONAUT_SERVER_HOST_RESOLUTION_PORT_HEADER", "X-Forwarded-Port"), app.environment());
        assertEquals(8095, app.variable("app.port"));
        assertEquals("/health", app.variable("app.healthPath"));
        assertEquals(Set.of("MICRONAUT_SERVER_PORT", "MICRONAUT_SERVER_HOST", "MICRONAUT_SERVER_HOST_RESOLUTION_HOST_HEADER",
                "MICRONAUT_SERVER_HOST_RESOLUTION_PROTOCOL_HEADER", "MICRONAUT_SERVER_HOST_RESOLUTION_PORT_HEADER"),
                app.refusedEnvNames());
        assertEquals("framework micronaut (micronaut-parent as the parent)", String.join("", app.notes()));
    }

    @Test
    void withoutManagementTheProbeAsksForTheContextPathsRoot() {
        FrameworkSample app = FrameworkSample.of(dir, plugin("io.micronaut.maven:micronaut-maven-plugin"),
                Map.of("application.properties", "micronaut.server.context-path=/mn\n"));
        assertEquals("/mn/", app.variable("app.healthPath"));
    }
}
