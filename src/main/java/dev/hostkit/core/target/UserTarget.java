package dev.hostkit.core.target;

import java.util.Map;

/** A folder of the user's own templates: a target with no settings, variables or files of its own. */
public record UserTarget(String name) implements Target {
    @Override
    public Contribution contribute(KitContext kit) {
        return Contribution.of(Map.of());
    }
}
