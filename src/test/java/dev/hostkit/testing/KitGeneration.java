package dev.hostkit.testing;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.KitRequest;
import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.plan.KitPlanner;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.write.WriteReport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real generator, run the way tests need it: one kit written to a folder, or planned in memory. */
public final class KitGeneration {
    private KitGeneration() {}

    /** Validates, renders and writes one kit (no environments), as the goal does. */
    public static WriteReport write(HostingSettings settings, ProjectFacts project, Path templateDirectory,
                                    Path outputDirectory, boolean overwrite) {
        return new KitGenerator().generate(new KitRequest(settings, List.of(), List.of(), project, templateDirectory,
                outputDirectory, overwrite)).report();
    }

    /** Validates and renders one kit in memory: every file by path, nothing written. */
    public static List<KitFile> plan(HostingSettings settings, ProjectFacts project, Path templateDirectory) {
        return new KitPlanner(BuiltIns.load()).plan(settings, project, List.of(templateDirectory), List.of(), Optional.empty())
                .files();
    }

    /** The rendered text files of one kit by path (copied files such as jars left out). */
    public static Map<String, String> renderText(HostingSettings settings, ProjectFacts project, Path templateDirectory) {
        Map<String, String> files = new LinkedHashMap<>();
        for (KitFile file : plan(settings, project, templateDirectory)) {
            if (!file.isCopy()) {
                files.put(file.path(), file.text());
            }
        }
        return files;
    }
}
