package dev.hostkit.maven;

import dev.hostkit.core.settings.PomFacts;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.testing.SampleProject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Plugin;
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

    /** An optional dependency (spring-boot-devtools is one) is the build's, not the app's at run time: never shipped. */
    @Test
    void optionalDependenciesAreNoRuntimeJars() {
        Artifact devtools = TestProjects.artifact("devtools", Artifact.SCOPE_RUNTIME, "jar", new File("/repo/devtools.jar"));
        devtools.setOptional(true);
        project.setArtifacts(new LinkedHashSet<>(List.of(devtools,
                TestProjects.artifact("web", Artifact.SCOPE_COMPILE, "jar", new File("/repo/web.jar")))));
        assertEquals(List.of(Path.of("/repo/web.jar")), MavenProjectFacts.of(project).runtimeJars());
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

    @Test
    void thePomFactsNamePluginsParentsImportedBomsAndTheRuntimeClasspath() {
        assertEquals(PomFacts.NONE, MavenProjectFacts.of(project).pom(), "the sample POM names none");
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.springframework.boot");
        plugin.setArtifactId("spring-boot-maven-plugin");
        project.getBuild().addPlugin(plugin);
        Parent parent = new Parent();
        parent.setGroupId("org.springframework.boot");
        parent.setArtifactId("spring-boot-starter-parent");
        project.getModel().setParent(parent);
        Model original = project.getModel().clone();
        DependencyManagement management = new DependencyManagement();
        management.addDependency(dependency("io.quarkus.platform", "quarkus-bom", Artifact.SCOPE_IMPORT));
        management.addDependency(dependency("com.example", "managed", null));
        original.setDependencyManagement(management);
        project.setOriginalModel(original);
        project.getModel().addDependency(dependency("io.micronaut", "micronaut-management", null));
        project.getModel().addDependency(dependency("org.junit.jupiter", "junit-jupiter", Artifact.SCOPE_TEST));
        Set<Artifact> artifacts = new LinkedHashSet<>();
        artifacts.add(TestProjects.artifact("transitive", Artifact.SCOPE_RUNTIME, "jar", new File("/repo/transitive.jar")));
        artifacts.add(TestProjects.artifact("tests", Artifact.SCOPE_TEST, "jar", new File("/repo/tests.jar")));
        project.setArtifacts(artifacts);

        PomFacts pom = MavenProjectFacts.of(project).pom();
        assertEquals(List.of("org.springframework.boot:spring-boot-maven-plugin"), pom.plugins());
        assertEquals(List.of("org.springframework.boot:spring-boot-starter-parent"), pom.parents());
        assertEquals(List.of("io.quarkus.platform:quarkus-bom"), pom.importedBoms());
        assertEquals(List.of("com.example:transitive", "io.micronaut:micronaut-management"), pom.dependencies());
    }

    private static Dependency dependency(String groupId, String artifactId, String scope) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(groupId);
        dependency.setArtifactId(artifactId);
        dependency.setScope(scope);
        return dependency;
    }
}
