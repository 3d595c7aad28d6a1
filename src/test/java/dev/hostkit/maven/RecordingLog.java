package dev.hostkit.maven;

import org.apache.maven.plugin.logging.SystemStreamLog;

import java.util.ArrayList;
import java.util.List;

/** A mojo log that keeps every line, as "LEVEL message". */
final class RecordingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    @Override public void debug(CharSequence content) { lines.add("DEBUG " + content); }
    @Override public void info(CharSequence content) { lines.add("INFO " + content); }
    @Override public void warn(CharSequence content) { lines.add("WARN " + content); }
    @Override public void error(CharSequence content) { lines.add("ERROR " + content); }

    /** The messages logged at this level. */
    List<String> at(String level) {
        String prefix = level + " ";
        return lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).toList();
    }
}
