package dev.hostkit.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * kubeconform ({@code tools/go-tools.sh}) with {@code -strict} over Kubernetes manifests, against the
 * strict schemas {@link KubernetesSchemas} makes from the pinned release's OpenAPI spec: offline, no
 * schema downloaded. A resource it cannot find a schema for, or a file it cannot read, is a finding too.
 */
public final class Kubeconform {
    public static final String TOOL = "kubeconform";
    private static Path schemas;

    private Kubeconform() {}

    /** The schemas, written once per test run. */
    private static synchronized Path schemas() {
        if (schemas == null) {
            try {
                schemas = KubernetesSchemas.write(Files.createTempDirectory("hostkit-kubernetes-schemas"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    /** @return a finding per resource that is not valid (check: its status), file relative to ROOT */
    public static List<AnalyzerFinding> check(Path root, List<String> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of(Tools.fromGoProxy(TOOL), "-strict", "-summary", "-verbose",
                "-output", "json", "-schema-location", schemas().resolve(KubernetesSchemas.TEMPLATE).toString()));
        command.addAll(files);
        Commands.Result result = Commands.run(command, root);
        JsonNode report = AnalyzerJson.read(result.stdout(), result);
        List<AnalyzerFinding> findings = new ArrayList<>();
        int valid = 0;
        for (JsonNode resource : report.path("resources")) {
            String status = resource.path("status").asText();
            if (status.equals("statusValid")) {
                valid++;
            } else {
                findings.add(new AnalyzerFinding(TOOL, status, resource.path("filename").asText(),
                        resource.path("kind").asText() + " " + resource.path("name").asText() + ": " + resource.path("msg").asText()));
            }
        }
        if (valid + findings.size() < files.size()) {
            throw new AssertionError("kubeconform checked fewer resources than files: " + result.describe());
        }
        return findings;
    }
}
