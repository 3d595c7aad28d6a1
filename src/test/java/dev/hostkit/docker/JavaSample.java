package dev.hostkit.docker;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.JavaBuild;
import dev.hostkit.testing.KitProject;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.ProjectDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Java sample of the container tests: examples/hello-java's Hello (answers / and /health
 * on $PORT) compiled here, packaged as hello-java-1.0.0.jar with a Main-Class, plus real runtime
 * dependency jars (Jackson, SnakeYAML, taken from the test classpath, about 3 MB) so the kit has
 * a lib/ layer worth caching. Its kit is rendered by the real generator, as the goal would.
 */
final class JavaSample implements KitSample {
    static final String SERVER_NAME = "hello.example.com";
    static final String GREETING = "Hello from hostkit";
    private static final String SOURCE = "examples/hello-java/src/main/java/dev/hostkit/example/Hello.java";
    /** Classes whose jars become the sample's runtime dependencies. */
    private static final List<Class<?>> DEPENDENCIES = List.of(
            com.fasterxml.jackson.databind.ObjectMapper.class,
            com.fasterxml.jackson.core.JsonFactory.class,
            com.fasterxml.jackson.annotation.JsonProperty.class,
            com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class,
            org.yaml.snakeyaml.Yaml.class);

    private final Path dir;

    JavaSample(Path dir) {
        this.dir = dir;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public List<String> baseImages() {
        return List.of("eclipse-temurin:17-jre", "nginx:1.28");
    }

    @Override
    public String serverName() {
        return SERVER_NAME;
    }

    @Override
    public String healthPath() {
        return "/health";
    }

    @Override
    public String expectedBody(String path) {
        return path.equals("/health") ? "ok\n" : GREETING + " (instance on port 8080)\n";
    }

    @Override
    public Path renderKit() {
        return renderKit("", settings -> {});
    }

    /**
     * Compiles the app, with {@code codeChange} inserted into its greeting (a change to the
     * app's code only: same dependencies), and renders the kit into its own folder, with
     * settings of the test's own on top of the sample's (TLS, ports, ...).
     */
    Path renderKit(String codeChange, Consumer<HostingSettings> customize) {
        Path project = dir.resolve("project" + (codeChange.isEmpty() ? "" : "-" + Integer.toHexString(codeChange.hashCode())));
        Path jar = compileAndPackage(project, codeChange);
        Consumer<HostingSettings> sample = settings -> settings.set("serverName", SERVER_NAME).set("healthPath", "/health")
                .set("memoryLimit", "512m").set("cpuLimit", "1").setMap("env", Map.of("GREETING", GREETING));
        return new KitVariant(name(), KitProject.jars("hello-java", jar, dependencyJars()), sample.andThen(customize))
                .render(project).root();
    }

    private static List<Path> dependencyJars() {
        List<Path> jars = new ArrayList<>();
        for (Class<?> type : DEPENDENCIES) {
            try {
                Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
                    throw new IllegalStateException(type + " does not come from a jar: " + jar);
                }
                jars.add(jar);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return jars;
    }

    /** hello-java-1.0.0.jar, the same bytes for the same code (fixed entry times). */
    private static Path compileAndPackage(Path project, String codeChange) {
        try {
            Path sourceFile = project.resolve("src/main/java/dev/hostkit/example/Hello.java");
            Files.createDirectories(sourceFile.getParent());
            String source = Files.readString(ProjectDir.resolve(SOURCE), StandardCharsets.UTF_8);
            if (!codeChange.isEmpty()) {
                String marker = "\" (instance on port \"";
                if (!source.contains(marker)) {
                    throw new IllegalStateException("Hello.java changed: cannot find " + marker);
                }
                source = source.replace(marker, "\" (" + codeChange + ", instance on port \"");
            }
            Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
            Path classes = JavaBuild.compile(List.of(sourceFile), project.resolve("target/classes"));
            return JavaBuild.jar(project.resolve("target/hello-java-1.0.0.jar"), "dev.hostkit.example.Hello", classes,
                    name -> true, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
