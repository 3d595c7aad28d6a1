package dev.hostkit.maven;

import dev.hostkit.core.write.WriteReport;
import org.apache.maven.plugin.logging.Log;

/** Tells the build log what a kit write did. */
final class ReportLog {
    private final Log log;

    ReportLog(Log log) {
        this.log = log;
    }

    void log(WriteReport report) {
        int total = report.written().size() + report.unchanged().size();
        if (report.changedNothing()) {
            log.info("hosting: kit is up to date, " + total + " files unchanged, nothing written: " + report.outputDirectory());
        } else {
            log.info("hosting: wrote " + report.written().size() + " of " + total + " files ("
                    + report.unchanged().size() + " unchanged, " + report.removed().size() + " removed): "
                    + report.outputDirectory());
        }
        report.written().forEach(path -> log.debug("hosting:   written " + path));
        report.removed().forEach(path -> log.info("hosting:   removed " + path + " (no longer generated)"));
        report.kept().forEach(path -> log.warn("hosting:   kept " + path
                + ": no longer generated, but changed by hand, so it was left in place"));
    }
}
