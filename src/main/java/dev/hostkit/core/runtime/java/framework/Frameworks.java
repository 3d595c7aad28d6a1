package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.model.App;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.settings.ValueType;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Picks a Java app's framework: the one hosting.framework names, else the one its POM shows, else a plain jar. */
public final class Frameworks {
    /** The fallback, what a project of no other framework is. */
    private static final Framework PLAIN = new PlainJar();
    /** The frameworks the POM shows, each declared in its own class: the one line a new framework adds. */
    private static final List<Framework> DETECTED = List.of(new SpringBoot(), new Quarkus(), new Micronaut());
    static final List<Framework> ALL = List.of(DETECTED.get(0), DETECTED.get(1), DETECTED.get(2), PLAIN);
    private static final String ALLOWED = "Allowed: spring-boot, quarkus, micronaut or plain.";

    public static final Setting<Framework> FRAMEWORK = Setting.value("framework",
            ValueType.of(ALLOWED, name -> ALL.stream().filter(framework -> framework.name().equals(name)).findFirst()
                    .orElse(null)),
            "detected", "The Java app's framework: `spring-boot`, `quarkus`, `micronaut` or `plain` (see the Java section).")
            .shownAs("java.framework.name");

    private Frameworks() {}

    /** The app's framework with the variables the kit sets for it. */
    public static FrameworkApp resolve(SettingValues settings, ProjectFacts project) {
        Optional<Framework> set = settings.get(FRAMEWORK);
        Framework framework;
        String reason;
        if (set.isPresent()) {
            framework = set.get();
            reason = FRAMEWORK.label();
        } else {
            List<Framework> detected = DETECTED.stream().filter(candidate -> candidate.detect(project.pom()).isPresent()).toList();
            if (detected.size() > 1) {
                throw new InvalidSettingException(FRAMEWORK.label(), null, "The project looks like an app of "
                        + detected.stream().map(Framework::name).toList() + ": set hosting.framework to one of them.");
            }
            framework = detected.isEmpty() ? PLAIN : detected.get(0);
            reason = detected.isEmpty() ? "no Spring Boot, Quarkus or Micronaut plugin, parent or BOM in the POM"
                    : framework.detect(project.pom()).orElseThrow();
        }
        return new FrameworkApp(framework, reason, new TreeMap<>(framework.environment(project.pom())),
                ManagementPaths.resolve(framework, AppConfig.read(project.baseDir()), settings));
    }

    /** The port the app's own configuration sets (else {@code runtimePort}) and the framework's health path. */
    public static App.Defaults appDefaults(FrameworkApp app, ProjectFacts project, int runtimePort) {
        AppConfig config = AppConfig.read(project.baseDir());
        Framework framework = app.framework();
        return new App.Defaults(framework.configuredPort(config).orElse(runtimePort),
                framework.healthPath(project.pom(), config));
    }
}
