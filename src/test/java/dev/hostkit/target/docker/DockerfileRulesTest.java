package dev.hostkit.target.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.KitRuleTest;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.KitVariants;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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
 * The Dockerfile and .dockerignore rules on every variant they apply to; the Java ENTRYPOINT
 * run with a stand-in java; and, for each rule, a deliberately broken kit that the rule must
 * reject.
 */
class DockerfileRulesTest extends KitRuleTest {
    DockerfileRulesTest() {
        super(Stream.concat(Stream.of(DockerfileRule.values()), Stream.of(JavaDockerfileRule.values())).toList(), """
                BASE_IMAGE             | defaults           | docker/Dockerfile    | FROM eclipse-temurin:17-jre => FROM eclipse-temurin:21-jre
                BASE_IMAGE             | defaults           | docker/Dockerfile    | FROM eclipse-temurin:17-jre => FROM eclipse-temurin:17-jre-alpine
                NON_ROOT_USER          | defaults           | docker/Dockerfile    | USER 10001:10001 => USER app
                NON_ROOT_USER          | defaults           | docker/Dockerfile    | USER 10001:10001 => USER 0
                NON_ROOT_USER          | defaults           | docker/Dockerfile    | USER 10001:10001 => USER 123456:123456
                NON_ROOT_USER          | defaults           | docker/Dockerfile    | USER 10001:10001\\n =>
                NON_ROOT_USER          | defaults           | docker/Dockerfile    | --uid 10001 => --uid 10002
                EXEC_FORM_WORKDIR      | defaults           | docker/Dockerfile    | `ENTRYPOINT ["/bin/sh", "-c", ` => ENTRYPOINT /bin/sh -c [
                EXEC_FORM_WORKDIR      | defaults           | docker/Dockerfile    | ENTRYPOINT [ => CMD ["a"]\\nCMD ["b"]\\nENTRYPOINT [
                LAYERING               | defaults           | docker/Dockerfile    | COPY shop-1.0.0.jar /app/app.jar => COPY lib/ /app/lib/\\nCOPY shop-1.0.0.jar /app/app.jar
                LAYERING               | server-name        | docker/Dockerfile    | COPY lib/ /app/lib/\\n =>
                LAYERING               | server-name        | docker/Dockerfile    | COPY shop-1.0.0.jar /app/app.jar => COPY shop-1.0.0.jar /app/app.jar\\nCOPY lib/ /app/lib/
                PORT                   | defaults           | docker/Dockerfile    | EXPOSE 8080 => EXPOSE 80
                PORT                   | defaults           | docker/Dockerfile    | PORT=8080 => PORT=80
                HEALTHCHECK            | defaults           | docker/Dockerfile    | CMD ["bash" => CMD curl -f http://localhost:8080/ || exit 1 # ["bash"
                HEALTHCHECK            | defaults           | docker/Dockerfile    | head -n 1 => wget -qO- http://127.0.0.1:8080/ | head -n 1
                HEALTHCHECK            | defaults           | docker/Dockerfile    | `--retries=3 ` =>
                HEALTHCHECK            | defaults           | docker/Dockerfile    | `HEALTHCHECK ` => `HEALTHCHECK NONE\\nHEALTHCHECK `
                HEALTHCHECK            | defaults           | docker/Dockerfile    | /dev/tcp/127.0.0.1/8080 => /dev/tcp/127.0.0.1/80
                HEALTHCHECK            | defaults           | docker/Dockerfile    | ` '/' >&3` => ` '/other' >&3`
                JVM_OPTIONS            | defaults           | docker/Dockerfile    | `-XX:MaxRAMPercentage=75 ` =>
                JVM_OPTIONS            | defaults           | docker/Dockerfile    | `$JAVA_OPTS ` =>
                JVM_OPTIONS            | defaults           | docker/Dockerfile    | JAVA_OPTS="" => OPTS=""
                APT_HYGIENE            | defaults           | docker/Dockerfile    | RUN groupadd => RUN apt-get install curl && groupadd
                APT_HYGIENE            | defaults           | docker/Dockerfile    | RUN groupadd => RUN apt-get update && apt-get -y upgrade && groupadd
                NO_SECRETS             | defaults           | docker/Dockerfile    | WORKDIR /app => ARG DB_PASSWORD\\nWORKDIR /app
                NO_SECRETS             | env-needing-quotes | docker/Dockerfile    | WORKDIR /app => ENV NON_ASCII=x\\nWORKDIR /app
                BUILD_CONTEXT          | defaults           | docker/.dockerignore | !shop-1.0.0.jar => !shop-*.war
                BUILD_CONTEXT          | server-name        | docker/.dockerignore | !lib/ => !lib/*.zip
                BUILD_CONTEXT          | defaults           | docker/.dockerignore | *\\n => *.log\\n
                BUILD_CONTEXT          | defaults           | docker/.dockerignore | !shop-1.0.0.jar => !shop-1.0.0.jar\\n!Dockerfile
                BUILD_CONTEXT          | defaults           | docker/Dockerfile    | COPY shop-1.0.0.jar => COPY shop-2.0.0.jar
                BUILD_CONTEXT          | defaults           | docker/Dockerfile    | COPY shop-1.0.0.jar => COPY --from=builder shop-1.0.0.jar
                """, Dockerfile.PATH, DockerIgnore.PATH);
    }

