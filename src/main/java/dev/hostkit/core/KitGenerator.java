package dev.hostkit.core;

import dev.hostkit.core.model.Environments;
import dev.hostkit.core.model.HostingModel;
import dev.hostkit.core.model.InvalidSettingException;
import dev.hostkit.core.model.ModelFactory;
import dev.hostkit.core.plan.KitFile;
import dev.hostkit.core.plan.KitPlanner;
import dev.hostkit.core.render.TemplateCatalog;
import dev.hostkit.core.render.TemplateException;
import dev.hostkit.core.render.TemplateOrigins;
import dev.hostkit.core.render.TemplateRenderer;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.write.KitWriter;
import dev.hostkit.core.write.WriteReport;

import javax.inject.Named;
import javax.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Generates hosting kits: validate the settings, render every file of every selected
 * environment in memory, then write them all. A failure before the write writes nothing.
 * Free of Maven: tests drive it directly.
 */
@Named
@Singleton
public final class KitGenerator {
    private final KitWriter writer = new KitWriter();

    /** One kit, no environments. */
    public WriteReport generate(HostingSettings settings, ProjectFacts project, Path templateDirectory,
                                Path outputDirectory, boolean overwrite) {
        return generate(KitRequest.single(settings, project, templateDirectory, outputDirectory, overwrite)).report();
    }

    public KitResult generate(KitRequest request) {
        List<String> declared = request.environments().stream().map(HostingEnvironment::getName).toList();
        TemplateCatalog shared = TemplateCatalog.load(new TemplateOrigins(request.templateDirectory()), declared);
        List<String> reserved = new ArrayList<>(shared.knownTargets());
        reserved.add("partials");
        List<HostingEnvironment> selected = Environments.select(request.environments(), request.selectedEnvironments(), reserved);

        List<KitFile> files = new ArrayList<>();
        Map<String, List<String>> kits = new LinkedHashMap<>();
        if (request.environments().isEmpty()) {
            List<KitFile> kit = plan(request.settings(), request.project(), List.of(request.templateDirectory()), declared, null);
            files.addAll(kit);
            kits.put("", kit.stream().map(KitFile::path).toList());
        }
        for (HostingEnvironment environment : selected) {
            String name = environment.getName();
            List<KitFile> kit;
            try {
                kit = plan(request.settings().overlay(environment), request.project(),
                        List.of(request.templateDirectory().resolve(name), request.templateDirectory()), declared, name);
            } catch (InvalidSettingException e) {
                throw e.inEnvironment(name);
            } catch (TemplateException e) {
                throw new TemplateException("In environment '" + name + "': " + e.getMessage(), e);
            }
            kit.forEach(file -> files.add(file.under(name + "/")));
            kits.put(name, kit.stream().map(KitFile::path).toList());
        }
        WriteReport report = writer.write(files, request.outputDirectory(), request.overwrite(),
                keepKitsOfUnselected(declared, selected));
        return new KitResult(report, kits);
    }

    /** Validates and renders one kit without writing anything. */
    public List<KitFile> plan(HostingSettings settings, ProjectFacts project, Path templateDirectory) {
        return plan(settings, project, List.of(templateDirectory), List.of(), null);
    }

    private static List<KitFile> plan(HostingSettings settings, ProjectFacts project, List<Path> templateDirectories,
                                      List<String> environmentFolders, String environment) {
        TemplateOrigins origins = new TemplateOrigins(templateDirectories);
        TemplateCatalog catalog = TemplateCatalog.load(origins, environmentFolders);
        HostingModel model = new ModelFactory(catalog.knownTargets(), catalog.customTargets()).create(settings, project);
        return new KitPlanner(catalog, new TemplateRenderer(origins)).plan(model, environment);
    }

    /**
     * Rendering only some environments must not remove the kits of the others; an environment
     * that is no longer declared loses its kit.
     */
    private static Predicate<String> keepKitsOfUnselected(List<String> declared, List<HostingEnvironment> selected) {
        List<String> kept = new ArrayList<>(declared);
        selected.forEach(environment -> kept.remove(environment.getName()));
        return path -> kept.stream().noneMatch(name -> path.startsWith(name + "/"));
    }
}
