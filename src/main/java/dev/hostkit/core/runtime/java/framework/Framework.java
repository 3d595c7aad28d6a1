package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.runtime.java.MainClass;
import dev.hostkit.core.settings.PomFacts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Java web framework, one class each: how hostkit recognises it in the POM, the variables it
 * reads its port and bind address from, what else the kit sets for it behind nginx, and what it
 * answers health probes on. Nothing outside these classes branches on the framework.
 */
public interface Framework {
    /** The value of {@code hosting.framework} and of {@code java.framework.name}. */
    String name();

    /** Why the project is an app of this framework ("spring-boot-maven-plugin in the build"), empty when it is not. */
    Optional<String> detect(PomFacts pom);

    /** The environment variable it reads its port from; the kit sets it for each instance. */
    String portVariable();

    /** The environment variable it reads the address to bind from: {@code 127.0.0.1} on a bare machine. */
    String hostVariable();

    /** What else the kit sets for it in the image and on a machine (forwarded headers, probes), by name. */
    Map<String, String> environment(PomFacts pom);

    /** The port the app's own configuration ({@code application.properties}) sets, if it sets one. */
    OptionalInt configuredPort(AppConfig config);

    /** What the health probes request when hosting.healthPath is not set. */
    String healthPath(PomFacts pom, AppConfig config);

    /**
     * The path prefixes of its management endpoints ({@code /actuator}, {@code /q}), which nginx
     * answers 404 for: the health probes ask each instance directly. Empty when it has none.
     */
    default List<String> managementPaths(AppConfig config) {
        return List.of();
    }

    /**
     * What the kit ships and how it starts it: by default the packaged jar and all its runtime
     * dependencies in {@code lib/}, run with its main class (hosting.mainClass, else the jar's
     * manifest). A framework whose own packaging holds the dependencies, or leaves some out, ships that.
     */
    default Packaging packaging(Path jar, List<Path> runtimeJars, PomFacts pom, Optional<String> mainClass) {
        return Packaging.classpath(jar, runtimeJars, mainClass.orElseGet(() -> MainClass.fromManifest(jar)));
    }
}
