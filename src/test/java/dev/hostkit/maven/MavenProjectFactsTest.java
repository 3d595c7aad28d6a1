package dev.hostkit.maven;

import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.testing.SampleProject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MavenProjectFactsTest {
    @TempDir
    Path dir;

    private SampleProject sample;
    private MavenProject project;

    @BeforeEach
    void createProject() {
        sample = SampleProject.create(dir);
        project = TestProjects.of(sample);
    }

    @Test
    void projectFacts() {
        ProjectFacts facts = MavenProjectFacts.of(project);
        assertEquals("shop", facts.artifactId());
        assertEquals("1.0.0", facts.version());
        assertEquals(dir, facts.baseDir());
        assertEquals(List.of(), facts.runtimeJars());
        assertEquals("21", facts.javaRelease());
    }

    @Test
    void theJarIsTheAttachedArtifactOnceThereIsOne() throws Exception {
        assertEquals(dir.resolve("target/shop-1.0.0.jar"), MavenProjectFacts.of(project).artifactFile(), "before package: the expected jar");

        Path renamed = Files.copy(sample.jar(), dir.resolve("target/renamed.jar"));
        project.setArtifact(TestProjects.artifact("shop", null, "jar", renamed.toFile()));
        assertEquals(renamed, MavenProjectFacts.of(project).artifactFile());

        project.setArtifact(TestProjects.artifact("shop", null, "jar", dir.resolve("target/classes").toFile()));
        assertEquals(dir.resolve("target/shop-1.0.0.jar"), MavenProjectFacts.of(project).artifactFile(),
                "after compile only, the artifact's file is the classes folder");
    }

    @Test
    void runtimeJarsAreCompileAndRuntimeJarsInClasspathOrder() {
        Set<Artifact> artifacts = new LinkedHashSet<>();
        artifacts.add(TestProjects.artifact("runtime-b", Artifact.SCOPE_RUNTIME, "jar", new File("/repo/runtime-b.jar")));
        artifacts.add(TestProjects.artifact("compile-a", Artifact.SCOPE_COMPILE, "jar", new File("/repo/compile-a.jar")));
        artifacts.add(TestProjects.artifact("tests", Artifact.SCOPE_TEST, "jar", new File("/repo/tests.jar")));
        artifacts.add(TestProjects.artifact("container", Artifact.SCOPE_PROVIDED, "jar", new File("/repo/container.jar")));
        artifacts.add(TestProjects.artifact("bom", Artifact.SCOPE_COMPILE, "pom", new File("/repo/bom.pom")));
        artifacts.add(TestProjects.artifact("unresolved", Artifact.SCOPE_COMPILE, "jar", null));
        project.setArtifacts(artifacts);
        assertEquals(List.of(Path.of("/repo/runtime-b.jar"), Path.of("/repo/compile-a.jar")), MavenProjectFacts.of(project).runtimeJars());
    }

    @Test
    void javaReleaseComesFromReleaseThenTargetThenSource() {
        project.getProperties().clear();
        assertNull(MavenProjectFacts.of(project).javaRelease());
        project.getProperties().setProperty("maven.compiler.source", "1.8");
        assertEquals("1.8", MavenProjectFacts.of(project).javaRelease());
        project.getProperties().setProperty("maven.compiler.target", " 11 ");
        assertEquals("11", MavenProjectFacts.of(project).javaRelease());
        project.getProperties().setProperty("maven.compiler.release", " ");
        assertEquals("11", MavenProjectFacts.of(project).javaRelease(), "a blank release does not count");
        project.getProperties().setProperty("maven.compiler.release", "17");
        assertEquals("17", MavenProjectFacts.of(project).javaRelease());
    }
}
