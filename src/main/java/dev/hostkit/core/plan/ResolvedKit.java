package dev.hostkit.core.plan;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.runtime.AppRuntime;
import dev.hostkit.core.runtime.RuntimeApp;
import dev.hostkit.core.runtime.Runtimes;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.target.KitContext;
import dev.hostkit.core.target.Target;
import dev.hostkit.core.target.Targets;

import java.util.List;
import java.util.Optional;

/**
 * One kit's settings checked and its parts chosen, before any target contributes: the
 * targets, the runtime and what they all see.
 */
public record ResolvedKit(List<Target> targets, AppRuntime runtime, KitContext context) {
    /**
     * @param userFolders the user's template folders, each a target unless a built-in one has its name
     * @param environment the environment's name, empty for a kit without environments
     */
    public static ResolvedKit resolve(BuiltIns builtIns, HostingSettings raw, ProjectFacts project, List<String> userFolders,
                                      Optional<String> environment) {
        SettingValues settings = SettingValues.parse(raw, builtIns.kitSettings());
        List<Target> targets = Targets.select(builtIns.targets(), userFolders, settings);
        AppRuntime runtime = Runtimes.select(builtIns.runtimes(), settings, project);
        SharedModel shared = SharedModel.resolve(settings, project, runtime.appDefaults(project, settings), environment);
        RuntimeApp app = runtime.resolve(settings, project, shared, targets.stream().anyMatch(Target::shipsApplication));
        shared.env().refuseOverrides(app.environmentItSets());
        return new ResolvedKit(targets, runtime, new KitContext(shared, app, settings, project,
                targets.stream().map(Target::name).toList()));
    }
}
