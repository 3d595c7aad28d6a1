package dev.hostkit.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The end-of-run summary fed the events JUnit gives it: what it counts, what it prints, and when nothing. */
class MissingToolsSummaryTest {
    private static final String NGINX = Tools.NGINX_HINT;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final MissingToolsSummary summary = new MissingToolsSummary(new PrintStream(printed, true, StandardCharsets.UTF_8));
    /** What the extension put into the (stand-in) root store: JUnit closes it after the last test. */
    private final List<Object> rootStore = new ArrayList<>();

    @Test
    void printsNothingWhenNoCheckWasAbortedForAMissingTool() throws Exception {
        summary.beforeAll(context(Object.class));
        summary.testAborted(null, new TestAbortedException("an assumption, not a tool"));
        summary.testFailed(null, new AssertionError("CI=true and nginx is not installed"));
        assertThrows(AssertionError.class, () -> summary.interceptDynamicTest(() -> {
            throw new AssertionError("a dynamic test that fails");
        }, null, null));
        summary.testSuccessful(null);
        endOfRun();
        assertEquals("", printed());
    }

    @Test
    void countsAbortedChecksPerRemedyAndPrintsThemAtTheEnd() throws Throwable {
        summary.beforeAll(context(Object.class));
        for (int i = 0; i < 3; i++) {
            summary.testAborted(null, missing("nginx", NGINX));
        }
        summary.testAborted(null, missing("/etc/nginx/mime.types", NGINX));
        summary.testFailed(null, new IllegalStateException("a failure, though caused by", missing("nginx", NGINX)));
        MissingTool shellcheck = missing("shellcheck", "apt-get install shellcheck");
        assertSame(shellcheck, assertThrows(MissingTool.class, () -> summary.interceptDynamicTest(() -> {
            throw shellcheck;
        }, null, null)), "a dynamic test's abort goes on unchanged");
        summary.interceptDynamicTest(() -> null, null, null);
        MissingTool root = missing("root", "run the tests as root, as CI does");
        Throwable rethrown = assertThrows(MissingTool.class,
                () -> summary.handleBeforeAllMethodExecutionException(context(TwoChecks.class), root));
        assertSame(root, rethrown, "the @BeforeAll's abort goes on unchanged");
        assertEquals("", printed(), "nothing before the end of the run");

        endOfRun();
        assertEquals("""
                hostkit: 7 checks did not run because a tool is missing (under CI=true they fail instead):
                  nginx, /etc/nginx/mime.types (apt-get install nginx-light): 4 checks
                  root (run the tests as root, as CI does): 2 checks
                  shellcheck (apt-get install shellcheck): 1 check
                """, printed());
    }

    @Test
    void printsOnceAndStartsOver() throws Exception {
        summary.beforeAll(context(Object.class));
        summary.testAborted(null, missing("nginx", NGINX));
        endOfRun();
        endOfRun();
        assertEquals("hostkit: 1 check did not run because a tool is missing (under CI=true they fail instead):\n"
                + "  nginx (apt-get install nginx-light): 1 check\n", printed());
    }

    /** A class whose two checks a failing @BeforeAll keeps from running. */
    static class TwoChecks {
        @Test
        void one() {}

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
        void two(int value) {}

        void notACheck() {}
    }

    private static MissingTool missing(String tool, String remedy) {
        return new MissingTool(tool, remedy, tool + " is not installed (" + remedy + ")");
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** As JUnit does at the end of a run: closes what is in the root store. */
    private void endOfRun() throws Exception {
        assertEquals(1, rootStore.size(), "the summary keeps one closeable in the root store: " + rootStore);
        ((AutoCloseable) rootStore.get(0)).close();
    }

    /** Just what the summary asks of a context: the test class, and a root whose store keeps what it is given. */
    private ExtensionContext context(Class<?> testClass) {
        ExtensionContext.Store store = (ExtensionContext.Store) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExtensionContext.Store.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getOrComputeIfAbsent") || args.length != 3) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    if (rootStore.isEmpty()) {
                        @SuppressWarnings("unchecked")
                        Function<Object, Object> compute = (Function<Object, Object>) args[1];
                        rootStore.add(compute.apply(args[0]));
                    }
                    return rootStore.get(0);
                });
        return (ExtensionContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ExtensionContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRoot" -> proxy;
                    case "getStore" -> store;
                    case "getTestClass" -> Optional.of(testClass);
                    default -> throw new UnsupportedOperationException(method.toString());
                });
    }
}
