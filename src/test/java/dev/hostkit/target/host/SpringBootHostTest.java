package dev.hostkit.target.host;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.Http;
import dev.hostkit.testing.JavaBuild;
import dev.hostkit.testing.KitProject;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.ProjectDir;
import dev.hostkit.testing.RequiredTool;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real Spring Boot app (spring-boot-starter-web, resolved from Maven Central into the local
 * repository once) run as the host kit's two instances, each with its unit's command line and
 * environment: both listen on their own port on 127.0.0.1 only, as {@code ss -ltn} shows, so
 * SERVER_PORT (%i) and SERVER_ADDRESS reach Spring Boot.
 */
class SpringBootHostTest {
    private static final Path SAMPLE = ProjectDir.resolve("src/test/resources/spring-boot-sample");

    @TempDir
    Path dir;

    @Test
    void bothInstancesListenOnLoopbackOnlyOnTheirOwnPorts() throws IOException {
        Tool.SYSTEM_JAVA.path();
        String ss = Tool.SS.path();
        List<Path> lib = runtimeClasspath();
        Path classes = JavaBuild.compile(List.of(SAMPLE.resolve("src/main/java/sample/App.java")), dir.resolve("classes"), lib);
        Path jar = JavaBuild.jar(dir.resolve("target/boot-1.0.0.jar"), "sample.App", classes, name -> true, Map.of());
        int base = Ports.consecutive(2);
        Path prefix = dir.resolve("opt/boot");
        HostKit kit = HostKit.of(new KitVariant("spring boot", KitProject.jars("boot", jar, lib), settings -> settings
                .setList("targets", List.of("host")).set("instances", "2").set("port", String.valueOf(base))
                .set("installPrefix", prefix.toString()).set("framework", "spring-boot")).render(dir.resolve("project")));
        kit.installJavaApp(prefix);
        List<AppInstance> instances = new ArrayList<>();
        try {
            for (int port = base; port < base + 2; port++) {
                instances.add(AppInstance.start(kit, String.valueOf(port), port, dir.resolve("app-" + port + ".log")));
            }
            String listening = Commands.run(null, ss, "-Hltn").stdout();
            for (int port = base; port < base + 2; port++) {
                assertEquals(List.of("127.0.0.1:" + port), listeners(listening, port), listening);
                assertEquals("hello\n", Http.get(port, "localhost", "/").text());
            }
        } finally {
            instances.forEach(AppInstance::close);
        }
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

    /** spring-boot-starter-web's runtime jars, copied by Maven from the local repository (fetched once). */
    private List<Path> runtimeClasspath() throws IOException {
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
