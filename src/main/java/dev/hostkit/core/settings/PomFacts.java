package dev.hostkit.core.settings;

import java.util.List;

/**
 * What the POM says that a framework is recognised by, each entry {@code groupId:artifactId}.
 *
 * @param plugins      the build plugins ({@code <build><plugins>}, inherited ones included)
 * @param parents      the parent POMs, nearest first
 * @param importedBoms the BOMs imported in {@code <dependencyManagement>} (scope import)
 * @param dependencies the runtime classpath: the compile and runtime dependencies, transitive ones included
 */
public record PomFacts(List<String> plugins, List<String> parents, List<String> importedBoms, List<String> dependencies) {
    /** A project whose POM names none of these. */
    public static final PomFacts NONE = new PomFacts(List.of(), List.of(), List.of(), List.of());

    public PomFacts {
        plugins = List.copyOf(plugins);
        parents = List.copyOf(parents);
        importedBoms = List.copyOf(importedBoms);
        dependencies = List.copyOf(dependencies);
    }

    public boolean hasPlugin(String coordinates) {
        return plugins.contains(coordinates);
    }

    public boolean hasParent(String coordinates) {
        return parents.contains(coordinates);
    }

    public boolean importsBom(String coordinates) {
        return importedBoms.contains(coordinates);
    }

    public boolean hasDependency(String coordinates) {
        return dependencies.contains(coordinates);
    }
}
