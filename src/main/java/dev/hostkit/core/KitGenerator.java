package dev.hostkit.core;

import dev.hostkit.core.model.HostingModel;
import dev.hostkit.core.model.ModelFactory;
import dev.hostkit.core.plan.KitFile;
import dev.hostkit.core.plan.KitPlanner;
import dev.hostkit.core.render.TemplateCatalog;
import dev.hostkit.core.render.TemplateOrigins;
import dev.hostkit.core.render.TemplateRenderer;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.write.KitWriter;
import dev.hostkit.core.write.WriteReport;

import javax.inject.Named;
import javax.inject.Singleton;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates one hosting kit: validate the settings, render every file in memory, then write.
 * A failure in the first two steps writes nothing. Free of Maven: tests drive it directly.
 */
@Named
@Singleton
public final class KitGenerator {
    private final KitWriter writer = new KitWriter();

    /**
     * @param templateDirectory the user's templates (overrides and additions); need not exist
     * @param outputDirectory   where the kit goes
     * @param overwrite         replace files hostkit did not generate, or that were changed by hand
     */
    public WriteReport generate(HostingSettings settings, ProjectFacts project, Path templateDirectory,
                                Path outputDirectory, boolean overwrite) {
        List<KitFile> files = plan(settings, project, templateDirectory);
        return writer.write(files, outputDirectory, overwrite);
    }

    /** Validates and renders without writing anything. */
    public List<KitFile> plan(HostingSettings settings, ProjectFacts project, Path templateDirectory) {
        TemplateOrigins origins = new TemplateOrigins(templateDirectory);
        TemplateCatalog catalog = TemplateCatalog.load(origins);
        HostingModel model = new ModelFactory(catalog.knownTargets(), catalog.customTargets()).create(settings, project);
        return new KitPlanner(catalog, new TemplateRenderer(origins)).plan(model);
    }
}
