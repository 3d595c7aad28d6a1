package dev.hostkit.core;

import dev.hostkit.testing.KitGeneration;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.render.TemplateException;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.write.WriteReport;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KitGeneratorTest {
    private static final List<String> ZERO_CONFIG_KIT = List.of(
            "compose/app.env",
            "compose/compose.yaml",
            "compose/nginx/default.conf",
            "docker/.dockerignore",
            "docker/Dockerfile",
            "docker/shop-1.0.0.jar",
            "host/README.md",
            "host/app/shop-1.0.0.jar",
            "host/install.sh",
            "host/nginx/shop.conf",
            "host/shop.env",
            "host/systemd/shop.service");

    @TempDir
    Path dir;

    @Test
    void zeroConfigurationKit() throws IOException {
        SampleProject project = SampleProject.create(dir);
        WriteReport report = project.generate(new HostingSettings());
        assertEquals(ZERO_CONFIG_KIT, report.written());
        assertEquals(List.of(), report.unchanged());
        List<String> onDisk = FileTree.snapshot(project.outputDir()).keySet().stream().filter(path -> !path.equals(".hostkit-manifest")).toList();
        assertEquals(ZERO_CONFIG_KIT, onDisk);
        assertArrayEquals(Files.readAllBytes(project.jar()), Files.readAllBytes(project.outputDir().resolve("docker/shop-1.0.0.jar")));
        assertTrue(project.read("docker/Dockerfile").contains("COPY shop-1.0.0.jar /app/app.jar"));
        assertFalse(project.read("docker/Dockerfile").contains("COPY lib/"), "no runtime jars, no lib layer");
    }

    @Test
    void aSecondRunChangesNothing() {
        SampleProject project = SampleProject.create(dir);
        project.generate(new HostingSettings());
        WriteReport again = project.generate(new HostingSettings());
        assertTrue(again.changedNothing());
        assertEquals(ZERO_CONFIG_KIT, again.unchanged());
    }

    @Test
    void dependencyJarsLandInLib() {
        SampleProject project = SampleProject.create(dir).withDependency("lib-b-2.0.jar").withDependency("lib-a-1.0.jar");
        List<String> written = project.generate(new HostingSettings().setList("targets", List.of("docker", "host"))).written();
        assertTrue(written.containsAll(List.of("docker/lib/lib-a-1.0.jar", "docker/lib/lib-b-2.0.jar",
                "host/app/lib/lib-a-1.0.jar", "host/app/lib/lib-b-2.0.jar")), written::toString);
        assertTrue(project.read("docker/Dockerfile").contains("COPY lib/ /app/lib/\n"));
        assertTrue(project.read("docker/.dockerignore").contains("\n!shop-1.0.0.jar\n!lib/\n"));
    }

    @Test
    void twoDependenciesWithOneFileNameAreRefused() {
        SampleProject project = SampleProject.create(dir).withDependency("dup-1.0.jar").withDependency("dup-1.0.jar");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> project.generate(new HostingSettings()));
        assertEquals("Two runtime dependencies share the file name dup-1.0.jar; the kit's lib/ folder cannot hold both.", e.getMessage());
        assertFalse(Files.exists(project.outputDir()));
    }

    @Test
    void aRenderFailureInOneTemplateWritesNothingAtAll() throws IOException {
        SampleProject project = SampleProject.create(dir);
        project.generate(new HostingSettings());
        Map<String, byte[]> before = FileTree.snapshot(project.outputDir());

        project.withTemplate("docker/zz-broken.txt.mustache", "{{app.name}}\n{{app.nmae}}\n");
        TemplateException e = assertThrows(TemplateException.class,
                () -> project.generate(new HostingSettings().set("port", "9090").set("appName", "other")));
        assertTrue(e.getMessage().contains(project.templateDir().resolve("docker/zz-broken.txt.mustache") + ":2:"), e.getMessage());
        FileTree.assertSameFiles(before, FileTree.snapshot(project.outputDir()));
    }

    @Test
    void aRenderFailureOnAFirstRunLeavesNoOutputDirectory() {
        SampleProject project = SampleProject.create(dir).withTemplate("k8s/app.yaml.mustache", "{{nope}}\n");
        assertThrows(TemplateException.class, () -> project.generate(new HostingSettings()));
        assertFalse(Files.exists(project.outputDir()));
    }

    @Test
    void theKitIsReproducible() throws IOException {
        SampleProject project = SampleProject.create(dir).withDependency("lib-a-1.0.jar")
                .withTemplate("NOTES.md.mustache", "{{app.name}} {{app.version}}\n");
        HostingSettings settings = new HostingSettings().set("serverName", "shop.example.com").set("instances", "2")
                .setMap("env", Map.of("GREETING", "hello $USER", "B", "x"));
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        KitGeneration.write(settings, project.facts(), project.templateDir(), one, false);
        KitGeneration.write(settings, project.facts(), project.templateDir(), two, false);
        Map<String, byte[]> first = FileTree.snapshot(one);
        assertTrue(first.containsKey("host/systemd/shop@.service") && first.containsKey("NOTES.md"), first.keySet()::toString);
        FileTree.assertSameFiles(first, FileTree.snapshot(two));
    }

    private static KitRequest withEnvironments(SampleProject project, List<HostingEnvironment> environments, String... selected) {
        return new KitRequest(new HostingSettings().setList("targets", List.of("docker")), environments, List.of(selected),
                project.facts(), project.templateDir(), project.outputDir(), false);
    }

    private static List<HostingEnvironment> devAndProd() {
        HostingEnvironment prod = new HostingEnvironment("prod", new HostingSettings());
        prod.settings().set("port", "9090");
        return List.of(new HostingEnvironment("dev", new HostingSettings()), prod);
    }

    @Test
    void eachEnvironmentHasAKitInItsOwnFolder() {
        SampleProject project = SampleProject.create(dir).withTemplate("NOTES.md.mustache", "{{environment.name}}\n");
        KitResult result = new KitGenerator().generate(withEnvironments(project, devAndProd()));
        List<String> kit = List.of("NOTES.md", "docker/.dockerignore", "docker/Dockerfile", "docker/shop-1.0.0.jar");
        assertEquals(Map.of("dev", kit, "prod", kit), result.kits());
        assertEquals(List.of("dev", "prod"), List.copyOf(result.kits().keySet()));
        assertEquals("prod\n", project.read("prod/NOTES.md"));
        assertTrue(project.read("dev/docker/Dockerfile").contains("EXPOSE 8080\n"));
        assertTrue(project.read("prod/docker/Dockerfile").contains("EXPOSE 9090\n"));
        assertFalse(Files.exists(project.outputDir().resolve("docker")));
    }

    @Test
    void anEnvironmentsTemplateFolderOverridesOnlyItsKit() {
        SampleProject project = SampleProject.create(dir)
                .withTemplate("docker/Dockerfile.mustache", "FROM shared\n")
                .withTemplate("prod/docker/Dockerfile.mustache", "FROM prod-only\n")
                .withTemplate("prod/docker/extra.txt.mustache", "extra\n");
        KitResult result = new KitGenerator().generate(withEnvironments(project, devAndProd()));
        assertEquals("FROM shared\n", project.read("dev/docker/Dockerfile"));
        assertEquals("FROM prod-only\n", project.read("prod/docker/Dockerfile"));
        assertEquals("extra\n", project.read("prod/docker/extra.txt"));
        assertFalse(result.kits().get("dev").contains("docker/extra.txt"));
        assertFalse(Files.exists(project.outputDir().resolve("prod/prod")), "an environment's folder is not a target");
    }

    @Test
    void renderingSomeEnvironmentsKeepsTheKitsOfTheOthers() throws IOException {
        SampleProject project = SampleProject.create(dir);
        new KitGenerator().generate(withEnvironments(project, devAndProd()));
        Map<String, byte[]> dev = FileTree.snapshot(project.outputDir().resolve("dev"));

        KitResult result = new KitGenerator().generate(withEnvironments(project, devAndProd(), "prod"));
        assertEquals(List.of("prod"), List.copyOf(result.kits().keySet()));
        assertEquals(List.of(), result.report().removed());
        FileTree.assertSameFiles(dev, FileTree.snapshot(project.outputDir().resolve("dev")));
        assertTrue(new KitGenerator().generate(withEnvironments(project, devAndProd())).report().changedNothing(),
                "the manifest still owns the kit of dev");
    }

    @Test
    void anEnvironmentNoLongerDeclaredLosesItsKit() {
        SampleProject project = SampleProject.create(dir);
        new KitGenerator().generate(withEnvironments(project, devAndProd()));
        KitResult result = new KitGenerator().generate(withEnvironments(project, List.of(devAndProd().get(1))));
        assertTrue(result.report().removed().contains("dev/docker/Dockerfile"), result.report().removed()::toString);
        assertFalse(Files.exists(project.outputDir().resolve("dev")));
    }

    @Test
    void aBadSettingOfOneEnvironmentNamesItAndWritesNothing() {
        SampleProject project = SampleProject.create(dir);
        List<HostingEnvironment> environments = devAndProd();
        environments.get(1).settings().set("healthPath", "health");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new KitGenerator().generate(withEnvironments(project, environments)));
        assertTrue(e.getMessage().startsWith("Invalid value for hosting.healthPath in environment 'prod': 'health'. Allowed: "),
                e.getMessage());
        assertFalse(Files.exists(project.outputDir()));
    }

    @Test
    void planRendersWithoutWriting() {
        SampleProject project = SampleProject.create(dir).withTemplate("NOTES.md.mustache", "{{app.name}}\n");
        List<KitFile> files = KitGeneration.plan(new HostingSettings().setList("targets", List.of("docker")), project.facts(),
                project.templateDir());
        assertEquals(List.of("NOTES.md", "docker/.dockerignore", "docker/Dockerfile", "docker/shop-1.0.0.jar"),
                files.stream().map(KitFile::path).toList());
        assertFalse(Files.exists(project.outputDir()));
    }
}
