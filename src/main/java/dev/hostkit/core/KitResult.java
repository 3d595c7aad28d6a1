package dev.hostkit.core;

import dev.hostkit.core.write.WriteReport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param report what the write did
 * @param kits     the files of each kit rendered, by environment name ("" when there are no environments),
 *                 as paths relative to the kit's own folder
 * @param warnings settings that look wrong, by environment name (production environments only)
 * @param notes    what the runtimes recognised in the project (the framework), each line once
 */
public record KitResult(WriteReport report, Map<String, List<String>> kits, Map<String, List<String>> warnings,
                        List<String> notes) {
    public KitResult {
        kits = Collections.unmodifiableMap(new LinkedHashMap<>(kits));
        warnings = Collections.unmodifiableMap(new LinkedHashMap<>(warnings));
        notes = List.copyOf(notes);
    }
}
