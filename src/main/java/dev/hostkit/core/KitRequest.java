package dev.hostkit.core;

import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one generation needs.
 *
 * @param settings             the top-level settings
 * @param environments         the declared environments; none renders one kit at the top of the output directory
 * @param selectedEnvironments names to render (hosting.environments); empty renders all
 * @param templateDirectory    the user's templates (overrides and additions); need not exist
 * @param outputDirectory      where the kit (or one folder per environment) goes
 * @param overwrite            replace files hostkit did not generate, or that were changed by hand
 */
public record KitRequest(HostingSettings settings, List<HostingEnvironment> environments,
                         List<String> selectedEnvironments, ProjectFacts project, Path templateDirectory,
                         Path outputDirectory, boolean overwrite) {
    public KitRequest {
        environments = List.copyOf(environments);
        selectedEnvironments = List.copyOf(selectedEnvironments);
    }
}
