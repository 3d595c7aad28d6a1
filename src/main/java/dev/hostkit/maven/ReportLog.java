package dev.hostkit.maven;

import dev.hostkit.core.KitResult;
import dev.hostkit.core.write.WriteReport;
import org.apache.maven.plugin.logging.Log;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tells the build log what a generation did: what the runtime recognised (the framework), a line per target of each kit (files written,
 * unchanged, removed), a summary with the time taken, the files removed or kept, and the
 * warnings about settings that look wrong for production.
 */
final class ReportLog {
    private final Log log;

    ReportLog(Log log) {
        this.log = log;
    }

    void log(KitResult result, Duration took) {
        result.notes().forEach(note -> log.info("hosting: " + note));
        result.warnings().forEach((environment, warnings) -> warnings.forEach(warning ->
                log.warn("hosting: environment " + environment + " looks like production, but " + warning)));
        WriteReport report = result.report();
        counts(report, !result.kits().containsKey("")).forEach((folder, count) -> log.info("hosting:   " + folder + ": " + count[0] + " written, "
                + count[1] + " unchanged, " + count[2] + " removed"));
        int total = report.written().size() + report.unchanged().size();
        String time = took.toMillis() + " ms";
        if (report.changedNothing()) {
            log.info("hosting: kit is up to date, " + total + " files unchanged, nothing written (" + time + "): "
                    + report.outputDirectory());
        } else {
            log.info("hosting: wrote " + report.written().size() + " of " + total + " files ("
                    + report.unchanged().size() + " unchanged, " + report.removed().size() + " removed) in " + time + ": "
                    + report.outputDirectory());
        }
        report.written().forEach(path -> log.debug("hosting:   written " + path));
        report.removed().forEach(path -> log.info("hosting:   removed " + path + " (no longer generated)"));
        report.kept().forEach(path -> log.warn("hosting:   kept " + path
                + ": no longer generated, but changed by hand, so it was left in place"));
    }

    /**
     * Written, unchanged and removed files by target folder ({@code docker}, or {@code prod/docker} in
     * an environment's kit; files at the top of a kit count as {@code (top)}), sorted.
     */
    private static Map<String, int[]> counts(WriteReport report, boolean environments) {
        Map<String, int[]> counts = new TreeMap<>();
        List<List<String>> kinds = List.of(report.written(), report.unchanged(), report.removed());
        for (int kind = 0; kind < kinds.size(); kind++) {
            for (String path : kinds.get(kind)) {
                counts.computeIfAbsent(folderOf(path, environments), folder -> new int[3])[kind]++;
            }
        }
        return counts;
    }

    private static String folderOf(String path, boolean environments) {
        String[] parts = path.split("/");
        int depth = environments ? 2 : 1;
        if (parts.length <= depth) {
            return environments && parts.length == 2 ? parts[0] + "/(top)" : "(top)";
        }
        return String.join("/", Arrays.copyOf(parts, depth));
    }
}
