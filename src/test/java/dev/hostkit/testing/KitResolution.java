package dev.hostkit.testing;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.plan.Contributions;
import dev.hostkit.core.plan.ResolvedKit;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One kit's settings checked and its template context built, by the real core, without rendering anything. */
public final class KitResolution {
    private KitResolution() {}

    /** The targets, runtime and context of a kit without environments or user templates. */
    public static ResolvedKit resolve(HostingSettings settings, ProjectFacts project) {
        return resolve(settings, project, Optional.empty());
    }

    /** The same for the kit of one environment (or none). */
    public static ResolvedKit resolve(HostingSettings settings, ProjectFacts project, Optional<String> environment) {
        return ResolvedKit.resolve(BuiltIns.load(), settings, project, List.of(), environment);
    }

    /** The template context of that kit (every variable but {@code template.*}). */
    public static Map<String, Object> variables(HostingSettings settings, ProjectFacts project) {
        return Contributions.of(resolve(settings, project)).variables();
    }

    /** A variable by its dotted path, such as {@code host.site.listen}; {@code null} when it is absent. */
    public static Object variable(Map<String, Object> variables, String path) {
        Object current = variables;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
