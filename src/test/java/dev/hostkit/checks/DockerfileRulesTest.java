package dev.hostkit.checks;

import dev.hostkit.testing.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CHECKLISTS Dockerfile and .dockerignore 1-9 on every variant; the ENTRYPOINT run with a
 * stand-in java; and, for each rule, a deliberately broken kit that the rule must reject.
 */
class DockerfileRulesTest extends KitRuleTest {
    static Stream<Arguments> variantsAndRules() {
        return everyVariantWith(DockerfileRule.values());
    }

    @Override
    String[] shownFiles() {
        return new String[] {Kit.DOCKERFILE, Kit.DOCKERIGNORE};
    }

    @Test
    void baseImageFollowsTheJavaRelease() {
        Dockerfile dockerfile = Dockerfile.parse(kit(KitVariant.named("java-21")).read(Kit.DOCKERFILE));
        assertEquals("eclipse-temurin:21-jre", dockerfile.all("FROM").get(0).body());
    }

    @Test
    void baseImageSettingWins() {
        Dockerfile dockerfile = Dockerfile.parse(kit(KitVariant.named("base-image-override")).read(Kit.DOCKERFILE));
        assertEquals("eclipse-temurin:21-jre-noble", dockerfile.all("FROM").get(0).body());
    }

    /**
     * JAVA_OPTS are honoured: the ENTRYPOINT's own sh -c script, run with a java that prints
     * its arguments, passes our flags, then the operator's, then the main class and the
     * container's arguments, each as one word.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.hostkit.checks.KitVariant#all")
    void entrypointPassesJavaOptsAndArguments(KitVariant variant, @TempDir Path dir) throws IOException {
        Kit kit = kit(variant);
        List<String> argv = Dockerfile.Instruction.execForm(Dockerfile.parse(kit.read(Kit.DOCKERFILE)).all("ENTRYPOINT").get(0).body())
                .orElseThrow();
        assertEquals("/bin/sh", argv.get(0), "the ENTRYPOINT runs /bin/sh -c");
        Path java = dir.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nfor arg in \"$@\"; do printf '%s\\n' \"$arg\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> command = new ArrayList<>(argv);
        command.set(0, Tools.sh().toString());
        command.addAll(List.of("--greeting", "hello world"));
        Commands.Result result = Commands.run(command, dir,
                Map.of("PATH", java.getParent() + ":/usr/bin:/bin", "JAVA_OPTS", "-Xss512k -Dmode=test"), Duration.ofSeconds(10));
        assertEquals(0, result.exitCode(), result::describe);

        List<String> args = result.stdout().lines().toList();
        String ram = "-XX:MaxRAMPercentage=" + variant.maxRamPercentage();
        int main = args.indexOf("com.example.shop.Main");
        assertTrue(args.contains(ram), () -> "no " + ram + " in " + args);
        assertTrue(args.indexOf(ram) < args.indexOf("-Xss512k"), () -> "JAVA_OPTS must come after our flags: " + args);
        assertTrue(args.indexOf("-Dmode=test") < main, () -> "JAVA_OPTS must come before the main class: " + args);
        assertEquals(List.of("--greeting", "hello world"), args.subList(main + 1, args.size()), "the container's arguments, intact");
        assertEquals("/app/app.jar:/app/lib/*", args.get(args.indexOf("-cp") + 1), "the class path, unexpanded");
        assertFalse(args.contains(""), () -> "an empty argument reached java: " + args);
    }

    static Stream<Arguments> mutations() {
        String defaults = "defaults";
        String withLib = "server-name";
        return Stream.of(
                mutation(DockerfileRule.BASE_IMAGE, defaults, Kit.DOCKERFILE, "FROM eclipse-temurin:17-jre", "FROM eclipse-temurin:latest"),
                mutation(DockerfileRule.BASE_IMAGE, defaults, Kit.DOCKERFILE, "FROM eclipse-temurin:17-jre", "FROM eclipse-temurin"),
                mutation(DockerfileRule.BASE_IMAGE, defaults, Kit.DOCKERFILE, "FROM eclipse-temurin:17-jre", "FROM eclipse-temurin:21-jre"),
                mutation(DockerfileRule.BASE_IMAGE, defaults, Kit.DOCKERFILE, "FROM eclipse-temurin:17-jre", "FROM eclipse-temurin:17-jre-alpine"),
                mutation(DockerfileRule.NON_ROOT_USER, defaults, Kit.DOCKERFILE, "USER 10001:10001", "USER app"),
                mutation(DockerfileRule.NON_ROOT_USER, defaults, Kit.DOCKERFILE, "USER 10001:10001", "USER 0"),
                mutation(DockerfileRule.NON_ROOT_USER, defaults, Kit.DOCKERFILE, "USER 10001:10001", "USER 123456:123456"),
                mutation(DockerfileRule.NON_ROOT_USER, defaults, Kit.DOCKERFILE, "USER 10001:10001\n", ""),
                mutation(DockerfileRule.NON_ROOT_USER, defaults, Kit.DOCKERFILE, "--uid 10001", "--uid 10002"),
                mutation(DockerfileRule.EXEC_FORM_WORKDIR_COPY, defaults, Kit.DOCKERFILE, "ENTRYPOINT [\"/bin/sh\", \"-c\", ", "ENTRYPOINT /bin/sh -c ["),
                mutation(DockerfileRule.EXEC_FORM_WORKDIR_COPY, defaults, Kit.DOCKERFILE, "WORKDIR /app", "WORKDIR app"),
                mutation(DockerfileRule.EXEC_FORM_WORKDIR_COPY, defaults, Kit.DOCKERFILE, "COPY shop-1.0.0.jar", "ADD shop-1.0.0.jar"),
                mutation(DockerfileRule.EXEC_FORM_WORKDIR_COPY, defaults, Kit.DOCKERFILE, "ENTRYPOINT [", "CMD [\"a\"]\nCMD [\"b\"]\nENTRYPOINT ["),
                mutation(DockerfileRule.LAYERING, defaults, Kit.DOCKERFILE, "COPY shop-1.0.0.jar /app/app.jar", "COPY lib/ /app/lib/\nCOPY shop-1.0.0.jar /app/app.jar"),
                mutation(DockerfileRule.LAYERING, withLib, Kit.DOCKERFILE, "COPY lib/ /app/lib/\n", ""),
                mutation(DockerfileRule.LAYERING, withLib, Kit.DOCKERFILE, "COPY shop-1.0.0.jar /app/app.jar", "COPY shop-1.0.0.jar /app/app.jar\nCOPY lib/ /app/lib/"),
                mutation(DockerfileRule.PORT, defaults, Kit.DOCKERFILE, "EXPOSE 8080", "EXPOSE 80"),
                mutation(DockerfileRule.PORT, defaults, Kit.DOCKERFILE, "PORT=8080", "PORT=80"),
                mutation(DockerfileRule.HEALTHCHECK, defaults, Kit.DOCKERFILE, "CMD [\"bash\"", "CMD curl -f http://localhost:8080/ || exit 1 # [\"bash\""),
                mutation(DockerfileRule.HEALTHCHECK, defaults, Kit.DOCKERFILE, "head -n 1", "wget -qO- http://127.0.0.1:8080/ | head -n 1"),
                mutation(DockerfileRule.HEALTHCHECK, defaults, Kit.DOCKERFILE, "--retries=3 ", ""),
                mutation(DockerfileRule.HEALTHCHECK, defaults, Kit.DOCKERFILE, "HEALTHCHECK ", "HEALTHCHECK NONE\nHEALTHCHECK "),
                mutation(DockerfileRule.HEALTHCHECK, defaults, Kit.DOCKERFILE, "/dev/tcp/127.0.0.1/8080", "/dev/tcp/127.0.0.1/80"),
                mutation(DockerfileRule.HEALTHCHECK, defaults, Kit.DOCKERFILE, " '/' >&3", " '/other' >&3"),
                mutation(DockerfileRule.JVM_OPTIONS, defaults, Kit.DOCKERFILE, "-XX:MaxRAMPercentage=75 ", ""),
                mutation(DockerfileRule.JVM_OPTIONS, defaults, Kit.DOCKERFILE, "$JAVA_OPTS ", ""),
                mutation(DockerfileRule.JVM_OPTIONS, defaults, Kit.DOCKERFILE, "JAVA_OPTS=\"\"", "OPTS=\"\""),
                mutation(DockerfileRule.APT_HYGIENE, defaults, Kit.DOCKERFILE, "RUN groupadd", "RUN apt-get install curl && groupadd"),
                mutation(DockerfileRule.APT_HYGIENE, defaults, Kit.DOCKERFILE, "RUN groupadd", "RUN apt-get update && apt-get -y upgrade && groupadd"),
                mutation(DockerfileRule.NO_SECRETS, defaults, Kit.DOCKERFILE, "WORKDIR /app", "ARG DB_PASSWORD\nWORKDIR /app"),
                mutation(DockerfileRule.NO_SECRETS, "env-needing-quotes", Kit.DOCKERFILE, "WORKDIR /app", "ENV NON_ASCII=x\nWORKDIR /app"),
                mutation(DockerfileRule.BUILD_CONTEXT, defaults, Kit.DOCKERIGNORE, "!shop-1.0.0.jar", "!shop-*.war"),
                mutation(DockerfileRule.BUILD_CONTEXT, withLib, Kit.DOCKERIGNORE, "!lib/", "!lib/*.zip"),
                mutation(DockerfileRule.BUILD_CONTEXT, defaults, Kit.DOCKERIGNORE, "*\n", "*.log\n"),
                mutation(DockerfileRule.BUILD_CONTEXT, defaults, Kit.DOCKERIGNORE, "!shop-1.0.0.jar", "!shop-1.0.0.jar\n!Dockerfile"),
                mutation(DockerfileRule.BUILD_CONTEXT, defaults, Kit.DOCKERFILE, "COPY shop-1.0.0.jar", "COPY shop-2.0.0.jar"),
                mutation(DockerfileRule.BUILD_CONTEXT, defaults, Kit.DOCKERFILE, "COPY shop-1.0.0.jar", "COPY --from=builder shop-1.0.0.jar"));
    }


    /** The .dockerignore matcher itself, on Docker's documented semantics. */
    @Test
    void dockerignoreMatchingFollowsDocker() {
        DockerIgnore ignore = DockerIgnore.parse("# comment\n*\n!app.jar\n!lib/\nlib/*.tmp\n**/*.bak\n!keep/**/x.bak\n/target\n");
        assertFalse(ignore.excludes("app.jar"));
        assertTrue(ignore.excludes("other.jar"));
        assertTrue(ignore.excludes("sub/app.jar"), "'*' matches the folder sub, so all of it");
        assertFalse(ignore.excludes("lib/dep.jar"), "'!lib/' re-includes the folder's contents");
        assertTrue(ignore.excludes("lib/scratch.tmp"), "the last matching line wins");
        assertTrue(ignore.excludes("lib/a/b/old.bak"), "'**' crosses folders");
        assertFalse(ignore.excludes("keep/a/b/x.bak"));
        assertFalse(ignore.excludes("keep/x.bak"), "'**/' also matches no folder at all");
        assertTrue(DockerIgnore.parse("/target\n").excludes("target/classes/A.class"), "a leading '/' is the context root");
        assertTrue(DockerIgnore.parse("?.txt\n").excludes("a.txt"));
        assertFalse(DockerIgnore.parse("?.txt\n").excludes("ab.txt"));
        assertTrue(DockerIgnore.parse("[a-c].txt\n").excludes("b.txt"));
        assertFalse(DockerIgnore.parse("").excludes("anything"));
    }
}
