package dev.hostkit.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * yamllint ({@code tools/python-tools.sh}) over YAML files with the project's configuration,
 * {@code .yamllint.yaml} (which rules, and why). Errors and warnings are both findings.
 */
public final class Yamllint {
    public static final String TOOL = "yamllint";
    /** The project's yamllint configuration. */
    public static final String CONFIG = ".yamllint.yaml";
    /** One line of {@code --format parsable}: FILE:LINE:COLUMN: [LEVEL] MESSAGE (RULE). */
    private static final Pattern PARSABLE = Pattern.compile("(.+?):([0-9]+):([0-9]+): \\[(error|warning)] (.*?)(?: \\(([a-z-]+)\\))?");

    private Yamllint() {}

    /**
     * @param root  the folder the files' paths are relative to; the findings name files the same way
     * @param files such as "compose/compose.yaml"
     * @return every problem, the check being yamllint's rule ("syntax" for a file that is no YAML)
     */
    public static List<AnalyzerFinding> check(Path root, List<String> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of(Tools.fromPyPi(TOOL), "--config-file", ProjectDir.resolve(CONFIG).toString(),
                "--format", "parsable", "--strict"));
        command.add("--");
        command.addAll(files);
        Commands.Result result = Commands.run(command, root);
        List<AnalyzerFinding> findings = new ArrayList<>();
        for (String line : result.stdout().lines().filter(line -> !line.isBlank()).toList()) {
            Matcher problem = PARSABLE.matcher(line);
            if (!problem.matches()) {
                throw new AssertionError("yamllint printed what is not a problem line: " + line + "\n" + result.describe());
            }
            String rule = problem.group(6) == null ? "syntax" : problem.group(6);
            findings.add(new AnalyzerFinding(TOOL, rule, problem.group(1),
                    "line " + problem.group(2) + " column " + problem.group(3) + ": " + problem.group(4) + ": " + problem.group(5)));
        }
        // 1: errors, 2: warnings only (--strict); anything else, or a failure without a problem line, means it did not run
        if (result.exitCode() > 2 || (!result.ok() && findings.isEmpty()) || !result.stderr().isBlank()) {
            throw new AssertionError("yamllint did not check every file: " + result.describe());
        }
        return findings;
    }
}
