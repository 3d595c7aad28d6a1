package dev.hostkit.maven;

import dev.hostkit.testing.SampleProject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** hosting:describe and hosting:eject as Maven configures them (see GenerateMojoTest for the harness). */
@MojoTest
class DescribeAndEjectMojoTest {
    @TempDir
    static Path projects;

    private SampleProject sample;
    private final RecordingLog log = new RecordingLog();

    @Provides
    MavenProject project() throws IOException {
        sample = SampleProject.create(Files.createTempDirectory(projects, "shop"));
        return TestProjects.of(sample);
    }

    @Test
    @InjectMojo(goal = "describe")
    @MojoParameter(name = "port", value = "9000")
    void describeSaysEachSettingsValueAndWhereItCameFrom(DescribeMojo mojo) throws Exception {
        mojo.session.getUserProperties().setProperty("hosting.listenPort", "8081");
        mojo.listenPort = "8081"; // as Maven sets a parameter from its property
        mojo.setLog(log);
        mojo.execute();
        List<String> info = log.at("INFO");
        assertEquals("hosting: the kit: runtime java, targets docker, compose, host", info.get(0));
        assertTrue(info.contains("hosting:   port                     = 9000  [<configuration>]"), info::toString);
        assertTrue(info.contains("hosting:   listenPort               = 8081  [-Dhosting.listenPort]"), info::toString);
        assertTrue(info.contains("hosting:   javaVersion              = 21  [default]"), info::toString);
        assertTrue(info.contains("hosting:   tlsPort                  = (not used by this kit)  [default]"), info::toString);
        assertFalse(Files.exists(sample.outputDir()), "describe writes nothing");
    }

    @Test
    @InjectMojo(goal = "describe", pom = "classpath:/unit/environments/pom.xml")
    @MojoParameter(name = "context", value = "true")
    void describeShowsEachEnvironmentAndWithContextTheVariablesAsYaml(DescribeMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        List<String> info = log.at("INFO");
        assertTrue(info.contains("hosting: environment dev: runtime java, targets docker"), info::toString);
        assertTrue(info.contains("hosting:   port                     = 9090  [environment prod]"), info::toString);
        assertTrue(info.contains("hosting: template context of environment prod (and template.* for each template):"), info::toString);
        assertTrue(info.contains("  app:") && info.contains("    port: 9090"), info::toString);
    }

    @Test
    @InjectMojo(goal = "eject")
    @MojoParameter(name = "targets", value = "compose")
    void ejectCopiesTheTemplatesOfATargetAndSaysSo(EjectMojo mojo) throws Exception {
        sample.withTemplate("compose/app.env.mustache", "MINE=1\n");
        mojo.setLog(log);
        mojo.execute();
        assertTrue(Files.isRegularFile(sample.templateDir().resolve("compose/compose.yaml.mustache")));
        assertTrue(Files.isRegularFile(sample.templateDir().resolve("docker/Dockerfile.mustache")), "compose brings docker");
        assertTrue(Files.isRegularFile(sample.templateDir().resolve("partials/nginx/site.mustache")));
        assertEquals("MINE=1\n", Files.readString(sample.templateDir().resolve("compose/app.env.mustache")));
        assertTrue(log.at("WARN").contains("hosting: kept " + sample.templateDir().resolve("compose/app.env.mustache")
                + ": it exists, so it was not replaced by compose/app.env.mustache"), log.lines::toString);
        assertTrue(log.at("INFO").get(log.at("INFO").size() - 1).startsWith("hosting: ejected "), log.lines::toString);
    }
}
