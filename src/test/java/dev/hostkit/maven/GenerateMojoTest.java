package dev.hostkit.maven;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.FileTree;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
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
                () -> assertNull(mojo.skip),
                () -> assertNull(mojo.overwrite),
                () -> assertNull(mojo.attach),
                () -> assertNull(mojo.environments),
                () -> assertNull(mojo.port));
        assertEquals(java.util.Set.of(), mojo.settings().names());
        assertEquals(List.of(), mojo.environments());
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "classpath:/unit/all-parameters/pom.xml")
    void everyDeclaredSettingReachesTheSettingsFromItsParameter(GenerateMojo mojo) {
        assertEquals(sample.baseDir().resolve("target/kit").toFile(), mojo.outputDirectory);
        assertEquals(sample.baseDir().resolve("ops/templates").toFile(), mojo.templateDirectory);
        assertEquals("true", mojo.overwrite);
        assertEquals("false", mojo.attach);
        assertEquals(List.of("prod"), mojo.selectedEnvironments);
        HostingSettings settings = mojo.settings();
        for (Setting<?> setting : BuiltIns.load().kitSettings()) {
            assertTrue(settings.names().contains(setting.name()), () -> setting + " is set in the POM but not in " + settings);
        }
        assertAll(
                () -> assertEquals(List.of("docker", "host"), settings.getList("targets")),
                () -> assertEquals("9000", settings.get("port")),
                () -> assertEquals("hosting.tls.port", BuiltIns.load().kitSettings().stream()
                        .filter(setting -> setting.name().equals("tlsPort")).findFirst().orElseThrow().label()),
                () -> assertEquals("8443", settings.get("tlsPort")),
                () -> assertEquals("4", settings.get("workers")),
                () -> assertEquals(Map.of("SPRING_PROFILES_ACTIVE", "prod", "GREETING", "hello $USER"), settings.getMap("env")),
                () -> assertEquals(Map.of("team", "checkout"), settings.getMap("values")));
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "classpath:/unit/all-parameters/pom.xml")
    void environmentsAreReadByTheDeclaredSettings(GenerateMojo mojo) {
        List<HostingEnvironment> environments = mojo.environments();
        assertEquals(List.of("prod", "dev"), environments.stream().map(HostingEnvironment::name).toList());
        HostingSettings prod = mojo.settings().overlay(environments.get(0).settings());
        assertEquals("9090", prod.get("port"));
        assertEquals(List.of("compose"), prod.getList("targets"), "one element per target");
        assertEquals(Map.of("SPRING_PROFILES_ACTIVE", "prod", "REGION", "eu"), prod.getMap("env"), "an empty value removes the key");
        assertEquals("shop.example.com", prod.get("serverName"));
        HostingSettings dev = mojo.settings().overlay(environments.get(1).settings());
        assertEquals("dev.example.com", dev.get("serverName"));
        assertEquals("shop-dev", dev.get("namespace"), "the kubernetes target's settings differ by environment too");
        assertEquals("2", dev.get("minReplicas"));
        assertEquals("9", dev.get("maxReplicas"));
        assertEquals("shop-prod", prod.get("namespace"));
        assertEquals("9000", dev.get("port"));
        assertEquals(List.of("docker,host"), dev.getList("targets"), "a comma list, split when the targets are chosen");
        assertEquals(Map.of("team", "checkout", "owner", "shop-team"), dev.getMap("values"), "${...} evaluated");
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
    @MojoParameter(name = "skip", value = "yes")
    void aBooleanIsTrueOrFalseNothingElse(GenerateMojo mojo) {
        assertEquals("hosting: Invalid value for hosting.skip: 'yes'. Allowed: true or false.", fails(mojo).getMessage());
        assertFalse(Files.exists(sample.outputDir()));
    }

    @Test
    @InjectMojo(goal = GOAL)
    @MojoParameter(name = "overwrite", value = "1")
    void overwriteIsStrictToo(GenerateMojo mojo) {
        assertEquals("hosting: Invalid value for hosting.overwrite: '1'. Allowed: true or false.", fails(mojo).getMessage());
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
        List<String> info = log.at("INFO");
        assertEquals("hosting: framework plain (no Spring Boot, Quarkus or Micronaut plugin, parent or BOM in the POM)", info.get(0),
                "what the runtime recognised comes first");
        assertEquals(List.of("hosting:   compose: 3 written, 0 unchanged, 0 removed", "hosting:   docker: 3 written, 0 unchanged, 0 removed",
                "hosting:   host: " + (files - 6) + " written, 0 unchanged, 0 removed"), info.subList(1, 4), "a line per target");
        assertTrue(info.get(4).matches("hosting: wrote " + files + " of " + files + " files \\(0 unchanged, 0 removed\\) in \\d+ ms: "
                + java.util.regex.Pattern.quote(sample.outputDir().toString())), info::toString);
        assertEquals(5, info.size(), info::toString);
        assertEquals(List.of(), mojo.project.getAttachedArtifacts(), "from the command line nothing is attached");

        log.lines.clear();
        mojo.execute();
        info = log.at("INFO");
        assertEquals("hosting:   docker: 0 written, 3 unchanged, 0 removed", info.get(2));
        assertTrue(info.get(4).matches("hosting: kit is up to date, " + files + " files unchanged, nothing written \\(\\d+ ms\\): "
                + java.util.regex.Pattern.quote(sample.outputDir().toString())), info::toString);
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
    @MojoParameter(name = "port", value = "9000")
    void aPropertyThatTheConfigurationOverridesIsReported(GenerateMojo mojo) throws Exception {
        mojo.session.getUserProperties().setProperty("hosting.port", "9090");
        mojo.session.getUserProperties().setProperty("hosting.listenPort", "8081");
        mojo.session.getUserProperties().setProperty("hosting.outputDirectory", "target/hosting");
        withLog(mojo).execute();
        assertEquals(List.of("hosting: hosting.port=9090 is ignored: the plugin's <configuration> sets port to '9000', and "
                + "Maven gives the configuration precedence over properties. Remove <port> from the configuration to let "
                + "the property decide."), log.at("WARN"), "listenPort is not configured: its property is not ignored; "
                + "the output directory is the property's, as Maven resolves it");
    }

    @Test
    @InjectMojo(goal = GOAL)
    @MojoParameter(name = "targets", value = "docker,helm")
    void anUnknownTargetFailsTheBuild(GenerateMojo mojo) {
        assertStartsWith("hosting: Invalid value for hosting.targets: 'helm'. Allowed: a comma-separated list of ",
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
    @InjectMojo(goal = GOAL, pom = "classpath:/unit/environment-bad-value/pom.xml")
    void aBadValueInAnEnvironmentNamesTheEnvironment(GenerateMojo mojo) {
        assertStartsWith("hosting: Invalid value for hosting.port in environment 'prod': '99999'. Allowed: ", fails(mojo).getMessage());
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "classpath:/unit/environment-unknown-setting/pom.xml")
    void aSettingNobodyDeclaresFailsNamingTheEnvironmentAndTheSettingsThereAre(GenerateMojo mojo) {
        String message = fails(mojo).getMessage();
        assertStartsWith("hosting: Unknown setting prot in environment 'prod': '9091'. Allowed: the settings of the "
                + "configuration reference: appDirectory, appName, baseImage, ", message);
        assertFalse(Files.exists(sample.outputDir()));
    }
}
