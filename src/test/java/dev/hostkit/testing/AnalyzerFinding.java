package dev.hostkit.testing;

/**
 * One finding of a real analyzer (gixy, checkov, yamllint, kube-score, ...) over a generated
 * file: the tool, its check's id (as the tool names it), the file relative to the kit and the
 * tool's own message.
 */
public record AnalyzerFinding(String tool, String check, String file, String message) {
    @Override
    public String toString() {
        return tool + " " + check + " in " + file + ": " + message;
    }
}
