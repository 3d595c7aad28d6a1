package dev.hostkit.maven;

import dev.hostkit.testing.SampleProject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;

import java.io.File;

/** Real Maven projects (not mocks) for the mojo's tests. */
final class TestProjects {
    private TestProjects() {}

    /** The sample project as Maven sees it before the jar is attached: com.example:shop:1.0.0, final name shop-1.0.0. */
    static MavenProject of(SampleProject sample) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("shop");
        model.setVersion("1.0.0");
        model.setPackaging("jar");
        Build build = new Build();
        build.setDirectory(sample.baseDir().resolve("target").toString());
        build.setFinalName("shop-1.0.0");
        model.setBuild(build);
        model.getProperties().setProperty("maven.compiler.release", "21");
        MavenProject project = new MavenProject(model);
        project.setFile(sample.baseDir().resolve("pom.xml").toFile()); // sets the base directory too
        project.setArtifact(artifact("shop", null, "jar", null)); // its file is set by the package phase
        return project;
    }

    static Artifact artifact(String artifactId, String scope, String type, File file) {
        Artifact artifact = new DefaultArtifact("com.example", artifactId, "1.0", scope, type, null, new DefaultArtifactHandler(type));
        artifact.setFile(file);
        return artifact;
    }
}
