package dev.hostkit.target.host;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.Http;
import dev.hostkit.testing.HttpResponse;
import dev.hostkit.testing.JavaBuild;
import dev.hostkit.testing.KitProject;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Nginx;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.ProjectDir;
import dev.hostkit.testing.RequiredTool;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spring Boot app (spring-boot-starter-web and -actuator, resolved from Maven Central into
 * the local repository once) run as the host kit's two instances, each with its unit's command
 * line and environment, behind the kit's real nginx site: both listen on their own port on
 * 127.0.0.1 only, as {@code ss -ltn} shows, so SERVER_PORT (%i) and SERVER_ADDRESS reach Spring
 * Boot; the actuator (its env endpoint exposed by the app) answers on each instance but 404
 * through nginx, except the health path hosting.publicManagementPaths opens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootHostTest {
    /** Spring Boot with the actuator starts in a few seconds, in 40 on a machine busy with other builds. */
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Path SAMPLE = ProjectDir.resolve("src/test/resources/spring-boot-sample");

    @TempDir
    static Path dir;

    /** The instances, then nginx: stopped last first. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private int base;
    private int listen;

    @BeforeAll
    void startTwoInstancesBehindNginx() throws IOException {
        Tool.SYSTEM_JAVA.path();
        List<Path> lib = runtimeClasspath();
        Path classes = JavaBuild.compile(List.of(SAMPLE.resolve("src/main/java/sample/App.java")), dir.resolve("classes"), lib);
        Path jar = JavaBuild.jar(dir.resolve("target/boot-1.0.0.jar"), "sample.App", classes, name -> true,
                Map.of("application.properties", Files.readString(SAMPLE.resolve("src/main/resources/application.properties"))));
        base = Ports.consecutive(2);
        do {
            listen = Ports.consecutive(1);
        } while (listen == base || listen == base + 1);
        Path prefix = dir.resolve("opt/boot");
        HostKit kit = HostKit.of(new KitVariant("spring boot", KitProject.jars("boot", jar, lib), settings -> settings
                .setList("targets", List.of("host")).set("instances", "2").set("port", String.valueOf(base))
                .set("listenPort", String.valueOf(listen)).set("serverName", "localhost")
                .set("installPrefix", prefix.toString()).set("framework", "spring-boot")
                .setList("publicManagementPaths", List.of("/actuator/health"))).render(dir.resolve("project")));
        kit.installJavaApp(prefix);
        for (int port = base; port < base + 2; port++) {
            running.push(AppInstance.start(kit, String.valueOf(port), port, dir.resolve("app-" + port + ".log"), STARTUP));
        }
        running.push(Nginx.start(Files.createDirectories(dir.resolve("nginx")), kit.read("nginx/boot.conf"), Nginx.Main.DEBIAN,
                listen));
    }

    /** Runs also when the setup failed half-way. */
    @AfterAll
    void stopAll() throws Exception {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }

    @Test
    void bothInstancesListenOnLoopbackOnlyOnTheirOwnPorts() {
        String listening = Commands.run(null, Tool.SS.path(), "-Hltn").stdout();
        for (int port = base; port < base + 2; port++) {
            assertEquals(List.of("127.0.0.1:" + port), listeners(listening, port), listening);
            assertEquals("hello\n", Http.get(port, "localhost", "/").text());
        }
        assertEquals("hello\n", Http.get(listen, "localhost", "/").text(), "through nginx");
    }

    @Test
    void theActuatorAnswersOnEachInstanceButNotThroughNginx() {
        for (int port = base; port < base + 2; port++) {
            HttpResponse env = Http.get(port, "localhost", "/actuator/env");
            assertEquals(200, env.status(), "the instance's own port: the probes' way in");
            assertTrue(env.text().contains("\"propertySources\""), env::toString);
        }
        assertAll(Stream.of("/actuator", "/actuator/", "/actuator/env", "/actuator;x/env",
                        "/static/../actuator/env", "//actuator/env", "/actuator%2fenv",
                        "/%61ctuator/env")
                .map(path -> () -> assertEquals(404, Http.get(listen, "localhost", path).status(), path + " through nginx")));
        // Tomcat drops ";..." before it resolves "..": the dotfile rule of the site refuses it first
        assertEquals(403, Http.get(listen, "localhost", "/actuator/health/..;/env").status(), "through nginx");
        HttpResponse health = Http.get(listen, "localhost", "/actuator/health");
        assertEquals(200, health.status(), "publicManagementPaths opens it: " + health);
        assertTrue(health.text().contains("\"UP\""), health::toString);
        assertEquals(200, Http.get(listen, "localhost", "/actuator/health/ping").status(), "what is under it");
        assertEquals(404, Http.get(listen, "localhost", "/actuatorx").status(), "no such app path: the app's own 404");
    }

    /**
     * The local addresses of the listening sockets on PORT in {@code ss -Hltn}'s output, an
     * IPv4-mapped one as IPv4 (the JVM binds 127.0.0.1 as {@code [::ffff:127.0.0.1]}: loopback still).
     */
    private static List<String> listeners(String ss, int port) {
        return Stream.of(ss.split("\n")).map(line -> line.trim().split("\\s+")).filter(columns -> columns.length >= 4)
                .map(columns -> columns[3]).filter(address -> address.endsWith(":" + port))
                .map(address -> address.replaceFirst("^\\[::ffff:([0-9.]+)]", "$1")).toList();
    }

    /** spring-boot-starter-web's and -actuator's runtime jars, copied by Maven from the local repository (fetched once). */
    private static List<Path> runtimeClasspath() throws IOException {
        Path lib = dir.resolve("lib");
        Commands.Result copy = Commands.run(List.of(ProjectDir.resolve("mvnw").toString(), "-B", "-q", "-f",
                SAMPLE.resolve("pom.xml").toString(), "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
                "-DincludeScope=runtime", "-DoutputDirectory=" + lib), ProjectDir.path());
        if (copy.exitCode() != 0) {
            RequiredTool.unavailable("spring-boot-starter-web", "./mvnw -f " + SAMPLE.resolve("pom.xml")
                    + " dependency:go-offline (Maven Central)", "Spring Boot's jars are not in the local repository and Maven "
                    + "Central cannot be reached:\n" + copy.stdout() + copy.stderr());
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
