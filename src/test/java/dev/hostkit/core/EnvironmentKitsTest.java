package dev.hostkit.core;

import dev.hostkit.core.render.TemplateException;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.write.KitWriteException;
import dev.hostkit.testing.KitGeneration;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link KitGenerator} with named environments: folders, template precedence, selection, removal, errors. */
class EnvironmentKitsTest {
    private static final HostingSettings TOP = new HostingSettings().setList("targets", List.of("docker", "compose"))
            .set("serverName", "shop.test").setMap("env", Map.of("LOG_LEVEL", "info"));

    @TempDir
    Path dir;

    private SampleProject project;

    private SampleProject project() {
        if (project == null) {
            project = SampleProject.create(dir);
        }
        return project;
    }

    private static HostingEnvironment environment(String name) {
        return new HostingEnvironment(name, new HostingSettings());
    }

    private static List<HostingEnvironment> devAndProd() {
        HostingEnvironment prod = environment("prod");
        prod.settings().set("serverName", "shop.example.com");
        return List.of(environment("dev"), prod);
    }

    private KitResult generate(HostingSettings settings, List<HostingEnvironment> environments, String... selected) {
        return new KitGenerator().generate(new KitRequest(settings, environments, List.of(selected), project().facts(),
                project().templateDir(), project().outputDir(), false));
    }

    private KitResult generate(List<HostingEnvironment> environments, String... selected) {
        return generate(TOP, environments, selected);
    }

    private Set<String> topLevel() throws IOException {
        try (var entries = Files.list(project().outputDir())) {
            return new TreeSet<>(entries.map(path -> path.getFileName().toString()).toList());
        }
    }

    private Set<String> manifestPaths() throws IOException {
        Set<String> paths = new TreeSet<>();
        for (String line : Files.readAllLines(project().outputDir().resolve(".hostkit-manifest"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                paths.add(line.substring(line.indexOf("  ") + 2));
            }
        }
        return paths;
    }

    private void write(String kitPath, String text) throws IOException {
        Files.writeString(project().outputDir().resolve(kitPath), text, StandardCharsets.UTF_8);
    }

    @Test
    void eachKitIsInItsFolderWithTheLayoutOfASingleKit() throws IOException {
        Path single = dir.resolve("single");
        KitGeneration.write(TOP, project().facts(), project().templateDir(), single, false);
        Map<String, byte[]> singleKit = FileTree.snapshot(single);
        singleKit.remove(".hostkit-manifest");

        KitResult result = generate(devAndProd());
        assertEquals(Set.of("dev", "prod", ".hostkit-manifest"), topLevel());
        assertEquals(List.of("dev", "prod"), List.copyOf(result.kits().keySet()));
        // the same files, but each environment's compose project is its own
        Map<String, byte[]> dev = FileTree.snapshot(project().outputDir().resolve("dev"));
        assertEquals(new String(singleKit.get("compose/compose.yaml"), StandardCharsets.UTF_8)
                .replace("\nname: \"shop\"\n", "\nname: \"shop-dev\"\n"), new String(dev.get("compose/compose.yaml"), StandardCharsets.UTF_8));
        dev.put("compose/compose.yaml", singleKit.get("compose/compose.yaml"));
        FileTree.assertSameFiles(singleKit, dev);
        assertEquals(singleKit.keySet(), FileTree.snapshot(project().outputDir().resolve("prod")).keySet());
        assertEquals(new TreeSet<>(result.kits().get("prod")), FileTree.snapshot(project().outputDir().resolve("prod")).keySet(),
                "the result lists each kit's files relative to its folder");
    }

    @Test
    void declaringEnvironmentsReplacesTheSingleKitAndDroppingThemBringsItBack() throws IOException {
        generate(List.of());
        assertTrue(topLevel().contains("docker"));

        KitResult withEnvironments = generate(devAndProd());
        assertEquals(Set.of("dev", "prod", ".hostkit-manifest"), topLevel(), "the single kit's files should be removed");
        assertTrue(withEnvironments.report().removed().containsAll(List.of("docker/Dockerfile", "compose/compose.yaml")));

        KitResult single = generate(List.of());
        assertEquals(List.of(""), List.copyOf(single.kits().keySet()));
        assertEquals(Set.of("docker", "compose", ".hostkit-manifest"), topLevel(), "the environments' kits should be removed");
    }

    @Test
    void theEnvironmentsFolderComesBeforeTheSharedOneWhichComesBeforeTheBuiltIns() {
        project().withTemplate("partials/nginx/security-headers.mustache", "# shared headers")
                .withTemplate("prod/partials/nginx/security-headers.mustache", "# prod headers")
                .withTemplate("prod/compose/app.env.mustache", "PROD={{environment.name}}\n");
        generate(List.of(environment("dev"), environment("stage"), environment("prod")));

        for (String name : List.of("dev", "stage")) {
            String nginx = project().read(name + "/compose/nginx/default.conf");
            assertTrue(nginx.contains("# shared headers") && !nginx.contains("# prod headers"), name);
            assertTrue(project().read(name + "/compose/app.env").contains("LOG_LEVEL=\"info\""), "built-in app.env for " + name);
        }
        String prodNginx = project().read("prod/compose/nginx/default.conf");
        assertTrue(prodNginx.contains("# prod headers") && !prodNginx.contains("# shared headers"));
        assertEquals("PROD=prod\n", project().read("prod/compose/app.env"));
    }

    @Test
    void templatesAndFileNamesReadTheEnvironmentsName() {
        project().withTemplate("docker/{{environment.name}}.txt.mustache", "kit of {{environment.name}}\n");
        generate(devAndProd());
        assertEquals("kit of dev\n", project().read("dev/docker/dev.txt"));
        assertEquals("kit of prod\n", project().read("prod/docker/prod.txt"));
    }

    @Test
    void withoutEnvironmentsTheNameIsAbsent() {
        project().withTemplate("NAME.txt.mustache", "{{#environment}}{{name}}{{/environment}}{{^environment}}none{{/environment}}\n");
        generate(List.of());
        assertEquals("none\n", project().read("NAME.txt"));

        project().withTemplate("NAME.txt.mustache", "{{environment.name}}\n");
        TemplateException e = assertThrows(TemplateException.class, () -> generate(List.of()));
        assertTrue(e.getMessage().contains("the template reads the variable 'environment.name', which does not exist"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "compose", "host", "kubernetes", "partials"})
    void anEnvironmentCannotBeNamedLikeATargetOrThePartialsFolder(String name) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> generate(List.of(environment("dev"), environment(name))));
        assertTrue(e.getMessage().startsWith("Invalid value for environments/environment/name: '" + name + "'. "
                + "Allowed: a name that is not a target or template folder (compose, docker, host, kubernetes, partials)"), e.getMessage());
        assertFalse(Files.exists(project().outputDir()));
    }

