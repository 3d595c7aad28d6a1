package dev.hostkit.host;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A real web app for the host kit tests, compiled in the test from
 * {@code src/test/resources/host/sample-app} (bench/run.sh compiles the same sources): an app
 * jar with a Main-Class and one runtime dependency jar, which the app cannot start without.
 */
final class SampleApp {
    static final String MAIN_CLASS = "hostkit.sample.Main";
    private static final String SOURCES = "/host/sample-app/";
    private static final String LIB_PACKAGE = "hostkit/sample/lib/";
    private static final List<String> SOURCE_FILES = List.of("hostkit/sample/Main.java", "hostkit/sample/lib/Greeting.java");

    private final Path dir;
    private final Path classes;

    private SampleApp(Path dir, Path classes) {
        this.dir = dir;
        this.classes = classes;
    }

    /** Compiles the app into {@code dir}; {@link #jar} and {@link #dependency} package it. */
    static SampleApp build(Path dir) {
        Path sources = dir.resolve("src");
        Path classes = dir.resolve("classes");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        try {
            for (String name : SOURCE_FILES) {
                Path file = sources.resolve(name);
                Files.createDirectories(file.getParent());
                try (InputStream in = SampleApp.class.getResourceAsStream(SOURCES + name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing test resource " + SOURCES + name);
                    }
                    Files.write(file, in.readAllBytes());
                }
                arguments.add(file.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler: the tests need a JDK, not a JRE");
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, errors, errors, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("the sample app does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        return new SampleApp(dir, classes);
    }

    /**
     * The app jar (Main-Class hostkit.sample.Main, without the dependency's classes).
     *
     * @param buildId written into the jar, so that two builds with different ids differ
     */
    Path jar(String buildId) {
        return write(dir.resolve("build-" + buildId + "/sample-app-1.0.0.jar"), MAIN_CLASS, false, buildId);
    }

    /** The runtime dependency jar, with hostkit.sample.lib.Greeting. */
    Path dependency() {
        return write(dir.resolve("repo/sample-greeting-1.0.jar"), null, true, "lib");
    }

    private Path write(Path jar, String mainClass, boolean lib, String buildId) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (Stream<Path> files = Files.walk(classes)) {
            Files.createDirectories(jar.getParent());
            List<Path> classFiles = files.filter(Files::isRegularFile).sorted().toList();
            try (OutputStream file = Files.newOutputStream(jar);
                 JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Path classFile : classFiles) {
                    String name = classes.relativize(classFile).toString().replace('\\', '/');
                    if (name.startsWith(LIB_PACKAGE) == lib) {
                        out.putNextEntry(new JarEntry(name));
                        out.write(Files.readAllBytes(classFile));
                        out.closeEntry();
                    }
                }
                out.putNextEntry(new JarEntry("build-id.txt"));
                out.write(buildId.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
