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
        SortedMap<String, KitFile> files = new TreeMap<>();
        Map<String, Object> shared = TemplateVariables.of(model);
        for (String template : catalog.templatesFor(model.targets())) {
            String output = TemplateCatalog.outputPathOf(template);
            files.put(output, KitFile.rendered(output, renderer.render(template, TemplateVariables.forTemplate(shared, template))));
        }
        if (model.targets().contains("docker")) {
            addDockerContext(model.java(), files);
        }
        return List.copyOf(files.values());
    }

    /** The docker build context is self-contained: the jar and its runtime dependencies. */
    private static void addDockerContext(HostingModel.JavaApp java, SortedMap<String, KitFile> files) {
        files.put("docker/" + java.jar().getFileName(), KitFile.copied("docker/" + java.jar().getFileName(), java.jar()));
        Set<String> names = new HashSet<>();
        for (Path dependency : java.runtimeJars()) {
            String name = dependency.getFileName().toString();
            if (!names.add(name)) {
                throw new IllegalStateException("Two runtime dependencies share the file name " + name
                        + "; the docker kit's lib/ folder cannot hold both.");
            }
            files.put("docker/lib/" + name, KitFile.copied("docker/lib/" + name, dependency));
        }
    }
}
