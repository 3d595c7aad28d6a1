package dev.hostkit.core.target;

import dev.hostkit.core.files.KitFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one target adds to a kit.
 *
 * @param variables        what templates read under the target's name
 * @param files            files it ships as they are (the app), by kit path
 * @param skippedTemplates templates of its folder that this kit does not render, by template name
 */
public record Contribution(Map<String, Object> variables, List<KitFile> files, Set<String> skippedTemplates) {
    public Contribution {
        variables = new LinkedHashMap<>(variables);
        files = List.copyOf(files);
        skippedTemplates = Set.copyOf(skippedTemplates);
    }

    /** Variables only: every template of the folder renders, no files besides them. */
    public static Contribution of(Map<String, Object> variables) {
        return new Contribution(variables, List.of(), Set.of());
    }

    public Contribution withFiles(List<KitFile> shipped) {
        return new Contribution(variables, shipped, skippedTemplates);
    }

    public Contribution skipping(Set<String> templates) {
        return new Contribution(variables, files, templates);
    }
}
