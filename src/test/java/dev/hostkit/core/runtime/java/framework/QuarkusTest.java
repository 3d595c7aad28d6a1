package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.PomFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.hostkit.core.runtime.java.framework.FrameworkSample.bom;
import static dev.hostkit.core.runtime.java.framework.FrameworkSample.plugin;
import static dev.hostkit.core.runtime.java.framework.FrameworkSample.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class QuarkusTest {
    private static final String PLUGIN = "io.quarkus.platform:quarkus-maven-plugin";
    private final Quarkus quarkus = new Quarkus();

    @TempDir
    Path dir;

    @Test
    void isRecognisedByItsPluginOrBom() {
        assertEquals(Optional.of("quarkus-maven-plugin in the build"), quarkus.detect(plugin(PLUGIN)));
        assertEquals(Optional.of("quarkus-maven-plugin in the build"), quarkus.detect(plugin("io.quarkus:quarkus-maven-plugin")));
        assertEquals(Optional.of("the quarkus-bom BOM imported"), quarkus.detect(bom("io.quarkus.platform:quarkus-bom")));
        assertEquals(Optional.empty(), quarkus.detect(PomFacts.NONE));
    }

    @Test
    void anAppWithSmallRyeHealthIsProbedForReadinessUnderItsRootPath() {
        FrameworkSample app = FrameworkSample.of(dir, with(plugin(PLUGIN), "io.quarkus:quarkus-smallrye-health"),
                Map.of("application.properties", "quarkus.http.port=8090\nquarkus.http.root-path=/shop\n"));
        assertEquals("quarkus", app.variable("java.framework.name"));
        assertEquals("QUARKUS_HTTP_PORT", app.variable("java.framework.portVariable"));
        assertEquals("QUARKUS_HTTP_HOST", app.variable("java.framework.hostVariable"));
        assertEquals(Map.of("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true", "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST", "true"),
                app.environment());
        assertEquals(8090, app.variable("app.port"));
        assertEquals("/shop/q/health/ready", app.variable("app.healthPath"));
        assertEquals(Set.of("QUARKUS_HTTP_PORT", "QUARKUS_HTTP_HOST", "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",
                "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST"), app.refusedEnvNames());
    }

    @Test
    void withoutSmallRyeHealthTheProbeAsksForTheRoot() {
        FrameworkSample app = FrameworkSample.of(dir, plugin(PLUGIN), Map.of());
        assertEquals(8080, app.variable("app.port"));
        assertEquals("/", app.variable("app.healthPath"));
        assertEquals("framework quarkus (quarkus-maven-plugin in the build)", String.join("", app.notes()));
    }
}
