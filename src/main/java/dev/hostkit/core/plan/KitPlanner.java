package dev.hostkit.core.plan;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.render.TemplateCatalog;
import dev.hostkit.core.render.TemplateOrigins;
import dev.hostkit.core.render.TemplateRenderer;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Plans one kit in memory: checks the settings against their declarations, picks the runtime
 * and the targets ({@link ResolvedKit}), lets each target contribute ({@link Contributions})
 * and renders every template.
 * Nothing is written, so nothing is written unless all of it rendered.
 */
public final class KitPlanner {
    private final BuiltIns builtIns;

    public KitPlanner(BuiltIns builtIns) {
        this.builtIns = builtIns;
    }

    /**
     * @param templateDirectories the user's template folders, first match wins (an environment's before the shared one)
     * @param environmentFolders  top-level template folders that belong to environments, not targets
     * @param environment         the environment's name, empty for a kit without environments
     * @return the kit's files, sorted by path, and what they were planned from
     */
    public PlannedKit plan(HostingSettings raw, ProjectFacts project, List<Path> templateDirectories,
                              List<String> environmentFolders, Optional<String> environment) {
        TemplateCatalog catalog = TemplateCatalog.load(builtIns.templateFolders(), templateDirectories, environmentFolders);
        ResolvedKit resolved = ResolvedKit.resolve(builtIns, raw, project, catalog.userFolders(), environment);
        Contributions contributions = Contributions.of(resolved);
        String runtime = resolved.runtime().name();
        SortedMap<String, KitFile> files = new TreeMap<>();
        contributions.files().forEach(file -> files.put(file.path(), file));

        TemplateOrigins origins = new TemplateOrigins(templateDirectories, runtime);
        TemplateRenderer renderer = new TemplateRenderer(origins);
        Path overrides = templateDirectories.get(templateDirectories.size() - 1);
        for (String template : catalog.templatesFor(resolved.context().targets(), runtime)) {
            if (contributions.skippedTemplates().contains(template)) {
                continue;
            }
            Map<String, Object> templateVariables = new LinkedHashMap<>(contributions.variables());
            templateVariables.put("template", templateVariables(template, origins, project.baseDir(), overrides));
            String output = renderer.renderPath(TemplateCatalog.outputPathOf(template), templateVariables);
            if (output != null) { // a user's template whose name renders empty is not written
                files.put(output, KitFile.rendered(output, renderer.render(template, templateVariables)));
            }
        }
        return new PlannedKit(List.copyOf(files.values()), resolved);
    }

    /** {@code template.*}: which template this is, where its content comes from and where an override goes. */
    public static Map<String, Object> templateVariables(String template, TemplateOrigins origins, Path baseDir,
                                                         Path overrides) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("name", template);
        vars.put("output", TemplateCatalog.outputPathOf(template));
        Optional<Path> user = origins.userFile(template);
        vars.put("builtIn", user.isEmpty());
        vars.put("source", user.map(file -> shown(file, baseDir)).orElseGet(() -> origins.builtInSource(template).orElse(template)));
        vars.put("override", shown(overrides.resolve(template), baseDir));
        return vars;
    }

    /** A path as the project sees it: relative to its folder when inside it, so that kits do not depend on the machine. */
    private static String shown(Path file, Path baseDir) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
