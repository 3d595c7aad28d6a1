package dev.hostkit.analyzers;

import dev.hostkit.testing.AnalyzerFinding;
import dev.hostkit.testing.Checkov;
import dev.hostkit.testing.Gixy;
import dev.hostkit.testing.KubeScore;
import dev.hostkit.testing.Kubeconform;
import dev.hostkit.testing.Yamllint;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** The real analyzers the kits go through, each with the kit files it reads (paths inside a kit). */
enum Analyzer {
    /** Every nginx site: compose/nginx/default.conf, host/nginx/APP.conf, host/nginx/APP-acme-bootstrap.conf. */
    GIXY(Gixy.TOOL, file -> file.matches("(.*/)?nginx/[^/]+\\.conf"), Gixy::check),
    /** The Dockerfiles; checkov has no checks for compose files. */
    CHECKOV(Checkov.TOOL, file -> file.matches("(.*/)?Dockerfile"), (root, files) -> Checkov.check(root, files, "dockerfile")),
    YAMLLINT(Yamllint.TOOL, file -> file.matches(".*\\.ya?ml"), Yamllint::check),
    /** The Kubernetes manifests (not kustomization.yaml, which is kubectl's, no API object). */
    KUBECONFORM(Kubeconform.TOOL, Analyzer::isManifest, Kubeconform::check),
    KUBE_SCORE(KubeScore.TOOL, Analyzer::isManifest, KubeScore::check),
    /** checkov's Kubernetes checks; named checkov-kubernetes in the mutation table, checkov in findings. */
    CHECKOV_KUBERNETES(Checkov.TOOL, Analyzer::isManifest, (root, files) -> Checkov.check(root, files, "kubernetes"));

    private final String tool;
    private final Predicate<String> reads;
    private final BiFunction<Path, List<String>, List<AnalyzerFinding>> run;

    Analyzer(String tool, Predicate<String> reads, BiFunction<Path, List<String>, List<AnalyzerFinding>> run) {
        this.tool = tool;
        this.reads = reads;
        this.run = run;
    }

    /** The tool's name, as findings and tools/analyzer-exceptions.tsv name it. */
    String tool() {
        return tool;
    }

    /** Whether it reads this kit file. */
    boolean reads(String kitFile) {
        return reads.test(kitFile);
    }

    /** Its findings over FILES, relative to ROOT. */
    List<AnalyzerFinding> run(Path root, List<String> files) {
        return run.apply(root, files);
    }

    private static boolean isManifest(String kitFile) {
        return kitFile.matches("(.*/)?kubernetes/[^/]+\\.yaml") && !kitFile.matches("(.*/)?kustomization\\.yaml");
    }

    /** By its tool's name, or its own name in lower case with '-' ("checkov-kubernetes"). */
    static Analyzer of(String tool) {
        return Arrays.stream(values()).filter(analyzer -> analyzer.tool.equals(tool)
                        || analyzer.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(tool)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no analyzer " + tool));
    }
}
