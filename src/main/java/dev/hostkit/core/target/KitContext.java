package dev.hostkit.core.target;

import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.runtime.RuntimeApp;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.SettingValues;

import java.util.List;

/**
 * What a target sees of the kit it contributes to.
 *
 * @param shared   the validated app, nginx, HTTPS, env and values
 * @param runtime  the validated app of the kit's runtime
 * @param settings every setting of the kit, for the target's own
 * @param targets  the names of the targets in this kit
 */
public record KitContext(SharedModel shared, RuntimeApp runtime, SettingValues settings, ProjectFacts project,
                         List<String> targets) {
    public KitContext {
        targets = List.copyOf(targets);
    }
}
