package dev.hostkit.analyzers;

import dev.hostkit.analyzers.AnalyzedKits.KitFinding;
import dev.hostkit.nginx.NginxVariants;
import dev.hostkit.testing.AnalyzerExceptions;
import dev.hostkit.testing.AnalyzerFinding;
import dev.hostkit.testing.KubernetesVariants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real analyzers over every generated file of every variant ({@link NginxVariants}: the
 * docker and compose rules' variants, and Java/Python × TLS off/certificate/ACME × 1/3
 * instances × server names, static paths and ports; and a kit per environment,
 * {@link EnvironmentKits}): gixy over each nginx site, checkov over each Dockerfile (it has no
 * checks for compose files), yamllint over each YAML file; and the kubernetes target's variants
 * ({@link KubernetesVariants}) through kubeconform -strict (schemas from the pinned OpenAPI spec),
 * kube-score and checkov's Kubernetes checks. A finding that
 * {@code tools/analyzer-exceptions.tsv} does not list fails, with the tool's message; so does an
 * exception there that no variant needs any more. {@link AnalyzerMutationTest} shows each tool
 * complains about a broken file.
 */
class AnalyzersTest {
    @TempDir
    static Path dir;
    private static AnalyzedKits kits;

    @BeforeAll
    static void renderEveryVariant() {
        kits = new AnalyzedKits(dir);
        NginxVariants.all().forEach(kits::render);
        KubernetesVariants.all().forEach(kits::render);
        EnvironmentKits.render(dir.resolve("environments"), kits);
    }

    @Test
    void gixyFindsNothingUnlisted() {
        assertOnlyListed(Analyzer.GIXY);
    }

    @Test
    void checkovFindsNothingUnlistedInTheDockerfiles() {
        assertOnlyListed(Analyzer.CHECKOV);
    }

    @Test
    void yamllintFindsNothingUnlisted() {
        assertOnlyListed(Analyzer.YAMLLINT);
    }

    @Test
    void kubeconformFindsEveryManifestValidAgainstTheStrictSchemas() {
        assertOnlyListed(Analyzer.KUBECONFORM);
    }

    @Test
    void kubeScoreFindsNothingUnlisted() {
        assertOnlyListed(Analyzer.KUBE_SCORE);
    }

    @Test
    void checkovFindsNothingUnlistedInTheKubernetesManifests() {
        assertOnlyListed(Analyzer.CHECKOV_KUBERNETES);
    }

    private static void assertOnlyListed(Analyzer analyzer) {
        String tool = analyzer.tool();
        assertTrue(kits.files(analyzer).size() >= KubernetesVariants.all().count(),
                () -> tool + " has too few files to read: " + kits.files(analyzer));
        List<KitFinding> found = kits.analyze(analyzer);
        AnalyzerExceptions exceptions = AnalyzerExceptions.load();
        List<AnalyzerFinding> findings = found.stream().map(KitFinding::finding).toList();
        List<AnalyzerFinding> unlisted = exceptions.unlisted(findings);
        // one line per finding, with the variants it is in: the same finding in 60 variants is one line
        Map<AnalyzerFinding, List<String>> variants = new LinkedHashMap<>();
        found.stream().filter(kitFinding -> unlisted.contains(kitFinding.finding()))
                .forEach(kitFinding -> variants.computeIfAbsent(kitFinding.finding(), f -> new ArrayList<>()).add(kitFinding.variant()));
        String failures = variants.entrySet().stream().map(entry -> entry.getKey() + "\n      in " + entry.getValue().size()
                + " variants: " + String.join("; ", entry.getValue().subList(0, Math.min(3, entry.getValue().size())))
                + (entry.getValue().size() > 3 ? "; ..." : "")).collect(Collectors.joining("\n  "));
        assertTrue(failures.isEmpty(), () -> tool + " findings that tools/analyzer-exceptions.tsv does not list:\n  " + failures);
        // the exceptions of the files this analyzer reads (checkov reads Dockerfiles and manifests, as two analyzers)
        assertEquals(List.of(), exceptions.stale(tool, findings).stream().filter(entry -> analyzer.reads(entry.files())).toList(),
                () -> "stale exceptions in tools/analyzer-exceptions.tsv: no kit of any variant has these " + tool + " findings");
    }
}
