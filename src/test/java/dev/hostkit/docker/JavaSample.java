package dev.hostkit.docker;

import dev.hostkit.testing.SampleProject;
import dev.hostkit.testing.KitGeneration;
import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The Java sample of the container tests: examples/hello-java's Hello (answers / and /health
 * on $PORT) compiled here, packaged as hello-java-1.0.0.jar with a Main-Class, plus real runtime
 * dependency jars (Jackson, SnakeYAML, taken from the test classpath, about 3 MB) so the kit has
 * a lib/ layer worth caching. Its kit is rendered by the core ({@link KitGenerator}) exactly as
 * the Maven goal would.
 */
final class JavaSample implements KitSample {
    static final String SERVER_NAME = "hello.example.com";
    static final String GREETING = "Hello from hostkit";
    private static final Path SOURCE = Path.of("examples/hello-java/src/main/java/dev/hostkit/example/Hello.java");
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
        return renderKit("");
    }

    /**
     * Compiles the app, with {@code codeChange} inserted into its greeting (a change to the
     * app's code only: same dependencies), and renders the kit into its own folder.
     */
    Path renderKit(String codeChange) {
        return renderKit(codeChange, settings -> settings);
    }

    /** The kit with settings of the test's own on top of the sample's (TLS, ports, ...). */
    Path renderKit(String codeChange, UnaryOperator<HostingSettings> customize) {
        Path project = dir.resolve("project" + (codeChange.isEmpty() ? "" : "-" + Integer.toHexString(codeChange.hashCode())));
        Path jar = project.resolve("target/hello-java-1.0.0.jar");
        compileAndPackage(project, codeChange, jar);
        ProjectFacts facts = SampleProject.jarProject("hello-java", project, jar, dependencyJars(), "17");
        HostingSettings settings = customize.apply(new HostingSettings()
                .set("serverName", SERVER_NAME)
                .set("healthPath", "/health")
                .setMap("env", Map.of("GREETING", GREETING)));
        Path output = project.resolve("target/hosting");
        KitGeneration.write(settings, facts, project.resolve("src/main/hosting"), output, false);
        return output;
    }

    static List<Path> dependencyJars() {
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

    private static void compileAndPackage(Path project, String codeChange, Path jar) {
        try {
            Path sourceFile = project.resolve("src/main/java/dev/hostkit/example/Hello.java");
            Files.createDirectories(sourceFile.getParent());
            String source = Files.readString(PrivateDocker.projectDir().resolve(SOURCE), StandardCharsets.UTF_8);
            if (!codeChange.isEmpty()) {
                String marker = "\" (instance on port \"";
                if (!source.contains(marker)) {
                    throw new IllegalStateException("Hello.java changed: cannot find " + marker);
                }
                source = source.replace(marker, "\" (" + codeChange + ", instance on port \"");
            }
            Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
            Path classes = project.resolve("target/classes");
            Files.createDirectories(classes);
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int exit = compiler.run(null, errors, errors, "--release", "17", "-d", classes.toString(), sourceFile.toString());
            if (exit != 0) {
                throw new IllegalStateException("javac failed:\n" + errors.toString(StandardCharsets.UTF_8));
            }
            writeJar(classes, jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar with fixed entry times, so the same classes always make the same bytes. */
    private static void writeJar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.hostkit.example.Hello");
        Files.createDirectories(jar.getParent());
        FileTime fixed = FileTime.fromMillis(1767225600000L);
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                JarEntry entry = new JarEntry(classes.relativize(path).toString().replace('\\', '/'));
                entry.setLastModifiedTime(fixed);
                out.putNextEntry(entry);
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
    }
}
