package dev.hostkit.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-score ({@code tools/go-tools.sh}) with its default checks. Its checks relate objects (a
 * Deployment's PodDisruptionBudget, NetworkPolicy, HPA), so the manifests of each folder (one kit's
 * {@code kubernetes/}) are scored together and apart from other kits'. A check graded below OK is a finding.
 */
public final class KubeScore {
    public static final String TOOL = "kube-score";

    private KubeScore() {}

    /** @return every check that is not OK, file relative to ROOT */
    public static List<AnalyzerFinding> check(Path root, List<String> files) {
        Map<Path, List<String>> byFolder = new LinkedHashMap<>();
        files.forEach(file -> byFolder.computeIfAbsent(Path.of(file).getParent(), folder -> new ArrayList<>()).add(file));
        List<AnalyzerFinding> findings = new ArrayList<>();
        for (List<String> folder : byFolder.values()) {
            List<String> command = new ArrayList<>(List.of(Tools.fromGoProxy(TOOL), "score", "--output-format", "json"));
            command.addAll(folder);
            Commands.Result result = Commands.run(command, root);
            if (result.exitCode() > 1) {
                throw new AssertionError("kube-score did not run: " + result.describe());
            }
            JsonNode report = AnalyzerJson.read(result.stdout(), result);
            if (report.size() == 0) {
                throw new AssertionError("kube-score scored no object in " + folder + ": " + result.describe());
            }
            for (JsonNode object : report) {
                String file = root.toAbsolutePath().normalize().relativize(root.resolve(object.path("file_name").asText())
                        .toAbsolutePath().normalize()).toString();
                for (JsonNode check : object.path("checks")) {
                    if (check.path("skipped").asBoolean() || check.path("grade").asInt() >= 10) {
                        continue;
                    }
                    List<String> comments = new ArrayList<>();
                    check.path("comments").forEach(comment -> comments.add(comment.path("path").asText() + " "
                            + comment.path("summary").asText()));
                    findings.add(new AnalyzerFinding(TOOL, check.path("check").path("id").asText(), file,
                            object.path("object_name").asText() + ": " + String.join("; ", comments)));
                }
            }
        }
        return findings;
    }
}
