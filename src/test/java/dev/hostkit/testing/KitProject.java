package dev.hostkit.testing;

import dev.hostkit.core.settings.ProjectFacts;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** The project a sample kit is rendered for, made in a folder of the test's own. */
public sealed interface KitProject {
    /** The file name of the runtime dependency jar of {@link #placeholderJar} projects that have one. */
    String DEPENDENCY_JAR = "dep-1.0.jar";

    /** The runtimes hostkit supports; each has its own defaults. */
    enum Runtime { JAVA, PYTHON }

    String artifactId();

    Runtime runtime();

    /** Makes the project in DIR (or leaves it as a second build would find it) and returns what the build knows of it. */
    ProjectFacts create(Path dir);

    /** "shop" 1.0.0 with a placeholder jar (Main-Class com.example.shop.Main) and, if asked, one dependency jar. */
    static KitProject placeholderJar(String javaRelease, boolean dependency) {
        return new PlaceholderJar(javaRelease, dependency);
    }

    /**
     * "shop" 1.0.0 as a framework's build leaves it (SampleProject::builtByQuarkus, a layered
     * Spring Boot jar), with the source of the image's last COPY (the app's own code) and the
     * files the image takes from the build context.
     */
    static KitProject built(UnaryOperator<SampleProject> build, String appLayer, List<String> contextFiles) {
        return new Built(build, appLayer, List.copyOf(contextFiles));
    }

    /** A copy of examples/hello-django, pom-packaged, without Java sources: the python runtime is detected. */
    static KitProject django(String artifactId) {
        return new Django(artifactId);
    }

    /** A Java project with jars the test built itself (a real app and its dependencies). */
    static KitProject jars(String artifactId, Path jar, List<Path> dependencies) {
        return jars(artifactId, "1.0.0", jar, dependencies);
    }

    /** The same, of another version than 1.0.0 (a -SNAPSHOT). */
    static KitProject jars(String artifactId, String version, Path jar, List<Path> dependencies) {
        return new Jars(artifactId, version, jar, List.copyOf(dependencies));
    }

    /** A Java project "shop" 1.0.0 that {@link SampleProject} makes. */
    sealed interface Shop extends KitProject {
        @Override
        default String artifactId() {
            return "shop";
        }

        @Override
        default Runtime runtime() {
            return Runtime.JAVA;
        }
    }

    record PlaceholderJar(String javaRelease, boolean dependency) implements Shop {
        @Override
        public ProjectFacts create(Path dir) {
            SampleProject project = SampleProject.create(dir).withJavaRelease(javaRelease);
            if (dependency) {
                project.withDependency(DEPENDENCY_JAR);
            }
            return project.facts();
        }
    }

    record Built(UnaryOperator<SampleProject> build, String appLayer, List<String> contextFiles) implements Shop {
        @Override
        public ProjectFacts create(Path dir) {
            return build.apply(SampleProject.create(dir)).facts();
        }
    }

    record Django(String artifactId) implements KitProject {
        @Override
        public Runtime runtime() {
            return Runtime.PYTHON;
        }

        @Override
        public ProjectFacts create(Path dir) {
            return DjangoExample.facts(artifactId, DjangoExample.copy(dir));
        }
    }

    record Jars(String artifactId, String version, Path jar, List<Path> dependencies) implements KitProject {
        @Override
        public Runtime runtime() {
            return Runtime.JAVA;
        }

        @Override
        public ProjectFacts create(Path dir) {
            return SampleProject.jarProject(artifactId, version, dir, jar, dependencies, "17");
        }
    }
}
