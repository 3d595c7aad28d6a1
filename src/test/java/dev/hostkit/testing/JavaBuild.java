package dev.hostkit.testing;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** A Java app built in the test the way Maven would: javac --release 17, then jars with fixed entry times (same classes, same bytes). */
public final class JavaBuild {
    private static final FileTime FIXED = FileTime.fromMillis(1767225600000L);

    private JavaBuild() {}

    /** Compiles SOURCES into CLASSES (created). */
    public static Path compile(List<Path> sources, Path classes) {
        return compile(sources, classes, List.of());
    }

    /** Compiles SOURCES against the jars of CLASSPATH into CLASSES (created). */
    public static Path compile(List<Path> sources, Path classes, List<Path> classpath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler: the tests need a JDK, not a JRE");
        }
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        if (!classpath.isEmpty()) {
            arguments.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList())));
        }
        sources.forEach(source -> arguments.add(source.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (compiler.run(null, errors, errors, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("javac failed:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /**
     * Writes a jar: the files under CLASSES whose jar path INCLUDE accepts (none when CLASSES is
     * {@code null}), then EXTRA entries (path to content).
     *
     * @param mainClass its Main-Class, or {@code null} for none
     */
    public static Path jar(Path jar, String mainClass, Path classes, Predicate<String> include, Map<String, String> extra) {
        return jarWithManifest(jar, mainClass == null ? Map.of() : Map.of(Attributes.Name.MAIN_CLASS.toString(), mainClass), classes,
                include, extra);
    }

    /** The same with these manifest attributes (Main-Class, Spring-Boot-Lib, ...). */
    public static Path jarWithManifest(Path jar, Map<String, String> attributes, Path classes, Predicate<String> include,
                                       Map<String, String> extra) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        new TreeMap<>(attributes).forEach((name, value) -> manifest.getMainAttributes().put(new Attributes.Name(name), value));
        try {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            if (classes != null) {
                try (Stream<Path> walk = Files.walk(classes)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String name = classes.relativize(file).toString().replace('\\', '/');
                        if (include.test(name)) {
                            entries.put(name, Files.readAllBytes(file));
                        }
                    }
                }
            }
            extra.forEach((name, content) -> entries.put(name, content.getBytes(StandardCharsets.UTF_8)));
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    JarEntry jarEntry = new JarEntry(entry.getKey());
                    jarEntry.setLastModifiedTime(FIXED);
                    out.putNextEntry(jarEntry);
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