    @Test
    void aBadValueInOneEnvironmentNamesItAndWritesNothingEvenWhenAnotherKitIsThere() throws IOException {
        generate(devAndProd());
        Map<String, byte[]> before = FileTree.snapshot(project().outputDir());
        HostingEnvironment prod = environment("prod");
        prod.settings().set("port", "0");

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> generate(TOP.overlay(new HostingSettings()).set("serverName", "changed.test"), List.of(environment("dev"), prod)));
        assertEquals("Invalid value for hosting.port in environment 'prod': '0'. Allowed: a TCP port number from 1 to 65535.",
                e.getMessage());
        assertEquals("hosting.port", e.parameter());
        FileTree.assertSameFiles(before, FileTree.snapshot(project().outputDir()));
    }

    @Test
    void selectingAnUnknownEnvironmentWritesNothing() throws IOException {
        generate(devAndProd());
        Map<String, byte[]> before = FileTree.snapshot(project().outputDir());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> generate(devAndProd(), "prod,qa"));
        assertEquals("Invalid value for hosting.environments: 'qa'. Allowed: the declared environments dev, prod.", e.getMessage());
        FileTree.assertSameFiles(before, FileTree.snapshot(project().outputDir()));
    }

    @Test
    void aKitLeftAloneBySelectionIsUpdatedByTheNextFullRun() {
        generate(devAndProd());
        HostingSettings changed = TOP.overlay(new HostingSettings()).set("serverName", "new.test");
        generate(changed, devAndProd(), "dev");
        assertTrue(project().read("dev/compose/nginx/default.conf").contains("server_name new.test;"));
        assertTrue(project().read("prod/compose/nginx/default.conf").contains("server_name shop.example.com;"));

        List<HostingEnvironment> environments = devAndProd();
        environments.get(1).settings().setMap("env", Map.of("EXTRA", "1"));
        KitResult full = generate(changed, environments);
        assertEquals(List.of("prod/compose/app.env"), full.report().written(),
                "the manifest still owns prod's kit, so the full run replaces its file without a conflict");
        assertTrue(project().read("prod/compose/app.env").contains("EXTRA=\"1\""));
    }

    @Test
    void removingAnEnvironmentKeepsWhatAPersonWroteThereAndAddingItBackRefusesToReplaceIt() throws IOException {
        generate(devAndProd());
        write("dev/notes.txt", "mine\n");
        write("dev/compose/app.env", "EDITED=1\n");

        KitResult result = generate(List.of(devAndProd().get(1)));
        assertEquals(List.of("dev/compose/app.env"), result.report().kept());
        assertTrue(result.report().removed().contains("dev/docker/Dockerfile"));
        assertEquals(Set.of("compose/app.env", "notes.txt"), FileTree.snapshot(project().outputDir().resolve("dev")).keySet());
        assertTrue(manifestPaths().stream().allMatch(path -> path.startsWith("prod/")), manifestPaths()::toString);

        Map<String, byte[]> before = FileTree.snapshot(project().outputDir());
        KitWriteException e = assertThrows(KitWriteException.class, () -> generate(devAndProd()));
        assertTrue(e.getMessage().contains("dev/compose/app.env exists and was not generated by hostkit"), e.getMessage());
        FileTree.assertSameFiles(before, FileTree.snapshot(project().outputDir()));
    }
}
