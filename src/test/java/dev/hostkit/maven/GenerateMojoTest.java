package dev.hostkit.maven;

import dev.hostkit.core.FileTree;
import dev.hostkit.core.model.InvalidSettingException;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.SampleProject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The goal as Maven configures it: the harness reads the plugin configuration of a test POM,
 * evaluates expressions against the project {@link #project()} provides, and creates the mojo
 * through the container (constructor injection of KitGenerator and MavenProjectHelper).
 */
@MojoTest
class GenerateMojoTest {
    private static final String GOAL = "generate";

    @TempDir
    static Path projects;

    private SampleProject sample;
    private final RecordingLog log = new RecordingLog();

    /** A fresh project for every test, in its own folder; the harness makes it ${project}. */
    @Provides
    MavenProject project() throws IOException {
        sample = SampleProject.create(Files.createTempDirectory(projects, "shop"));
        return TestProjects.of(sample);
    }

    private GenerateMojo withLog(GenerateMojo mojo) {
        mojo.setLog(log);
        return mojo;
    }

    private MojoFailureException fails(GenerateMojo mojo) {
        return assertThrows(MojoFailureException.class, withLog(mojo)::execute);
    }

    private static void assertStartsWith(String expected, String actual) {
        assertTrue(actual.startsWith(expected), () -> "expected to start with\n" + expected + "\nbut was\n" + actual);
    }

    @Test
    @InjectMojo(goal = GOAL)
    void defaults(GenerateMojo mojo) {
        assertAll(
                () -> assertEquals(sample.baseDir(), mojo.project.getBasedir().toPath()),
                () -> assertEquals(sample.outputDir().toFile(), mojo.outputDirectory),
                () -> assertEquals(sample.templateDir().toFile(), mojo.templateDirectory),
                () -> assertFalse(mojo.skip),
                () -> assertFalse(mojo.overwrite),
                () -> assertNull(mojo.attach),
                () -> assertNull(mojo.environments),
                () -> assertNull(mojo.port));
        HostingSettings settings = mojo.settings();
        assertEquals(List.of(), settings.getTargets());
        assertEquals(Map.of(), settings.getEnv());
        assertEquals(Map.of(), settings.getValues());
        assertNull(settings.getAppName());
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "classpath:/unit/all-parameters/pom.xml")
    void everyParameterReachesTheSettings(GenerateMojo mojo) {
        assertEquals(sample.baseDir().resolve("target/kit").toFile(), mojo.outputDirectory);
        assertEquals(sample.baseDir().resolve("ops/templates").toFile(), mojo.templateDirectory);
        assertTrue(mojo.overwrite);
        assertEquals(false, mojo.attach);
        assertEquals(List.of("prod"), mojo.selectedEnvironments);
        HostingSettings settings = mojo.settings();
        assertAll(
                () -> assertEquals(List.of("docker", "host"), settings.getTargets()),
                () -> assertEquals("web-shop", settings.getAppName()),
                () -> assertEquals("9000", settings.getPort()),
                () -> assertEquals("shop.example.com", settings.getServerName()),
                () -> assertEquals("8081", settings.getListenPort()),
                () -> assertEquals("/actuator/health", settings.getHealthPath()),
                () -> assertEquals("21", settings.getJavaVersion()),
                () -> assertEquals("eclipse-temurin:21-jre-alpine", settings.getBaseImage()),
                () -> assertEquals("com.example.shop.App", settings.getMainClass()),
                () -> assertEquals("nginx:1.27", settings.getNginxImage()),
                () -> assertEquals("25m", settings.getClientMaxBodySize()),
                () -> assertEquals("90", settings.getProxyTimeout()),
                () -> assertEquals("always", settings.getRestartPolicy()),
                () -> assertEquals("60", settings.getMaxRamPercentage()),
                () -> assertEquals("3", settings.getInstances()),
                () -> assertEquals("/srv/shop", settings.getInstallPrefix()),
                () -> assertEquals("/srv/shop/public", settings.getStaticDirectory()),
                () -> assertEquals("/assets/", settings.getStaticPath()),
                () -> assertEquals("/usr/lib/jvm/java-21/bin/java", settings.getJavaCommand()),
                () -> assertEquals("/etc/ssl/shop/fullchain.pem", settings.getTlsCertificate()),
                () -> assertEquals("/etc/ssl/shop/privkey.pem", settings.getTlsCertificateKey()),
                () -> assertEquals("false", settings.getTlsAcme()),
                () -> assertEquals("ops@example.com", settings.getTlsAcmeEmail()),
                () -> assertEquals("/var/www/acme", settings.getTlsAcmeWebroot()),
                () -> assertEquals("8443", settings.getTlsPort()),
                () -> assertEquals("true", settings.getTlsHstsIncludeSubDomains()),
                () -> assertEquals(Map.of("SPRING_PROFILES_ACTIVE", "prod", "GREETING", "hello $USER"), settings.getEnv()),
                () -> assertEquals(Map.of("team", "checkout"), settings.getValues()));
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "classpath:/unit/all-parameters/pom.xml")
    void environmentsAreConfiguredLikeTheTopLevel(GenerateMojo mojo) {
        assertEquals(List.of("prod", "dev"), mojo.environments.stream().map(HostingEnvironment::getName).toList());
        HostingSettings prod = mojo.settings().overlay(mojo.environments.get(0));
        assertEquals("9090", prod.getPort());
        assertEquals(List.of("compose"), prod.getTargets());
        assertEquals(Map.of("SPRING_PROFILES_ACTIVE", "prod", "REGION", "eu"), prod.getEnv(), "an empty value removes the key");
        assertEquals("shop.example.com", prod.getServerName());
        HostingSettings dev = mojo.settings().overlay(mojo.environments.get(1));
        assertEquals("dev.example.com", dev.getServerName());
        assertEquals("9000", dev.getPort());
    }

    @Test
    @InjectMojo(goal = GOAL)
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "port", value = "not even checked")
    void skipWritesNothing(GenerateMojo mojo) throws Exception {
        withLog(mojo).execute();
        assertEquals(List.of("INFO hosting: skipped (hosting.skip=true)"), log.lines);
        assertFalse(Files.exists(sample.outputDir()));
    }

    @Test
    @InjectMojo(goal = GOAL)
    void writesTheKitIntoTheOutputDirectory(GenerateMojo mojo) throws Exception {
        withLog(mojo).execute();
        Map<String, byte[]> kit = FileTree.snapshot(sample.outputDir());
        assertTrue(kit.containsKey("docker/Dockerfile") && kit.containsKey("compose/compose.yaml")
                && kit.containsKey("host/systemd/shop.service") && kit.containsKey("docker/shop-1.0.0.jar"), kit.keySet()::toString);
        assertTrue(sample.read("docker/Dockerfile").contains("FROM eclipse-temurin:21-jre\n"),
                "the Java release comes from maven.compiler.release");
        int files = kit.size() - 1; // without the manifest
        assertEquals(List.of("hosting: wrote " + files + " of " + files + " files (0 unchanged, 0 removed): " + sample.outputDir()),
                log.at("INFO"));
        assertEquals(List.of(), mojo.project.getAttachedArtifacts(), "from the command line nothing is attached");

        log.lines.clear();
        mojo.execute();
        assertEquals(List.of("hosting: kit is up to date, " + files + " files unchanged, nothing written: " + sample.outputDir()),
                log.at("INFO"));
    }

    @Test
    @InjectMojo(goal = GOAL)
    @MojoParameter(name = "port", value = "eighty")
    void aBadValueFailsTheBuildNamingTheParameter(GenerateMojo mojo) {
        MojoFailureException e = fails(mojo);
        assertEquals("hosting: Invalid value for hosting.port: 'eighty'. Allowed: a TCP port number from 1 to 65535.", e.getMessage());
        assertInstanceOf(InvalidSettingException.class, e.getCause());
        assertFalse(Files.exists(sample.outputDir()));
    }

    @Test
    @InjectMojo(goal = GOAL)
    @MojoParameter(name = "targets", value = "docker,kubernetes")
    void anUnknownTargetFailsTheBuild(GenerateMojo mojo) {
        assertStartsWith("hosting: Invalid value for hosting.targets: 'kubernetes'. Allowed: a comma-separated list of ",
                fails(mojo).getMessage());
    }

    @Test
    @InjectMojo(goal = GOAL)
    void aTemplateErrorFailsTheBuildNamingTheTemplate(GenerateMojo mojo) {
        sample.withTemplate("docker/extra.txt.mustache", "{{app.nmae}}\n");
        assertStartsWith("hosting: " + sample.templateDir().resolve("docker/extra.txt.mustache") + ":1: the template reads the variable 'app.nmae'",
                fails(mojo).getMessage());
        assertFalse(Files.exists(sample.outputDir()));
    }

    @Test
    @InjectMojo(goal = GOAL)
    void aFileHostkitDidNotWriteFailsTheBuild(GenerateMojo mojo) throws IOException {
        Path mine = sample.outputDir().resolve("docker/Dockerfile");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "FROM scratch\n");
        String message = fails(mojo).getMessage();
        assertStartsWith("hosting: Nothing was written to " + sample.outputDir(), message);
        assertTrue(message.contains("docker/Dockerfile exists and was not generated by hostkit"), message);
        assertEquals("FROM scratch\n", Files.readString(mine));
    }

    @Test
    @InjectMojo(goal = GOAL)
    @MojoParameter(name = "attach", value = "true")
    @MojoParameter(name = "targets", value = "docker")
    void attachAddsTheKitAsAZip(GenerateMojo mojo) throws Exception {
        withLog(mojo).execute();
        List<Artifact> attached = mojo.project.getAttachedArtifacts();
        assertEquals(1, attached.size(), attached::toString);
        Artifact zip = attached.get(0);
        assertEquals("hosting", zip.getClassifier());
        assertEquals("zip", zip.getType());
        File expected = sample.baseDir().resolve("target/shop-1.0.0-hosting.zip").toFile();
        assertEquals(expected, zip.getFile());
        assertTrue(expected.isFile());
        assertTrue(log.at("INFO").contains("hosting: attached shop-1.0.0-hosting.zip (classifier hosting)"), log.lines::toString);
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "classpath:/unit/environments/pom.xml")
    void eachEnvironmentGetsAKitOfItsOwn(GenerateMojo mojo) throws Exception {
        withLog(mojo).execute();
        assertTrue(sample.read("dev/docker/Dockerfile").contains("EXPOSE 8080\n"));
        assertTrue(sample.read("prod/docker/Dockerfile").contains("EXPOSE 9090\n"));
        assertFalse(Files.exists(sample.outputDir().resolve("docker")), "no top-level kit when environments are declared");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "classpath:/unit/environments/pom.xml")
    @MojoParameter(name = "selectedEnvironments", value = "staging")
    void selectingAnUndeclaredEnvironmentFailsTheBuild(GenerateMojo mojo) {
        assertEquals("hosting: Invalid value for hosting.environments: 'staging'. Allowed: the declared environments dev, prod.",
                fails(mojo).getMessage());
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "classpath:/unit/environments/pom.xml")
    void aBadValueInAnEnvironmentNamesTheEnvironment(GenerateMojo mojo) {
        mojo.environments.get(1).setPort("99999");
        assertStartsWith("hosting: Invalid value for hosting.port in environment 'prod': '99999'. Allowed: ", fails(mojo).getMessage());
    }
}
