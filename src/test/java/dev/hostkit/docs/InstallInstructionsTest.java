package dev.hostkit.docs;

import dev.hostkit.testing.ProjectDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's install lines are {@code .ci/run}'s, in its order, and the test command
 * {@code .ci/run} ends with is the README's command 2: a newcomer who follows the README runs
 * what CI runs.
 */
class InstallInstructionsTest {
    private static final String CI_TEST_COMMENT = "# The README's test command, exactly.";
    private static List<String> ciRun;
    private static List<String> readme;

    @BeforeAll
    static void read() throws IOException {
        ciRun = Files.readAllLines(ProjectDir.resolve(".ci/run"));
        readme = Files.readAllLines(ProjectDir.resolve("README.md"));
    }

    /** {@code .ci/run}'s lines from {@code SUDO=""} up to the test command, without blank lines. */
    static List<String> ciInstallLines(List<String> script) {
        int start = script.indexOf("SUDO=\"\"");
        int end = script.indexOf(CI_TEST_COMMENT);
        assertTrue(start >= 0 && end > start, ".ci/run has no SUDO=\"\" line before \"" + CI_TEST_COMMENT + "\"");
        return script.subList(start, end).stream().filter(line -> !line.isBlank()).toList();
    }

    /** The lines of the first {@code sh} block after a heading, without blank lines. */
    static List<String> shBlockAfter(List<String> markdown, String heading) {
        int headingAt = markdown.indexOf(heading);
        assertTrue(headingAt >= 0, "README.md has no heading " + heading);
        int open = markdown.subList(headingAt, markdown.size()).indexOf("```sh") + headingAt;
        int close = markdown.subList(open + 1, markdown.size()).indexOf("```") + open + 1;
        return markdown.subList(open + 1, close).stream().filter(line -> !line.isBlank()).toList();
    }

    @Test
    void theReadmeInstallsWhatCiInstalls() {
        assertEquals(String.join("\n", ciInstallLines(ciRun)), String.join("\n", shBlockAfter(readme, "### Installing the test tools")),
                "README.md's \"Installing the test tools\" block must repeat .ci/run's install lines, comments included");
    }

    @Test
    void ciRunsTheReadmesTestCommand() {
        List<String> commands = shBlockAfter(readme, "## Two commands").stream().filter(line -> !line.startsWith("#")).toList();
        List<String> ciTail = ciRun.subList(ciRun.indexOf(CI_TEST_COMMENT) + 1, ciRun.size()).stream()
                .filter(line -> !line.isBlank()).toList();
        assertEquals(List.of(commands.get(commands.size() - 1)), ciTail, "the command after \"" + CI_TEST_COMMENT + "\" in .ci/run");
    }

    @Test
    void aDriftedLineIsFound() {
        List<String> drifted = ciRun.stream().map(line -> line.replace("shellcheck wrk", "shellcheck")).toList();
        assertTrue(!ciInstallLines(drifted).equals(shBlockAfter(readme, "### Installing the test tools")),
                "a README that lacks wrk must not pass for .ci/run's");
    }
}
