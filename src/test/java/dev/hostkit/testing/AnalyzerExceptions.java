package dev.hostkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliberate exceptions to the real analyzers' findings: the one file
 * {@code tools/analyzer-exceptions.tsv}, a line per exception with the tool, the check's id, the
 * files it is allowed in (a glob over the path in the kit, such as {@code compose/nginx/*.conf})
 * and the reason, tab-separated. Lines starting with {@code #} are comments. A finding no line
 * covers fails the test that found it; an exception that covers nothing is stale.
 */
public final class AnalyzerExceptions {
    static final String FILE = "tools/analyzer-exceptions.tsv";

    /** One line of the file. */
    public record Entry(String tool, String check, String files, String reason) {
        public boolean covers(AnalyzerFinding finding) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + files);
            return tool.equals(finding.tool()) && check.equals(finding.check()) && matcher.matches(Path.of(finding.file()));
        }
    }

    private final List<Entry> entries;

    AnalyzerExceptions(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The project's exceptions file. */
    public static AnalyzerExceptions load() {
        try {
            return parse(Files.readAllLines(ProjectDir.resolve(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AnalyzerExceptions parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 4 || fields[3].isBlank()) {
                throw new IllegalArgumentException(FILE + " line " + (i + 1)
                        + ": want tool, check, files and a reason, tab-separated, but got: " + line);
            }
            entries.add(new Entry(fields[0], fields[1], fields[2], fields[3]));
        }
        return new AnalyzerExceptions(entries);
    }

    /** The exceptions of one tool. */
    public List<Entry> of(String tool) {
        return entries.stream().filter(entry -> entry.tool().equals(tool)).toList();
    }

    /** The findings no exception covers: each one a test failure. */
    public List<AnalyzerFinding> unlisted(List<AnalyzerFinding> findings) {
        return findings.stream().filter(finding -> entries.stream().noneMatch(entry -> entry.covers(finding))).toList();
    }

    /** The exceptions of TOOL that cover none of FINDINGS (the tool's findings over every variant): stale, each one a test failure. */
    public List<Entry> stale(String tool, List<AnalyzerFinding> findings) {
        return of(tool).stream().filter(entry -> findings.stream().noneMatch(entry::covers)).toList();
    }
}
