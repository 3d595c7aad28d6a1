package dev.hostkit.core.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the build knows about the project, independent of any hosting setting.
 *
 * @param artifactId   the project's artifactId, the default application name
 * @param version      the project's version
 * @param baseDir      the project's base directory
 * @param artifactFile the packaged jar, or {@code null} when the project has not been packaged
 * @param runtimeJars  the runtime dependencies of the jar, in classpath order
 * @param javaRelease  the Java release the project compiles for ({@code maven.compiler.release} and friends), or {@code null}
 * @param packaging    the project's packaging (jar, war, pom, ...)
 * @param hasJavaSources whether the project has Java sources (src/main/java)
 * @param pom          the plugins, parents, BOMs and dependencies its POM names (frameworks are recognised by them)
 */
public record ProjectFacts(String artifactId, String version, Path baseDir, Path artifactFile,
                           List<Path> runtimeJars, String javaRelease, String packaging, boolean hasJavaSources,
                           PomFacts pom) {
    public ProjectFacts {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(packaging, "packaging");
        Objects.requireNonNull(pom, "pom");
        runtimeJars = List.copyOf(runtimeJars);
    }

    /** A project whose POM names no framework's plugin, parent, BOM or dependency. */
    public ProjectFacts(String artifactId, String version, Path baseDir, Path artifactFile,
                        List<Path> runtimeJars, String javaRelease, String packaging, boolean hasJavaSources) {
        this(artifactId, version, baseDir, artifactFile, runtimeJars, javaRelease, packaging, hasJavaSources, PomFacts.NONE);
    }

    /** The same project with what this POM names. */
    public ProjectFacts withPom(PomFacts otherPom) {
        return new ProjectFacts(artifactId, version, baseDir, artifactFile, runtimeJars, javaRelease, packaging,
                hasJavaSources, otherPom);
    }

}
