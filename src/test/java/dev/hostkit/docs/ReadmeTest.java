package dev.hostkit.docs;

import dev.hostkit.core.BuildSettings;
import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.plan.KitPlanner;
import dev.hostkit.core.render.TemplateOrigins;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.testing.KitResolution;
import dev.hostkit.testing.ProjectDir;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README says what the code does: its configuration tables list every declared setting
 * with its real default and description (and nothing else), its variable reference lists every
 * variable a template can read, and every built-in partial is named.
 */
class ReadmeTest {
    private static final Pattern SETTING_ROW = Pattern.compile("^\\| `(\\w+)` \\| (`hosting\\.[\\w.]+`|—) \\|.*", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");
    private static String readme;

    @TempDir
    static Path dir;

    @BeforeAll
    static void read() throws IOException {
        readme = Files.readString(ProjectDir.resolve("README.md"));
    }

    private static List<Setting<?>> declared() {
        List<Setting<?>> all = new ArrayList<>(BuildSettings.SETTINGS);
        all.addAll(BuiltIns.load().kitSettings());
        return all;
    }

    /** The README's row of a setting, as its declaration says it. */
    static String row(Setting<?> setting) {
        return "| `" + setting.name() + "` | " + setting.property().map(property -> "`" + property + "`").orElse("—") + " | "
                + setting.defaultText() + " | " + setting.description() + " |";
    }

    @Test
    void everyDeclaredSettingHasItsRow() {
        List<String> missing = declared().stream().map(ReadmeTest::row).filter(row -> !readme.contains(row + "\n")).toList();
        assertEquals(List.of(), missing, "README.md lacks these rows (or has them otherwise): put them in the setting's section");
    }

    @Test
    void everySettingRowIsADeclaredSetting() {
        Set<String> names = new TreeSet<>();
        declared().forEach(setting -> names.add(setting.name()));
        List<String> stale = new ArrayList<>();
        Matcher row = SETTING_ROW.matcher(readme);
        while (row.find()) {
            if (!names.contains(row.group(1))) {
                stale.add(row.group());
            }
        }
        assertEquals(List.of(), stale, "README.md rows of settings that do not exist");
    }

    @Test
    void theVariableReferenceListsEveryVariable() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : section("### Template variables").split("\n")) {
            if (line.startsWith("| `")) {
                Matcher name = NAME.matcher(line.substring(0, line.indexOf(" |", 2)));
                while (name.find()) {
                    documented.add(name.group(1));
                }
            }
        }
        Set<String> real = variablesOfEveryKind();
        Set<String> undocumented = new TreeSet<>(real);
        undocumented.removeAll(documented);
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(real);
        assertEquals(Map.of("undocumented", Set.of(), "no such variable", Set.of()),
                Map.of("undocumented", undocumented, "no such variable", stale), "the README's template variables");
    }

    @Test
    void everyBuiltInPartialIsNamed() throws IOException {
        String partials = section("### Partials");
        Set<String> unnamed = new TreeSet<>();
        for (String folder : BuiltIns.load().templateFolders()) {
            var list = ReadmeTest.class.getClassLoader().getResourceAsStream("dev/hostkit/templates/" + folder + "/templates.list");
            if (list == null) {
                continue;
            }
            for (String line : new String(list.readAllBytes()).split("\n")) {
                String name = folder + "/" + line.trim();
                Matcher partial = Pattern.compile("(?:^|/)partials/(.+)\\.mustache$").matcher(name);
                if (partial.find() && !partials.contains("`" + partial.group(1) + "`")) {
                    unnamed.add(partial.group(1));
                }
            }
        }
        assertEquals(Set.of(), unnamed, "partials the README's Partials section does not name");
    }

    /** The part of the README from this heading to the next heading of its level or above. */
    private static String section(String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The variables of a Java kit and a Django kit with every optional part on, by dotted path ({@code env[].name}). */
    private static Set<String> variablesOfEveryKind() throws IOException {
        Set<String> paths = new TreeSet<>();
        HostingSettings everything = new HostingSettings().set("serverName", "shop.example.com").set("tlsAcme", "true")
                .set("tlsAcmeEmail", "ops@example.com").setMap("env", Map.of("A", "1")).setMap("values", Map.of("KEY", "v"))
                .set("memoryLimit", "512m").set("cpuLimit", "1").set("hostMemoryLimit", "512m")
                .setList("targets", List.of("docker", "compose", "host", "kubernetes")).setMap("podAnnotations", Map.of("a", "1"));
        SampleProject java = SampleProject.create(dir.resolve("java")).withDependency("dep-1.0.jar");
        flatten("", KitResolution.variables(everything.overlay(new HostingSettings().set("instances", "3")
                .set("framework", "spring-boot").setList("publicManagementPaths", List.of("/actuator/health"))), java.facts()), paths);
        // a layered Spring Boot jar: the image's build stage
        flatten("", KitResolution.variables(everything.overlay(new HostingSettings().set("framework", "spring-boot")),
                SampleProject.create(dir.resolve("boot")).layeredBySpringBoot("3.3.5").facts()), paths);
        flatten("", KitResolution.variables(everything.overlay(new HostingSettings().set("workers", "3")), django()), paths);
        flatten("", Map.of("environment", Map.of("name", "prod"), "template", KitPlanner.templateVariables(
                "docker/Dockerfile.mustache", new TemplateOrigins(List.of(), "java"), dir, dir.resolve("src/main/hosting"))), paths);
        return paths;
    }

    private static ProjectFacts django() throws IOException {
        Path project = Files.createDirectories(dir.resolve("django/mysite"));
        Files.writeString(project.resolve("wsgi.py"), "application = None\n");
        Files.writeString(project.resolveSibling("manage.py"), "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
        Files.writeString(project.resolveSibling("requirements.txt"), "gunicorn\n");
        return new ProjectFacts("shop", "1.0.0", project.getParent(), null, List.of(), null, "pom", false);
    }

    private static void flatten(String prefix, Object value, Set<String> paths) {
        if (prefix.equals("values.")) {
            paths.add("values.KEY");
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> flatten(prefix + key + ".", inner, paths));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            paths.add(prefix.substring(0, prefix.length() - 1));
            list.forEach(entry -> flatten(prefix.substring(0, prefix.length() - 1) + "[].", entry, paths));
        } else {
            paths.add(prefix.substring(0, prefix.length() - 1));
        }
    }
}
