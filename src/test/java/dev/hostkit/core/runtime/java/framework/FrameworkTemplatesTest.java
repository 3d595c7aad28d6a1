package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.hostkit.core.runtime.java.framework.FrameworkSample.plugin;
import static dev.hostkit.core.runtime.java.framework.FrameworkSample.with;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The framework's variables in the rendered kit: the image sets the port and the proxy variables
 * and binds all interfaces; the machine's unit gives each instance its port (%i), loopback and
 * the same proxy variables; the host README states the contract.
 */
class FrameworkTemplatesTest {
    @TempDir
    Path dir;

    private static void assertContains(String expected, String file) {
        assertTrue(file.contains(expected), () -> "expected\n" + expected + "\nin\n" + file);
    }

    @Test
    void aSpringBootKitSetsItsVariablesInTheImageAndInEachInstance() {
        SampleProject project = SampleProject.create(dir).withPom(with(plugin("org.springframework.boot:spring-boot-maven-plugin"),
                "org.springframework.boot:spring-boot-starter-actuator")).repackagedBySpringBoot();
        project.generate(new HostingSettings().set("instances", "2"));
        String dockerfile = project.read("docker/Dockerfile");
        assertContains("ENV SERVER_PORT=8080 \\\n    MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true \\\n"
                + "    SERVER_FORWARD_HEADERS_STRATEGY=native \\\n    JAVA_OPTS=\"\"\n", dockerfile);
        assertFalse(dockerfile.contains("SERVER_ADDRESS"), "a container binds all interfaces");
        assertContains("/actuator/health/readiness", dockerfile);
        assertContains("\nEnvironment=SERVER_PORT=%i\nEnvironment=SERVER_ADDRESS=127.0.0.1\n"
                + "Environment=MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true\nEnvironment=SERVER_FORWARD_HEADERS_STRATEGY=native\n",
                project.read("host/systemd/shop@.service"));
        assertContains("the\nport in `$SERVER_PORT` and the address in `$SERVER_ADDRESS` (`127.0.0.1`", project.read("host/README.md"));
    }

    @Test
    void aPlainJarKeepsPortInItsImageAndBindsLoopbackOnAMachine() {
        SampleProject project = SampleProject.create(dir);
        project.generate(new HostingSettings());
        assertContains("\nENV PORT=8080 \\\n    JAVA_OPTS=\"\"\n", project.read("docker/Dockerfile"));
        assertContains("\nEnvironment=PORT=8080\nEnvironment=BIND_ADDRESS=127.0.0.1\n# $JAVA_OPTS", project.read("host/systemd/shop.service"));
        assertContains("`$PORT` and the address in `$BIND_ADDRESS`", project.read("host/README.md"));
    }
}
