package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.runtime.java.MainClass;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.PomFacts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Spring Boot: its Maven plugin, its starter parent or its BOM. It reads SERVER_PORT and
 * SERVER_ADDRESS, trusts nginx's X-Forwarded-* with the native strategy, and with the actuator
 * answers the readiness group (which the kit turns on) under the context path. Its actuator
 * endpoints stay private behind nginx.
 */
final class SpringBoot implements Framework {
    private static final String GROUP = "org.springframework.boot:";

    @Override
    public String name() {
        return "spring-boot";
    }

    @Override
    public Optional<String> detect(PomFacts pom) {
        if (pom.hasPlugin(GROUP + "spring-boot-maven-plugin")) {
            return Optional.of("spring-boot-maven-plugin in the build");
        }
        for (String parent : new String[] {"spring-boot-starter-parent", "spring-boot-dependencies"}) {
            if (pom.hasParent(GROUP + parent)) {
                return Optional.of(parent + " as the parent");
            }
        }
        return pom.importsBom(GROUP + "spring-boot-dependencies")
                ? Optional.of("the spring-boot-dependencies BOM imported") : Optional.empty();
    }

    @Override
    public String portVariable() {
        return "SERVER_PORT";
    }

    @Override
    public String hostVariable() {
        return "SERVER_ADDRESS";
    }

    @Override
    public Map<String, String> environment(PomFacts pom) {
        Map<String, String> environment = new TreeMap<>();
        environment.put("SERVER_FORWARD_HEADERS_STRATEGY", "native");
        if (hasActuator(pom)) {
            environment.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        }
        return environment;
    }

    @Override
    public OptionalInt configuredPort(AppConfig config) {
        return config.port("server.port");
    }

    /** The readiness group under the actuator's base path with the actuator, else the context path's root. */
    @Override
    public String healthPath(PomFacts pom, AppConfig config) {
        String context = config.pathPrefix("server.servlet.context-path");
        if (!hasActuator(pom) || config.get("management.server.port").isPresent()) {
            return context + "/";
        }
        return context + actuatorBase(config) + "/health/readiness";
    }

    /**
     * The actuator's base path under the context path, on the app's own port; nothing when the
     * actuator has a port of its own (management.server.port) or its base path is the root.
     */
    @Override
    public List<String> managementPaths(AppConfig config) {
        String base = actuatorBase(config);
        return config.get("management.server.port").isPresent() || base.isEmpty() ? List.of()
                : List.of(config.pathPrefix("server.servlet.context-path") + base);
    }

    /** management.endpoints.web.base-path, {@code /actuator} when it is not set. */
    private static String actuatorBase(AppConfig config) {
        return config.get("management.endpoints.web.base-path").isPresent()
                ? config.pathPrefix("management.endpoints.web.base-path") : "/actuator";
    }

    /**
     * A repackaged jar alone, which holds its dependencies in BOOT-INF/lib (in the image: its
     * layers); a plain jar with its dependencies but spring-boot-devtools, which Spring's repackage
     * leaves out too. A plain jar of a build that repackages means hostkit ran first: the kit would
     * differ by plugin order, so it is refused.
     */
    @Override
    public Packaging packaging(Path jar, List<Path> runtimeJars, PomFacts pom, Optional<String> mainClass) {
        String launcher = mainClass.orElseGet(() -> MainClass.fromManifest(jar));
        if (isRepackaged(jar)) {
            return SpringBootLayers.of(jar, launcher).orElseGet(() -> Packaging.classpath(jar, List.of(), launcher));
        }
        if (pom.hasPlugin(GROUP + "spring-boot-maven-plugin")) {
            throw new InvalidSettingException("hosting.jar", jar.getFileName().toString(), "Allowed: a jar that "
                    + "spring-boot-maven-plugin has repackaged. hostkit ran before it: declare hosting-maven-plugin after "
                    + "spring-boot-maven-plugin in <build><plugins> (both run in the package phase, in the POM's order), "
                    + "or run hosting:generate after the package phase.");
        }
        return Packaging.classpath(jar, runtimeJars.stream().filter(dependency -> !dependency.getFileName().toString()
                .startsWith("spring-boot-devtools-")).toList(), launcher);
    }

    /** Spring Boot's executable jar: its manifest names the BOOT-INF/lib folder it holds the dependencies in. */
    static boolean isRepackaged(Path jar) {
        return MainClass.attribute(jar, "Spring-Boot-Lib").isPresent();
    }

    private static boolean hasActuator(PomFacts pom) {
        return pom.hasDependency(GROUP + "spring-boot-starter-actuator");
    }
}
