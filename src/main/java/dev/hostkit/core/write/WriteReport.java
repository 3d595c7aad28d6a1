package dev.hostkit.core.write;

import java.nio.file.Path;
import java.util.List;

/**
 * What a write did, by path relative to the output directory.
 *
 * @param written   files created or changed
 * @param unchanged files whose content was already right (not touched)
 * @param removed   files an earlier run generated that this one no longer does
 * @param kept      such files that a person changed, so they were left in place
 */
public record WriteReport(Path outputDirectory, List<String> written, List<String> unchanged,
                          List<String> removed, List<String> kept) {
    public WriteReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
    }

    public boolean changedNothing() {
        return written.isEmpty() && removed.isEmpty();
    }
}
