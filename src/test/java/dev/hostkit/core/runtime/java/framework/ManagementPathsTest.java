package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.PomFacts;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.hostkit.core.runtime.java.framework.FrameworkSample.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The management endpoints nginx hides, from the framework and the app's own configuration, and
 * the paths hosting.publicManagementPaths opens; the site's locations for them.
 */
class ManagementPathsTest {
    private static final PomFacts SPRING_BOOT = plugin("org.springframework.boot:spring-boot-maven-plugin");
    private static final PomFacts QUARKUS = plugin("io.quarkus.platform:quarkus-maven-plugin");

    @TempDir
    Path dir;

    private Object managementPaths(PomFacts pom, String properties) {
        return FrameworkSample.of(dir, pom, Map.of("application.properties", properties))
                .variable("java.framework.managementPaths");
    }

    /** Spring Boot's actuator base path under its context path; Quarkus' non-application root under its root path. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "spring | '' | /actuator",
            "spring | server.servlet.context-path=/shop | /shop/actuator",
            "spring | management.endpoints.web.base-path=/ops | /ops",
            "spring | server.servlet.context-path=/shop\\nmanagement.endpoints.web.base-path=manage/ | /shop/manage",
            "spring | management.endpoints.web.base-path=/ | ''",
            "spring | management.server.port=9090 | ''",
            "quarkus | '' | /q",
            "quarkus | quarkus.http.root-path=/shop | /shop/q",
            "quarkus | quarkus.http.non-application-root-path=manage | /manage",
            "quarkus | quarkus.http.root-path=/shop\\nquarkus.http.non-application-root-path=/ops | /ops",
            "quarkus | quarkus.http.non-application-root-path=/ | ''"})
    void theManagementEndpointsFollowTheAppsConfiguration(String framework, String properties, String hidden) {
        assertEquals(hidden.isEmpty() ? List.of() : List.of(hidden), managementPaths(framework.equals("spring") ? SPRING_BOOT
                : QUARKUS, properties.replace("\\n", "\n")));
    }

    @Test
    void quarkusProbesReadinessUnderItsNonApplicationRoot() {
        assertEquals("/manage/health/ready", FrameworkSample.of(dir, FrameworkSample.with(QUARKUS, "io.quarkus:quarkus-smallrye-health"),
                Map.of("application.properties", "quarkus.http.non-application-root-path=manage\n")).variable("app.healthPath"));
        assertEquals("/", FrameworkSample.of(dir.resolve("own-port"), FrameworkSample.with(QUARKUS,
                "io.quarkus:quarkus-smallrye-health"), Map.of("application.properties", "quarkus.management.enabled=true\n"))
                .variable("app.healthPath"), "the management interface's port is not the one the probes ask");
    }

    @Test
    void aPlainJarAndMicronautHideNothing() {
        assertEquals(List.of(), managementPaths(PomFacts.NONE, ""));
        assertEquals(List.of(), managementPaths(plugin("io.micronaut.maven:micronaut-maven-plugin"), ""));
    }

    @Test
    void theSiteAnswers404ForTheActuatorAndPassesTheOpenedPathOn() {
        SampleProject project = SampleProject.create(dir).withPom(SPRING_BOOT).repackagedBySpringBoot();
        project.generate(new HostingSettings().setList("targets", List.of("host"))
                .setList("publicManagementPaths", List.of("/actuator/health/", "/actuator/info,/actuator/health")));
        String site = project.read("host/nginx/shop.conf");
        assertTrue(site.contains("""
                    location ~ "^/actuator(?:[/;]|$)" {
                        # /actuator/health: public on purpose (hosting.publicManagementPaths).
                        location ~ "^/actuator/health(?:$|/(?!\\.)(?!.*/\\.)[A-Za-z0-9._~/-]*$)" {
                            proxy_pass http://shop_app;
                """), site);
        assertTrue(site.contains("location ~ \"^/actuator/info(?:$|/"), site);
        assertTrue(site.contains("""
                        return 404;
                    }

                    location / {
                """), site);
    }

    @Test
    void aPlainJarsSiteHasNoPrivateLocation() {
        SampleProject project = SampleProject.create(dir);
        project.generate(new HostingSettings().setList("targets", List.of("host")));
        assertFalse(project.read("host/nginx/shop.conf").contains("return 404"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/health | /health",
            "/actuatorx | /actuatorx",
            "/actuator/../env | /actuator/../env",
            "/actuator/he alth | /actuator/he alth",
            "/actuator/.env | /actuator/.env",
            "actuator/health | actuator/health"})
    void aPathOutsideTheActuatorIsRefusedAndNothingIsWritten(String value, String named) {
        SampleProject project = SampleProject.create(dir).withPom(SPRING_BOOT).repackagedBySpringBoot();
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> project.generate(
                new HostingSettings().setList("publicManagementPaths", List.of(value))));
        assertEquals("Invalid value for hosting.publicManagementPaths: '" + named + "'. Allowed: comma-separated paths of "
                + "letters, digits and . _ ~ - under /actuator (the management endpoints nginx hides), such as "
                + "/actuator/health.", e.getMessage());
        assertFalse(Files.exists(project.outputDir()), "nothing written");
    }

    @Test
    void aFrameworkWithoutManagementEndpointsOpensNone() {
        SampleProject project = SampleProject.create(dir);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> project.generate(
                new HostingSettings().setList("publicManagementPaths", List.of("/actuator/health"))));
        assertEquals("Invalid value for hosting.publicManagementPaths: '/actuator/health'. Allowed: none. The plain app "
                + "has no management endpoints on its own port for nginx to hide.", e.getMessage());
    }
}