    @Test
    void baseImageFollowsTheJavaRelease() {
        Dockerfile dockerfile = Dockerfile.parse(kit(KitVariants.named("java-21")).read(Dockerfile.PATH));
        assertEquals("eclipse-temurin:21-jre", dockerfile.all("FROM").get(0).body());
    }

    @Test
    void baseImageSettingWins() {
        Dockerfile dockerfile = Dockerfile.parse(kit(KitVariants.named("base-image-override")).read(Dockerfile.PATH));
        assertEquals("eclipse-temurin:21-jre-noble", dockerfile.all("FROM").get(0).body());
    }

    /**
     * JAVA_OPTS are honoured: the ENTRYPOINT's own sh -c script, run with a java that prints
     * its arguments, passes our flags, then the operator's, then the main class and the
     * container's arguments, each as one word.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.hostkit.testing.KitVariants#java")
    void entrypointPassesJavaOptsAndArguments(KitVariant variant, @TempDir Path dir) throws IOException {
        SampleKit kit = kit(variant);
        List<String> argv = Dockerfile.Instruction.execForm(Dockerfile.parse(kit.read(Dockerfile.PATH)).all("ENTRYPOINT").get(0).body())
                .orElseThrow();
        assertEquals("/bin/sh", argv.get(0), "the ENTRYPOINT runs /bin/sh -c");
        Path java = dir.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nfor arg in \"$@\"; do printf '%s\\n' \"$arg\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> command = new ArrayList<>(argv);
        command.set(0, Tool.SH.path());
        command.addAll(List.of("--greeting", "hello world"));
        Commands.Result result = Commands.run(command, dir,
                Map.of("PATH", java.getParent() + ":/usr/bin:/bin", "JAVA_OPTS", "-Xss512k -Dmode=test"), Duration.ofSeconds(10));
        assertEquals(0, result.exitCode(), result::describe);

        List<String> args = result.stdout().lines().toList();
        String ram = "-XX:MaxRAMPercentage=" + variant.maxRamPercentage();
        // the main class, or the jar java runs
        int main = args.contains("-jar") ? args.indexOf("-jar") + 1 : args.indexOf("-cp") + 2;
        assertTrue(args.contains(ram), () -> "no " + ram + " in " + args);
        assertTrue(args.indexOf(ram) < args.indexOf("-Xss512k"), () -> "JAVA_OPTS must come after our flags: " + args);
        assertTrue(args.indexOf("-Dmode=test") < main, () -> "JAVA_OPTS must come before the main class: " + args);
        assertEquals(List.of("--greeting", "hello world"), args.subList(main + 1, args.size()), "the container's arguments, intact");
        if (variant.appLayer().equals(KitVariant.APP_JAR)) {
            assertEquals("com.example.shop.Main", args.get(main));
            assertEquals(variant.dependency() ? "/app/app.jar:/app/lib/*" : "/app/app.jar", args.get(args.indexOf("-cp") + 1),
                    "the class path, unexpanded");
        }
        assertFalse(args.contains(""), () -> "an empty argument reached java: " + args);
    }
}
