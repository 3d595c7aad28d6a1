package dev.hostkit.core;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.plan.KitPlanner;
import dev.hostkit.core.plan.ProductionWarnings;
import dev.hostkit.core.plan.PlannedKit;
import dev.hostkit.core.render.TemplateCatalog;
import dev.hostkit.core.render.TemplateException;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.write.KitWriter;
import dev.hostkit.core.write.WriteReport;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Generates hosting kits: plan every file of every selected environment in memory (which
 * validates every setting and renders every template), then write them all. A failure before
 * the write writes nothing. Free of Maven: tests drive it directly.
 */
@Named
@Singleton
public final class KitGenerator {
    private final BuiltIns builtIns;
    private final KitWriter writer = new KitWriter();

    /** With the built-in targets and runtimes. */
    @Inject
    public KitGenerator() {
        this(BuiltIns.load());
    }

    public KitGenerator(BuiltIns builtIns) {
        this.builtIns = builtIns;
    }

    public KitResult generate(KitRequest request) {
        List<String> declared = request.environments().stream().map(HostingEnvironment::name).toList();
        List<String> reserved = new ArrayList<>(builtIns.targets().stream().map(target -> target.name()).toList());
        TemplateCatalog.load(List.of(), List.of(request.templateDirectory()), declared).userFolders().stream()
                .filter(folder -> !reserved.contains(folder)).forEach(reserved::add);
        reserved.add("partials");
        List<HostingEnvironment> selected = Environments.select(request.environments(), request.selectedEnvironments(), reserved);

        KitPlanner planner = new KitPlanner(builtIns);
        List<KitFile> files = new ArrayList<>();
        Map<String, List<String>> kits = new LinkedHashMap<>();
        Map<String, List<String>> warnings = new LinkedHashMap<>();
        Set<String> notes = new LinkedHashSet<>();
        if (request.environments().isEmpty()) {
            PlannedKit planned = planner.plan(request.settings(), request.project(), List.of(request.templateDirectory()),
                    declared, Optional.empty());
            notes.addAll(planned.resolved().context().runtime().notes());
            List<KitFile> kit = planned.files();
            files.addAll(kit);
            kits.put("", kit.stream().map(KitFile::path).toList());
        }
        for (HostingEnvironment environment : selected) {
            String name = environment.name();
            PlannedKit kit;
            try {
                kit = planner.plan(request.settings().overlay(environment.settings()), request.project(),
                        List.of(request.templateDirectory().resolve(name), request.templateDirectory()), declared,
                        Optional.of(name));
            } catch (InvalidSettingException e) {
                throw e.inEnvironment(name);
            } catch (TemplateException e) {
                throw new TemplateException("In environment '" + name + "': " + e.getMessage(), e);
            }
            notes.addAll(kit.resolved().context().runtime().notes());
            kit.files().forEach(file -> files.add(file.under(name + "/")));
            kits.put(name, kit.files().stream().map(KitFile::path).toList());
            List<String> doubts = ProductionWarnings.of(Optional.of(name), kit.resolved());
            if (!doubts.isEmpty()) {
                warnings.put(name, doubts);
            }
        }
        WriteReport report = writer.write(files, request.outputDirectory(), request.overwrite(),
                keepKitsOfUnselected(declared, selected));
        return new KitResult(report, kits, warnings, List.copyOf(notes));
    }

    /**
     * Rendering only some environments must not remove the kits of the others; an environment
     * that is no longer declared loses its kit.
     */
    private static Predicate<String> keepKitsOfUnselected(List<String> declared, List<HostingEnvironment> selected) {
        List<String> kept = new ArrayList<>(declared);
        selected.forEach(environment -> kept.remove(environment.name()));
        return path -> kept.stream().noneMatch(name -> path.startsWith(name + "/"));
    }
}
