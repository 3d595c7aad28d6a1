package dev.hostkit.core.runtime.java;

import dev.hostkit.core.model.App;
import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.runtime.AppRuntime;
import dev.hostkit.core.runtime.RuntimeApp;
import dev.hostkit.core.runtime.java.framework.FrameworkApp;
import dev.hostkit.core.runtime.java.framework.Frameworks;
import dev.hostkit.core.runtime.java.framework.ManagementPaths;
import dev.hostkit.core.runtime.java.framework.Packaging;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.settings.ValueType;

import javax.inject.Named;
import javax.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** A JVM app packaged as a jar (with its runtime dependencies), started with its main class. */
@Named("java")
@Singleton
public final class JavaRuntime implements AppRuntime {
    static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final String RELEASE_ALLOWED = "Allowed: a Java feature release from 8 to 99, such as 17 or 21.";

    public static final Setting<Integer> JAVA_VERSION = Setting.value("javaVersion",
            ValueType.wholeNumber(8, 99, RELEASE_ALLOWED),
            "`maven.compiler.release` (or `.target`, `.source`), else `17`",
            "The Java feature release (8–99) of the runtime image and of the machine's JRE.")
            .shownAs("java.release");
    public static final Setting<String> MAIN_CLASS = Setting.value("mainClass",
            ValueType.matching(CLASS_NAME, MainClass.ALLOWED), "the jar manifest's `Main-Class`",
            "The class to run, fully qualified.")
            .shownAs("java.mainClass");
    public static final Setting<Integer> MAX_RAM_PERCENTAGE = Setting.value("maxRamPercentage",
            ValueType.wholeNumber(10, 95,
                    "Allowed: a whole number from 10 to 95 (the share of the container's memory the heap may use)."),
            "`75`", "The share of the container's memory (on a bare machine: of `hostMemoryLimit`, when set) the JVM "
                    + "heap may take, 10–95 percent.")
            .shownAs("java.maxRamPercentage");
    public static final Setting<String> JAVA_COMMAND = Setting.value("javaCommand",
            ValueType.absolutePath("/usr/bin/java"), "`/usr/bin/java`",
            "The java launcher on a bare machine, an absolute path.")
            .shownAs("java.command");
    private static final List<Setting<?>> SETTINGS = List.of(Frameworks.FRAMEWORK, JAVA_VERSION, MAIN_CLASS,
            MAX_RAM_PERCENTAGE, JAVA_COMMAND, ManagementPaths.PUBLIC_MANAGEMENT_PATHS);

    @Override
    public String name() {
        return "java";
    }

    @Override
    public List<Setting<?>> settings() {
        return SETTINGS;
    }

    /** jar or war packaging, or Java sources. */
    @Override
    public boolean detects(ProjectFacts project, SettingValues settings) {
        return project.packaging().equals("jar") || project.packaging().equals("war") || project.hasJavaSources();
    }

    /** A project that nothing else recognises is taken for a Java one. */
    @Override
    public boolean isFallback() {
        return true;
    }

    @Override
    public int defaultPort() {
        return 8080;
    }

    /** The port the app's own configuration sets and its framework's health path. */
    @Override
    public App.Defaults appDefaults(ProjectFacts project, SettingValues settings) {
        return Frameworks.appDefaults(Frameworks.resolve(settings, project), project, defaultPort());
    }

    @Override
    public RuntimeApp resolve(SettingValues settings, ProjectFacts project, SharedModel shared, boolean shipped) {
        int release = settings.get(JAVA_VERSION).orElseGet(() -> releaseOf(project.javaRelease()));
        int maxRam = settings.getOr(MAX_RAM_PERCENTAGE, 75);
        String command = settings.getOr(JAVA_COMMAND, "/usr/bin/java");
        FrameworkApp framework = Frameworks.resolve(settings, project);
        if (!shipped) {
            return new JavaApp(shared.app(), release, settings.getOr(MAIN_CLASS, ""), null, null, maxRam, command, framework);
        }
        Path jar = MainClass.requireJar(project.artifactFile());
        Packaging packaging = framework.framework().packaging(jar, project.runtimeJars(), project.pom(),
                settings.get(MAIN_CLASS));
        return new JavaApp(shared.app(), release, packaging.mainClass(), jar, packaging, maxRam, command, framework);
    }

    /** The release from maven.compiler.release/target/source: "1.8" is 8. */
    private static int releaseOf(String fromProject) {
        if (fromProject == null || fromProject.isBlank()) {
            return 17;
        }
        String release = fromProject.trim().startsWith("1.") ? fromProject.trim().substring(2) : fromProject.trim();
        try {
            return JAVA_VERSION.parse(release).orElseThrow();
        } catch (InvalidSettingException e) {
            throw new InvalidSettingException(JAVA_VERSION.label(), release, RELEASE_ALLOWED
                    + " It was derived from maven.compiler.release/target '" + fromProject + "'; set hosting.javaVersion.");
        }
    }
}
