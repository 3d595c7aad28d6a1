package dev.hostkit.analyzers;

import dev.hostkit.testing.AnalyzerFinding;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.SampleKit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kits rendered side by side under one folder, so that each analyzer runs once over the files of
 * all of them (checkov takes seconds to start); its findings are mapped back to the kit they are
 * in, with the path inside that kit, which is what {@code tools/analyzer-exceptions.tsv} globs.
 */
final class AnalyzedKits {
    /** A finding in the kit of one variant. */
    record KitFinding(String variant, AnalyzerFinding finding) {
        @Override
        public String toString() {
            return finding + " [" + variant + "]";
        }
    }

    private final Path root;
    /** Each kit's folder relative to the root, with a slash, to what it is the kit of. */
    private final Map<String, String> kitsByPrefix = new LinkedHashMap<>();

    AnalyzedKits(Path root) {
        this.root = root;
    }

    /** Renders the variant's kit under the root; returns it. */
    SampleKit render(KitVariant variant) {
        String dir = "kit-" + (kitsByPrefix.size() + 1);
        SampleKit kit = variant.render(root.resolve(dir));
        add(variant.name(), kit.root());
        return kit;
    }

    /** Analyzes the kit in KIT_ROOT (a folder under the root) too, as the kit of LABEL. */
    void add(String label, Path kitRoot) {
        kitsByPrefix.put(root.relativize(kitRoot) + "/", label);
    }

    /** The files of every kit the analyzer reads, relative to the root. */
    List<String> files(Analyzer analyzer) {
        List<String> files = new ArrayList<>();
        kitsByPrefix.keySet().forEach(prefix -> SampleKit.filesUnder(root.resolve(prefix)).stream().filter(analyzer::reads)
                .forEach(file -> files.add(prefix + file)));
        return files;
    }

    /** Runs the analyzer once over the files it reads in every kit. */
    List<KitFinding> analyze(Analyzer analyzer) {
        List<KitFinding> found = new ArrayList<>();
        for (AnalyzerFinding finding : analyzer.run(root, files(analyzer))) {
            String prefix = kitsByPrefix.keySet().stream().filter(finding.file()::startsWith).findFirst()
                    .orElseThrow(() -> new AssertionError("a finding outside every kit: " + finding));
            AnalyzerFinding inKit = new AnalyzerFinding(finding.tool(), finding.check(), finding.file().substring(prefix.length()),
                    finding.message());
            found.add(new KitFinding(kitsByPrefix.get(prefix), inKit));
        }
        return found;
    }
}
