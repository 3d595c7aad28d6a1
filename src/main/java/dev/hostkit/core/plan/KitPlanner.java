package dev.hostkit.core.plan;

import dev.hostkit.core.model.HostingModel;
import dev.hostkit.core.render.TemplateCatalog;
import dev.hostkit.core.render.TemplateRenderer;
import dev.hostkit.core.render.TemplateVariables;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders every file of a kit in memory, in a stable order, so that nothing is written
 * unless all of it rendered.
 */
public final class KitPlanner {
    private final TemplateCatalog catalog;
    private final TemplateRenderer renderer;

    public KitPlanner(TemplateCatalog catalog, TemplateRenderer renderer) {
        this.catalog = catalog;
        this.renderer = renderer;
    }

    /** @return the kit's files by relative path, sorted */
    public List<KitFile> plan(HostingModel model) {
        return plan(model, null);
    }

    /**
     * @param environment the environment's name, which templates read as {@code environment.name}, or {@code null}
     * @return the kit's files by relative path, sorted
     */
    public List<KitFile> plan(HostingModel model, String environment) {
        SortedMap<String, KitFile> files = new TreeMap<>();
        Map<String, Object> shared = TemplateVariables.of(model);
        if (environment != null) {
            shared.put("environment", Map.of("name", environment));
        }
        for (String template : catalog.templatesFor(model.targets())) {
            Map<String, Object> variables = TemplateVariables.forTemplate(shared, template);
            String output = renderer.renderPath(TemplateCatalog.outputPathOf(template), variables);
            if (output != null) {
                files.put(output, KitFile.rendered(output, renderer.render(template, variables)));
            }
        }
        for (String target : List.of("docker", "host")) {
            if (model.targets().contains(target)) {
                String folder = target.equals("docker") ? "docker/" : "host/app/";
                if (model.python().isPresent()) {
                    PythonSources.add(model.python().get().appDirectory(), folder + (target.equals("docker") ? "app/" : ""), files);
                } else {
                    addApplication(model.java(), folder, files);
                }
            }
        }
        return List.copyOf(files.values());
    }

    /**
     * The application itself, the jar and its runtime dependencies in {@code lib/}, so that the
     * docker build context and the host kit are self-contained.
     */
    private static void addApplication(HostingModel.JavaApp java, String folder, SortedMap<String, KitFile> files) {
        files.put(folder + java.jar().getFileName(), KitFile.copied(folder + java.jar().getFileName(), java.jar()));
        Set<String> names = new HashSet<>();
        for (Path dependency : java.runtimeJars()) {
            String name = dependency.getFileName().toString();
            if (!names.add(name)) {
                throw new IllegalStateException("Two runtime dependencies share the file name " + name
                        + "; the kit's lib/ folder cannot hold both.");
            }
            files.put(folder + "lib/" + name, KitFile.copied(folder + "lib/" + name, dependency));
        }
    }
}
