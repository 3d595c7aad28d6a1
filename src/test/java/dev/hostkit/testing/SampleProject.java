package dev.hostkit.testing;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.PomFacts;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.write.WriteReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throw-away project in a temp dir for tests of the core: a packaged jar (with or without
 * a Main-Class) and optional runtime dependency jars. {@link #generate} renders its kit.
 */
public final class SampleProject {
    /** The files of {@link #builtByQuarkus}'s fast-jar folder, under target/. */
    public static final List<String> QUARKUS_APP = List.of("quarkus-app/app/shop-1.0.0.jar",
            "quarkus-app/lib/boot/io.quarkus.quarkus-bootstrap-runner-3.15.1.jar",
            "quarkus-app/lib/main/io.quarkus.quarkus-core-3.15.1.jar", "quarkus-app/quarkus-app-dependencies.txt",
            "quarkus-app/quarkus-run.jar", "quarkus-app/quarkus/quarkus-application.dat");
    private final Path baseDir;
    private final Path jar;
    private final List<Path> runtimeJars = new ArrayList<>();
    private String javaRelease = "17";
    private PomFacts pom = PomFacts.NONE;

    private SampleProject(Path baseDir, Path jar) {
        this.baseDir = baseDir;
        this.jar = jar;
    }

    /** A project "shop" 1.0.0 whose jar has Main-Class com.example.shop.Main. */
    public static SampleProject create(Path baseDir) {
        return create(baseDir, "com.example.shop.Main");
    }

    /** @param mainClass the jar's Main-Class, or {@code null} for none */
    public static SampleProject create(Path baseDir, String mainClass) {
        Path jar = baseDir.resolve("target/shop-1.0.0.jar");
        writeJar(jar, mainClass);
        return new SampleProject(baseDir, jar);
    }

    /** Adds a runtime dependency jar with this file name. */
    public SampleProject withDependency(String fileName) {
        Path dependency = baseDir.resolve("repo").resolve(fileName);
        writeJar(dependency, null);
        runtimeJars.add(dependency);
        return this;
    }

    public SampleProject withJavaRelease(String release) {
        this.javaRelease = release;
        return this;
    }

    /** What its POM names: build plugins, parents, imported BOMs, dependencies ({@code groupId:artifactId}). */
    public SampleProject withPom(PomFacts facts) {
        this.pom = facts;
        return this;
    }

    /** Writes a file under src/main/resources, such as {@code application.properties}. */
    public SampleProject withResource(String name, String content) {
        return write(baseDir.resolve("src/main/resources").resolve(name), content);
    }

    public Path baseDir() {
        return baseDir;
    }

    public Path jar() {
        return jar;
    }

    public Path templateDir() {
        return baseDir.resolve("src/main/hosting");
    }

    public Path outputDir() {
        return baseDir.resolve("target/hosting");
    }

    public ProjectFacts facts() {
        return jarProject("shop", baseDir, jar, runtimeJars, javaRelease).withPom(pom);
    }

    /** What the build knows of a jar project with Java sources, version 1.0.0. */
    public static ProjectFacts jarProject(String artifactId, Path baseDir, Path jar, List<Path> runtimeJars, String javaRelease) {
        return jarProject(artifactId, "1.0.0", baseDir, jar, runtimeJars, javaRelease);
    }

    /** What the build knows of a jar project with Java sources, of this version. */
    public static ProjectFacts jarProject(String artifactId, String version, Path baseDir, Path jar, List<Path> runtimeJars, String javaRelease) {
        return new ProjectFacts(artifactId, version, baseDir, jar, runtimeJars, javaRelease, "jar", true);
    }

    /** Writes a user template (override or addition) under src/main/hosting. */
    public SampleProject withTemplate(String name, String content) {
        return write(templateDir().resolve(name), content);
    }

    private SampleProject write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Renders and writes the kit into target/hosting. */
    public WriteReport generate(HostingSettings settings) {
        return KitGeneration.write(settings, facts(), templateDir(), outputDir(), false);
    }

    /** Reads a file of the generated kit. */
    public String read(String kitPath) {
        try {
            return Files.readString(outputDir().resolve(kitPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Its jar as spring-boot-maven-plugin's repackage leaves it: an executable jar that holds its
     * dependencies in BOOT-INF/lib and says so in its manifest.
     */
    public SampleProject repackagedBySpringBoot() {
        JavaBuild.jarWithManifest(jar, Map.of("Main-Class", "org.springframework.boot.loader.launch.JarLauncher",
                "Start-Class", "com.example.shop.Main", "Spring-Boot-Classes", "BOOT-INF/classes/",
                "Spring-Boot-Lib", "BOOT-INF/lib/"), null, entry -> false, Map.of("BOOT-INF/lib/dep-1.0.jar", "a dependency"));
        return this;
    }

    /**
     * The same jar as Spring Boot VERSION repackages it by default: with the layers index that
     * names its four layers.
     */
    public SampleProject layeredBySpringBoot(String version) {
        JavaBuild.jarWithManifest(jar, Map.of("Main-Class", "org.springframework.boot.loader.launch.JarLauncher",
                "Start-Class", "com.example.shop.Main", "Spring-Boot-Version", version, "Spring-Boot-Lib", "BOOT-INF/lib/",
                "Spring-Boot-Layers-Index", "BOOT-INF/layers.idx"), null, entry -> false, Map.of(
                "BOOT-INF/lib/dep-1.0.jar", "a dependency", "BOOT-INF/layers.idx", "- \"dependencies\":\n  - \"BOOT-INF/lib/\"\n"
                        + "- \"spring-boot-loader\":\n  - \"org/\"\n- \"snapshot-dependencies\":\n- \"application\":\n"
                        + "  - \"BOOT-INF/classes/\"\n  - \"META-INF/\"\n"));
        return this;
    }

    /**
     * What quarkus:build leaves beside the thin jar: the fast-jar folder target/quarkus-app,
     * written after the jar (which a real Quarkus build leaves without a Main-Class).
     */
    public SampleProject builtByQuarkus() {
        Path folder = jar.resolveSibling("quarkus-app");
        JavaBuild.jar(folder.resolve("quarkus-run.jar"), "io.quarkus.bootstrap.runner.QuarkusEntryPoint", null, entry -> false,
                Map.of());
        for (String file : QUARKUS_APP.subList(0, 4)) {
            write(jar.resolveSibling(file), file);
        }
        write(folder.resolve("quarkus/quarkus-application.dat"), "metadata");
        return this;
    }

    private static void writeJar(Path jar, String mainClass) {
        JavaBuild.jar(jar, mainClass, null, entry -> false, Map.of("placeholder.txt", jar.getFileName().toString()));
    }
}
