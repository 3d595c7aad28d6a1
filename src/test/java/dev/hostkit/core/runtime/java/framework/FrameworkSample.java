package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.plan.ResolvedKit;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.PomFacts;
import dev.hostkit.testing.KitResolution;
import dev.hostkit.testing.SampleProject;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Java sample project of one framework, resolved by the real core: what the framework tests read. */
final class FrameworkSample {
    private final ResolvedKit kit;
    private final Map<String, Object> variables;

    private FrameworkSample(SampleProject project, HostingSettings settings) {
        this.kit = KitResolution.resolve(settings, project.facts());
        this.variables = KitResolution.variables(settings, project.facts());
    }

    /** The kit of the sample project in {@code dir} with what its POM names and the files under src/main/resources. */
    static FrameworkSample of(Path dir, PomFacts pom, Map<String, String> resources, HostingSettings settings) {
        SampleProject project = SampleProject.create(dir).withPom(pom);
        if (pom.hasPlugin("org.springframework.boot:spring-boot-maven-plugin")) {
            project.repackagedBySpringBoot();
        }
        if (new Quarkus().detect(pom).isPresent() || "quarkus".equals(settings.get("framework"))) {
            project.builtByQuarkus();
        }
        resources.forEach(project::withResource);
        return new FrameworkSample(project, settings);
    }

    static FrameworkSample of(Path dir, PomFacts pom, Map<String, String> resources) {
        return of(dir, pom, resources, new HostingSettings());
    }

    static PomFacts plugin(String coordinates) {
        return new PomFacts(List.of(coordinates), List.of(), List.of(), List.of());
    }

    static PomFacts parent(String coordinates) {
        return new PomFacts(List.of(), List.of(coordinates), List.of(), List.of());
    }

    static PomFacts bom(String coordinates) {
        return new PomFacts(List.of(), List.of(), List.of(coordinates), List.of());
    }

    /** The POM with these dependencies added. */
    static PomFacts with(PomFacts pom, String... dependencies) {
        return new PomFacts(pom.plugins(), pom.parents(), pom.importedBoms(), List.of(dependencies));
    }

    /** A variable by its dotted path ({@code java.framework.portVariable}). */
    Object variable(String path) {
        return KitResolution.variable(variables, path);
    }

    /** {@code java.framework.environment} as a map. */
    Map<String, String> environment() {
        Map<String, String> environment = new java.util.TreeMap<>();
        for (Object entry : (List<?>) variable("java.framework.environment")) {
            Map<?, ?> map = (Map<?, ?>) entry;
            environment.put((String) map.get("name"), (String) map.get("value"));
        }
        return environment;
    }

    /** The names an {@code <env>} entry may not have. */
    Set<String> refusedEnvNames() {
        return kit.context().runtime().environmentItSets().keySet();
    }

    /** The build log's lines of the runtime. */
    List<String> notes() {
        return kit.context().runtime().notes();
    }
}
