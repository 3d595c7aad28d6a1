package dev.hostkit.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * checkov ({@code tools/python-tools.sh}) over files of one of its frameworks ("dockerfile",
 * "kubernetes", ...), offline ({@code --skip-download}: only the checks that ship with it, no
 * Prisma Cloud account). It has no framework for compose files. All files go to one run (checkov
 * takes seconds to start).
 */
public final class Checkov {
    public static final String TOOL = "checkov";

    private Checkov() {}

    /**
     * @param root      the folder the files' paths are relative to; the findings name files the same way
     * @param files     such as "docker/Dockerfile"
     * @param framework checkov's name for the files' kind: "dockerfile", "kubernetes"
     * @return every failed check, file relative to ROOT
     */
    public static List<AnalyzerFinding> check(Path root, List<String> files, String framework) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of(Tools.fromPyPi(TOOL), "--framework", framework, "--skip-download",
                "--output", "json", "--compact", "--quiet"));
        for (String file : files) {
            command.addAll(List.of("--file", root.resolve(file).toAbsolutePath().normalize().toString()));
        }
        Commands.Result result = Commands.run(command, root, Map.of(), Duration.ofMinutes(10));
        if (result.exitCode() > 1) {
            throw new AssertionError("checkov did not run: " + result.describe());
        }
        JsonNode report = AnalyzerJson.read(result.stdout(), result);
        // one object per check type, in a list when there are several
        List<JsonNode> checkTypes = new ArrayList<>();
        if (report.isArray()) {
            report.forEach(checkTypes::add);
        } else {
            checkTypes.add(report);
        }
        if (checkTypes.stream().mapToInt(checkType -> checkType.path("summary").path("resource_count").asInt()).sum() == 0) {
            throw new AssertionError("checkov found nothing of framework " + framework + " to check in " + files + ": " + result.describe());
        }
        List<AnalyzerFinding> findings = new ArrayList<>();
        for (JsonNode checkType : checkTypes) {
            if (checkType.path("summary").path("parsing_errors").asInt() > 0) {
                throw new AssertionError("checkov could not parse every file: " + checkType.path("results").path("parsing_errors")
                        + "\n" + result.describe());
            }
            for (JsonNode failed : checkType.path("results").path("failed_checks")) {
                Path file = Path.of(failed.path("file_abs_path").asText());
                findings.add(new AnalyzerFinding(TOOL, failed.path("check_id").asText(),
                        root.toAbsolutePath().normalize().relativize(file).toString(),
                        "lines " + failed.path("file_line_range") + " " + failed.path("resource").asText() + ": "
                                + failed.path("check_name").asText() + " (" + failed.path("guideline").asText() + ")"));
            }
        }
        return findings;
    }
}
