package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.PomFacts;
import dev.hostkit.testing.KitResolution;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.hostkit.core.runtime.java.framework.FrameworkSample.bom;
import static dev.hostkit.core.runtime.java.framework.FrameworkSample.parent;
import static dev.hostkit.core.runtime.java.framework.FrameworkSample.plugin;
import static dev.hostkit.core.runtime.java.framework.FrameworkSample.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpringBootTest {
    private static final String PLUGIN = "org.springframework.boot:spring-boot-maven-plugin";
    private static final String ACTUATOR = "org.springframework.boot:spring-boot-starter-actuator";
    private final SpringBoot springBoot = new SpringBoot();

    @TempDir
    Path dir;

    @Test
    void isRecognisedByItsPluginParentOrBom() {
        assertEquals(Optional.of("spring-boot-maven-plugin in the build"), springBoot.detect(plugin(PLUGIN)));
        assertEquals(Optional.of("spring-boot-starter-parent as the parent"),
                springBoot.detect(parent("org.springframework.boot:spring-boot-starter-parent")));
        assertEquals(Optional.of("spring-boot-dependencies as the parent"),
                springBoot.detect(parent("org.springframework.boot:spring-boot-dependencies")));
        assertEquals(Optional.of("the spring-boot-dependencies BOM imported"),
                springBoot.detect(bom("org.springframework.boot:spring-boot-dependencies")));
        assertEquals(Optional.empty(), springBoot.detect(PomFacts.NONE));
        assertEquals(Optional.empty(), springBoot.detect(with(PomFacts.NONE, "org.springframework:spring-web")),
                "a Spring library alone is no Spring Boot app");
    }

    @Test
    void anActuatorAppGetsItsPortFromApplicationPropertiesAndTheReadinessProbe() {
        FrameworkSample app = FrameworkSample.of(dir, with(plugin(PLUGIN), ACTUATOR), Map.of("application.properties",
                "server.port=${PORT:8081}\nserver.servlet.context-path=/shop/\n"));
        assertEquals("spring-boot", app.variable("java.framework.name"));
        assertEquals("SERVER_PORT", app.variable("java.framework.portVariable"));
        assertEquals("SERVER_ADDRESS", app.variable("java.framework.hostVariable"));
        assertEquals(Map.of("SERVER_FORWARD_HEADERS_STRATEGY", "native", "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true"),
                app.environment());
        assertEquals(8081, app.variable("app.port"), "the placeholder's default");
        assertEquals("/shop/actuator/health/readiness", app.variable("app.healthPath"));
        assertEquals(Set.of("SERVER_PORT", "SERVER_ADDRESS", "SERVER_FORWARD_HEADERS_STRATEGY",
                "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED"), app.refusedEnvNames());
        assertEquals("framework spring-boot (spring-boot-maven-plugin in the build)", String.join("", app.notes()));
    }

    @Test
    void withoutTheActuatorTheProbeAsksForTheContextPathsRoot() {
        FrameworkSample app = FrameworkSample.of(dir, plugin(PLUGIN), Map.of("application.yml",
                "server:\n  port: 9001\n  servlet:\n    context-path: /api\n"));
        assertEquals(9001, app.variable("app.port"));
        assertEquals("/api/", app.variable("app.healthPath"));
        assertEquals(Map.of("SERVER_FORWARD_HEADERS_STRATEGY", "native"), app.environment(),
                "no probes group without the actuator");
    }

    @Test
    void theActuatorsOwnBasePathOrPortChangeTheProbe() {
        assertEquals("/ops/health/readiness", FrameworkSample.of(dir.resolve("base"), with(plugin(PLUGIN), ACTUATOR),
                Map.of("application.properties", "management.endpoints.web.base-path=/ops\n")).variable("app.healthPath"));
        assertEquals("/", FrameworkSample.of(dir.resolve("port"), with(plugin(PLUGIN), ACTUATOR),
                Map.of("application.properties", "management.server.port=9090\n")).variable("app.healthPath"),
                "the actuator on a port of its own is not what nginx reaches");
    }

    @Test
    void hostingSettingsWin() {
        FrameworkSample app = FrameworkSample.of(dir, with(plugin(PLUGIN), ACTUATOR), Map.of("application.properties",
                "server.port=8081\n"), new HostingSettings().set("port", "7000").set("healthPath", "/ping"));
        assertEquals(7000, app.variable("app.port"));
        assertEquals("/ping", app.variable("app.healthPath"));
    }

    @Test
    void itsVariablesAreNoEnvEntries() {
        SampleProject project = SampleProject.create(dir).withPom(plugin(PLUGIN)).repackagedBySpringBoot();
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> KitResolution.variables(
                new HostingSettings().setMap("env", Map.of("SERVER_FORWARD_HEADERS_STRATEGY", "none")), project.facts()));
        assertEquals("hosting.env", e.parameter());
        assertEquals("Invalid value for hosting.env: 'SERVER_FORWARD_HEADERS_STRATEGY'. Allowed: names of variables the kit "
                + "does not set itself (SERVER_ADDRESS, SERVER_FORWARD_HEADERS_STRATEGY, SERVER_PORT). hostkit sets "
                + "SERVER_FORWARD_HEADERS_STRATEGY from hosting.framework (spring-boot behind nginx): set that instead.",
                e.getMessage());
    }

    /** Spring's repackaged jar holds its dependencies: the kit ships it alone, not beside a lib/ of the same jars. */
    @Test
    void aRepackagedJarIsShippedWithoutALibFolder() {
        SampleProject project = SampleProject.create(dir).withPom(plugin(PLUGIN)).withDependency("spring-web-6.1.jar")
                .repackagedBySpringBoot();
        project.generate(new HostingSettings().setList("targets", List.of("docker", "host")));
        assertTrue(Files.isRegularFile(project.outputDir().resolve("host/app/shop-1.0.0.jar")));
        assertFalse(Files.exists(project.outputDir().resolve("host/app/lib")), "no lib/ beside the executable jar");
        assertFalse(Files.exists(project.outputDir().resolve("docker/lib")));
        assertFalse(project.read("docker/Dockerfile").contains("COPY lib/"));
    }

    /** Declared before spring-boot-maven-plugin, hostkit would see the plain jar: a clear error says where to declare it. */
    @Test
    void aPlainJarOfABuildThatRepackagesIsRefusedNamingThePluginOrder() {
        SampleProject project = SampleProject.create(dir).withPom(plugin(PLUGIN)).withDependency("spring-web-6.1.jar");
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> project.generate(new HostingSettings()));
        assertEquals("Invalid value for hosting.jar: 'shop-1.0.0.jar'. Allowed: a jar that spring-boot-maven-plugin has "
                + "repackaged. hostkit ran before it: declare hosting-maven-plugin after spring-boot-maven-plugin in "
                + "<build><plugins> (both run in the package phase, in the POM's order), or run hosting:generate after the "
                + "package phase.", e.getMessage());
        assertFalse(Files.exists(project.outputDir()), "nothing written");
    }

    /** Without the plugin (a BOM only), the plain jar and its lib/ are shipped, spring-boot-devtools left out as repackage does. */
    @Test
    void devtoolsNeverReachesTheKit() {
        SampleProject project = SampleProject.create(dir).withPom(bom("org.springframework.boot:spring-boot-dependencies"))
                .withDependency("spring-web-6.1.jar").withDependency("spring-boot-devtools-3.3.5.jar");
        project.generate(new HostingSettings().setList("targets", List.of("host")));
        assertTrue(Files.isRegularFile(project.outputDir().resolve("host/app/lib/spring-web-6.1.jar")));
        assertFalse(Files.exists(project.outputDir().resolve("host/app/lib/spring-boot-devtools-3.3.5.jar")));
    }
}
