package dev.hostkit.core.plan;

import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.target.Contribution;
import dev.hostkit.core.target.KitContext;
import dev.hostkit.core.target.Target;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a kit's templates read and what its targets ship: the shared variables, the runtime's
 * under its name, each target's under its name, and every target's files and skipped templates.
 *
 * @param variables the template context, without {@code template.*} (which is per template)
 */
public record Contributions(Map<String, Object> variables, List<KitFile> files, Set<String> skippedTemplates) {
    public static Contributions of(ResolvedKit resolved) {
        KitContext kit = resolved.context();
        Map<String, Object> variables = new LinkedHashMap<>(kit.shared().variables());
        variables.put("runtime", Map.of("name", resolved.runtime().name(), "privatePaths", kit.runtime().privatePaths()));
        variables.put(resolved.runtime().name(), kit.runtime().variables());
        variables.put("targets", kit.targets());
        List<KitFile> files = new ArrayList<>();
        Set<String> skipped = new HashSet<>();
        for (Target target : resolved.targets()) {
            Contribution contribution = target.contribute(kit);
            variables.put(target.name(), contribution.variables());
            files.addAll(contribution.files());
            skipped.addAll(contribution.skippedTemplates());
        }
        return new Contributions(variables, List.copyOf(files), Set.copyOf(skipped));
    }
}
