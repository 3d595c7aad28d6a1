package dev.hostkit.core.runtime.java;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.plan.ResolvedKit;
import dev.hostkit.core.runtime.Placement;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.testing.KitResolution;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaRuntimeTest {
    @TempDir
    Path dir;

    private JavaApp resolve(HostingSettings settings, ProjectFacts project) {
        return (JavaApp) KitResolution.resolve(settings, project).context().runtime();
    }

    private JavaApp resolve(HostingSettings settings) {
        return resolve(settings, SampleProject.create(dir).facts());
    }

    private ProjectFacts withRelease(String release) {
        SampleProject project = SampleProject.create(dir);
        return SampleProject.jarProject("shop", dir, project.jar(), List.of(), release);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"1.8, 8", "11, 11", "' 21 ', 21", "NULL, 17", "'', 17"})
    void theReleaseComesFromTheProject(String fromProject, int release) {
        JavaApp app = resolve(new HostingSettings(), withRelease(fromProject));
        assertEquals(release, app.release());
        assertEquals("eclipse-temurin:" + release + "-jre", app.defaultBaseImage());
    }

    @Test
    void aReleaseTheProjectCannotHaveIsExplained() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> resolve(new HostingSettings(), withRelease("1.7")));
        assertEquals("Invalid value for hosting.javaVersion: '7'. Allowed: a Java feature release from 8 to 99, such as 17 or "
                + "21. It was derived from maven.compiler.release/target '1.7'; set hosting.javaVersion.", e.getMessage());
    }

    @Test
    void settingsWin() {
        JavaApp app = resolve(new HostingSettings().set("javaVersion", "21").set("mainClass", "com.example.Other")
                .set("maxRamPercentage", "50").set("javaCommand", "/usr/lib/jvm/java-21/bin/java"), withRelease("11"));
        assertEquals(21, app.release());
        assertEquals("com.example.Other", app.mainClass());
        assertEquals(50, app.maxRamPercentage());
        assertEquals("/usr/lib/jvm/java-21/bin/java", app.command());
    }

    @Test
    void theMainClassComesFromTheManifestUnlessSet() {
        assertEquals("com.example.shop.Main", resolve(new HostingSettings()).mainClass());
        SampleProject noMain = SampleProject.create(dir.resolve("no-main"), null);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> resolve(new HostingSettings(), noMain.facts()));
        assertEquals("hosting.mainClass", e.parameter());
        assertTrue(e.getMessage().contains("The jar shop-1.0.0.jar has no Main-Class; expected a fully qualified class name"),
                e.getMessage());
        assertEquals("com.example.Other", resolve(new HostingSettings().set("mainClass", " com.example.Other "), noMain.facts()).mainClass());
        SampleProject badMain = SampleProject.create(dir.resolve("bad-main"), "com.example.Main; rm -rf /");
        assertTrue(assertThrows(InvalidSettingException.class, () -> resolve(new HostingSettings(), badMain.facts())).getMessage()
                .startsWith("Invalid value for hosting.mainClass: 'com.example.Main; rm -rf /'. Allowed: "));
    }

    @Test
    void theJarMustExistWhenATargetShipsIt() {
        Path missing = dir.resolve("target/missing-1.0.jar");
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> resolve(
                new HostingSettings().setList("targets", List.of("compose")), SampleProject.jarProject("shop", dir, missing, List.of(), "17")));
        assertEquals("hosting.jar", e.parameter());
        assertTrue(e.getMessage().startsWith("Invalid value for hosting.jar: '" + missing + "'. "), e.getMessage());
        assertTrue(e.getMessage().contains("mvn package hosting:generate"), e.getMessage());
    }

    @Test
    void noJarIsNeededWhenNoTargetShipsIt() {
        ProjectFacts unpackaged = SampleProject.jarProject("shop", dir, null, List.of(), "17");
        JavaApp app = (JavaApp) ResolvedKit.resolve(BuiltIns.load(), new HostingSettings().setList("targets", List.of("scripts")),
                unpackaged, List.of("scripts"), Optional.empty()).context().runtime();
        assertNull(app.jar());
        assertEquals("", app.mainClass());
        assertFalse(app.variables().containsKey("jar"));
    }

    @Test
    void theJarAndItsDependenciesShipTheSameInAnImageAndOnAMachine() {
        SampleProject project = SampleProject.create(dir).withDependency("lib-a-1.0.jar").withDependency("lib-b-2.0.jar");
        JavaApp app = resolve(new HostingSettings(), project.facts());
        for (Placement placement : Placement.values()) {
            assertEquals(List.of("kit/shop-1.0.0.jar", "kit/lib/lib-a-1.0.jar", "kit/lib/lib-b-2.0.jar"),
                    app.files(placement, "kit/").stream().map(KitFile::path).toList());
        }
        assertFalse(app.files(Placement.IMAGE, "kit/").stream().anyMatch(file -> !file.isCopy()));
    }

    @Test
    void twoDependenciesWithOneFileNameCannotShareLib() {
        SampleProject project = SampleProject.create(dir).withDependency("a.jar");
        SampleProject other = SampleProject.create(dir.resolve("other")).withDependency("a.jar");
        ProjectFacts facts = SampleProject.jarProject("shop", dir, project.jar(),
                List.of(dir.resolve("repo/a.jar"), other.baseDir().resolve("repo/a.jar")), "17");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> resolve(new HostingSettings(), facts));
        assertTrue(e.getMessage().contains("Two runtime dependencies share the file name a.jar"), e.getMessage());
    }

    @Test
    void theHealthProbeNeedsOnlyBashAndAsksForTheHealthPath() {
        JavaApp app = resolve(new HostingSettings().set("port", "9090").set("healthPath", "/health?full=1"));
        List<String> probe = app.containerProbe();
        assertEquals(List.of("bash", "-c"), probe.subList(0, 2));
        assertEquals(3, probe.size());
        assertTrue(probe.get(2).startsWith("exec 3<>/dev/tcp/127.0.0.1/9090 && printf 'GET %s HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' "
                + "'/health?full=1' >&3"), probe.get(2));
        assertEquals(JavaApp.healthProbe("\"$1\"", "\"$HEALTH_PATH\""), app.variables().get("machineProbe"),
                "install.sh runs the same probe on each instance's port");
        assertEquals("127.0.0.1:9091", app.machineEndpoint(9091));
    }

    /** On a bare machine the heap is a share of the unit's MemoryMax=, as in a container of its limit; no limit, no share. */
    @Test
    void theHostHeapIsAShareOfTheUnitsMemoryLimit() {
        SampleProject limited = SampleProject.create(dir.resolve("limited"));
        limited.generate(new HostingSettings().setList("targets", List.of("host")).set("hostMemoryLimit", "512m")
                .set("maxRamPercentage", "60"));
        String unit = limited.read("host/systemd/shop.service");
        assertTrue(unit.contains("\nMemoryMax=512M\n"), unit);
        assertTrue(unit.contains("\nExecStart=/usr/bin/java -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS "), unit);
        SampleProject unlimited = SampleProject.create(dir.resolve("unlimited"));
        unlimited.generate(new HostingSettings().setList("targets", List.of("host")));
        String plain = unlimited.read("host/systemd/shop.service");
        assertFalse(plain.contains("MemoryMax") || plain.contains("MaxRAMPercentage"),
                "without a limit the JVM's own default (a quarter of the machine) stays: " + plain);
    }
}
