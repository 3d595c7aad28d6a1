package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.PomFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.hostkit.core.runtime.java.framework.FrameworkSample.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrameworksTest {
    @TempDir
    Path dir;

    @Test
    void hostingFrameworkOverridesWhatThePomShows() {
        FrameworkSample app = FrameworkSample.of(dir, plugin("org.springframework.boot:spring-boot-maven-plugin"),
                Map.of("application.properties", "server.port=8081\nquarkus.http.port=8082\n"),
                new HostingSettings().set("framework", "quarkus"));
        assertEquals("quarkus", app.variable("java.framework.name"));
        assertEquals(8082, app.variable("app.port"), "the port the chosen framework reads");
        assertEquals(List.of("framework quarkus (hosting.framework)"), app.notes());
    }

    @Test
    void twoFrameworksInOnePomMustBeChosenBetween() {
        PomFacts both = new PomFacts(List.of("org.springframework.boot:spring-boot-maven-plugin",
                "io.quarkus:quarkus-maven-plugin"), List.of(), List.of(), List.of());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> FrameworkSample.of(dir, both, Map.of()));
        assertEquals("hosting.framework", e.parameter());
        assertEquals("Invalid value for hosting.framework: (none). The project looks like an app of [spring-boot, quarkus]: "
                + "set hosting.framework to one of them.", e.getMessage());
        assertEquals("spring-boot", FrameworkSample.of(dir.resolve("set"), both, Map.of(),
                new HostingSettings().set("framework", "spring-boot")).variable("java.framework.name"));
    }

    @Test
    void everyFrameworkHasItsOwnVariables() {
        assertEquals(List.of("spring-boot", "quarkus", "micronaut", "plain"), Frameworks.ALL.stream().map(Framework::name).toList());
        assertEquals(4, Frameworks.ALL.stream().map(Framework::portVariable).distinct().count());
        assertEquals(4, Frameworks.ALL.stream().map(Framework::hostVariable).distinct().count());
    }
}
