package dev.hostkit.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * At the end of a run, the checks that did not run because a tool is missing ({@link MissingTool},
 * which {@link RequiredTool} throws on a developer's machine): a line per remedy (one install
 * brings every tool it names) with the tools, what installs them and how many checks they cost. Nothing is printed when no check was aborted for a
 * tool (so never under CI=true, where those checks fail instead).
 *
 * <p>JUnit Jupiter applies it to every test class: it is listed in
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}, and
 * {@code junit-platform.properties} turns on the autodetection of extensions for it alone. A
 * test counts once (each run of a parameterized one, each dynamic test of a factory); a class
 * whose {@code @BeforeAll} aborted counts as its test methods. It prints when JUnit closes the root store, after the last test.
 */
public final class MissingToolsSummary
        implements BeforeAllCallback, TestWatcher, InvocationInterceptor, LifecycleMethodExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MissingToolsSummary.class);

    /** Per remedy (one install brings all its tools): the tools missing and the checks they cost. */
    private final Map<String, Missing> byRemedy = new LinkedHashMap<>();
    private final PrintStream out;

    public MissingToolsSummary() {
        this(System.out);
    }

    MissingToolsSummary(PrintStream out) {
        this.out = out;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("printer", key -> (AutoCloseable) this::print, AutoCloseable.class);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        aborted(cause, 1);
    }

    /** Dynamic tests (of a {@code @TestFactory}), which JUnit does not report to a TestWatcher. */
    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext context) throws Throwable {
        try {
            invocation.proceed();
        } catch (Throwable t) {
            aborted(t, 1);
            throw t;
        }
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        aborted(throwable, context.getTestClass().map(MissingToolsSummary::testMethods).orElse(1));
        throw throwable;
    }

    /** Counts COUNT checks aborted by CAUSE when it is a {@link MissingTool} (wrapped in anything else it fails the check). */
    synchronized void aborted(Throwable cause, int count) {
        if (cause instanceof MissingTool missing) {
            Missing entry = byRemedy.computeIfAbsent(missing.remedy(), remedy -> new Missing());
            entry.tools.add(missing.tool());
            entry.checks += count;
        }
    }

    /** The summary so far: empty when no check was aborted for a missing tool. */
    synchronized String summary() {
        if (byRemedy.isEmpty()) {
            return "";
        }
        int total = byRemedy.values().stream().mapToInt(missing -> missing.checks).sum();
        StringBuilder text = new StringBuilder("hostkit: " + plural(total) + " did not run because a tool is missing"
                + " (under CI=true they fail instead):\n");
        List<Map.Entry<String, Missing>> byCount = new ArrayList<>(byRemedy.entrySet());
        byCount.sort(Comparator.comparingInt((Map.Entry<String, Missing> entry) -> entry.getValue().checks).reversed());
        for (Map.Entry<String, Missing> entry : byCount) {
            text.append("  ").append(String.join(", ", entry.getValue().tools)).append(" (").append(entry.getKey()).append("): ")
                    .append(plural(entry.getValue().checks)).append('\n');
        }
        return text.toString();
    }

    /** Prints the summary, if there is one, and starts over. */
    synchronized void print() {
        String summary = summary();
        if (!summary.isEmpty()) {
            out.print(summary);
            out.flush();
        }
        byRemedy.clear();
    }

    /** The tools one remedy brings that were missing, and the checks that did not run for them. */
    private static final class Missing {
        final Set<String> tools = new LinkedHashSet<>();
        int checks;
    }

    private static String plural(int checks) {
        return checks == 1 ? "1 check" : checks + " checks";
    }

    private static int testMethods(Class<?> testClass) {
        return Math.max(1, AnnotationSupport.findAnnotatedMethods(testClass, Testable.class, HierarchyTraversalMode.TOP_DOWN).size());
    }
}
