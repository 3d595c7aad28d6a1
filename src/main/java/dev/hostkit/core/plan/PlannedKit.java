package dev.hostkit.core.plan;

import java.util.List;

import dev.hostkit.core.files.KitFile;

/**
 * One kit, planned: every file rendered in memory, and what it was planned from.
 *
 * @param files    the kit's files, sorted by path
 * @param resolved its settings, runtime and targets
 */
public record PlannedKit(List<KitFile> files, ResolvedKit resolved) {
    public PlannedKit {
        files = List.copyOf(files);
    }
}
