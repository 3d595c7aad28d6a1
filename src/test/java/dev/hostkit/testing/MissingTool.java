package dev.hostkit.testing;

import org.opentest4j.TestAbortedException;

/**
 * Why a test was aborted on a developer's machine: something it needs (a program, a file, root)
 * is not there, and what installs or provides it. Thrown by {@link RequiredTool} only; under
 * CI=true the test fails instead. {@link MissingToolsSummary} counts these at the end of a run.
 */
public final class MissingTool extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    private final String tool;
    private final String remedy;

    MissingTool(String tool, String remedy, String reason) {
        super(reason);
        this.tool = tool;
        this.remedy = remedy;
    }

    /** What is missing: a command ("nginx"), a file, or a condition ("root"). */
    public String tool() {
        return tool;
    }

    /** What provides it ("apt-get install nginx-light"). */
    public String remedy() {
        return remedy;
    }
}
