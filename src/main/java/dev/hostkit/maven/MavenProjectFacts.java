package dev.hostkit.maven;

import dev.hostkit.core.settings.PomFacts;
import dev.hostkit.core.settings.ProjectFacts;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** Reads the {@link ProjectFacts} hostkit needs from a Maven project. */
final class MavenProjectFacts {
    private static final Set<String> RUNTIME_SCOPES = Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME);

    private MavenProjectFacts() {}

    static ProjectFacts of(MavenProject project) {
        return new ProjectFacts(
                project.getArtifactId(),
                project.getVersion(),
                project.getBasedir().toPath(),
                packagedJar(project),
                project.getArtifacts().stream()
                        .filter(a -> RUNTIME_SCOPES.contains(a.getScope()) && "jar".equals(a.getType()) && a.getFile() != null)
                        // optional dependencies are the app's build's, not its runtime's (Spring's repackage leaves them out too)
                        .filter(a -> !a.isOptional())
                        .map(a -> a.getFile().toPath())
                        .toList(),
                javaRelease(project.getProperties()),
                project.getPackaging(),
                project.getCompileSourceRoots().stream().map(Path::of).anyMatch(MavenProjectFacts::hasJavaFiles),
                pom(project));
    }

    /**
     * The build plugins, the parents (nearest first), the BOMs this project and its parents import, and
     * the runtime classpath (resolved artifacts, else the declared dependencies), as groupId:artifactId.
     */
    static PomFacts pom(MavenProject project) {
        List<String> parents = new ArrayList<>();
        Set<String> boms = new LinkedHashSet<>();
        for (MavenProject current = project; current != null; current = current.getParent()) {
            Model original = current.getOriginalModel() == null ? current.getModel() : current.getOriginalModel();
            if (original.getDependencyManagement() != null) {
                original.getDependencyManagement().getDependencies().stream()
                        .filter(dependency -> Artifact.SCOPE_IMPORT.equals(dependency.getScope()))
                        .forEach(dependency -> boms.add(dependency.getGroupId() + ":" + dependency.getArtifactId()));
            }
            Parent parent = current.getModel().getParent();
            if (parent == null) {
                break;
            }
            parents.add(parent.getGroupId() + ":" + parent.getArtifactId());
        }
        Set<String> dependencies = new LinkedHashSet<>();
        project.getArtifacts().stream().filter(artifact -> RUNTIME_SCOPES.contains(artifact.getScope()))
                .forEach(artifact -> dependencies.add(artifact.getGroupId() + ":" + artifact.getArtifactId()));
        project.getDependencies().stream()
                .filter(dependency -> dependency.getScope() == null || RUNTIME_SCOPES.contains(dependency.getScope()))
                .forEach(dependency -> dependencies.add(dependency.getGroupId() + ":" + dependency.getArtifactId()));
        return new PomFacts(project.getBuildPlugins().stream().map(plugin -> plugin.getGroupId() + ":" + plugin.getArtifactId())
                .toList(), parents, List.copyOf(boms), List.copyOf(dependencies));
    }

    /** The jar the package phase attached, else the one it would have written. */
    private static Path packagedJar(MavenProject project) {
        File attached = project.getArtifact() == null ? null : project.getArtifact().getFile();
        if (attached != null && attached.isFile()) {
            return attached.toPath();
        }
        Path expected = Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".jar");
        return expected;
    }

    private static boolean hasJavaFiles(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return false;
        }
        try (var files = Files.walk(sourceRoot)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + sourceRoot, e);
        }
    }

    private static String javaRelease(Properties properties) {
        for (String key : List.of("maven.compiler.release", "maven.compiler.target", "maven.compiler.source")) {
            String value = properties.getProperty(key);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
