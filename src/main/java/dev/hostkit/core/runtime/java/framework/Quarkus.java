package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.PomFacts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Quarkus: its Maven plugin or its BOM. It reads QUARKUS_HTTP_PORT and QUARKUS_HTTP_HOST, is
 * told to trust the forwarded address and host, and with SmallRye Health answers readiness under
 * its root path. Its non-application endpoints ({@code /q/health}, {@code /q/metrics}, ...) stay
 * private behind nginx.
 */
final class Quarkus implements Framework {
    @Override
    public String name() {
        return "quarkus";
    }

    @Override
    public Optional<String> detect(PomFacts pom) {
        for (String group : new String[] {"io.quarkus.platform:", "io.quarkus:"}) {
            if (pom.hasPlugin(group + "quarkus-maven-plugin")) {
                return Optional.of("quarkus-maven-plugin in the build");
            }
            if (pom.importsBom(group + "quarkus-bom")) {
                return Optional.of("the quarkus-bom BOM imported");
            }
        }
        return Optional.empty();
    }

    @Override
    public String portVariable() {
        return "QUARKUS_HTTP_PORT";
    }

    @Override
    public String hostVariable() {
        return "QUARKUS_HTTP_HOST";
    }

    @Override
    public Map<String, String> environment(PomFacts pom) {
        return Map.of("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
                "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST", "true");
    }

    @Override
    public OptionalInt configuredPort(AppConfig config) {
        return config.port("quarkus.http.port");
    }

    /**
     * {@code /q/health/ready} (under the non-application root) with quarkus-smallrye-health, else the
     * root path; the root path too when the management interface (quarkus.management.enabled) takes
     * the health endpoints to a port of its own, which is not the one nginx reaches.
     */
    @Override
    public String healthPath(PomFacts pom, AppConfig config) {
        String nonApplication = nonApplicationRoot(config);
        boolean ownPort = config.get("quarkus.management.enabled").filter("true"::equalsIgnoreCase).isPresent();
        return pom.hasDependency("io.quarkus:quarkus-smallrye-health") && !nonApplication.isEmpty() && !ownPort
                ? nonApplication + "/health/ready" : config.pathPrefix("quarkus.http.root-path") + "/";
    }

    @Override
    public List<String> managementPaths(AppConfig config) {
        String nonApplication = nonApplicationRoot(config);
        return nonApplication.isEmpty() ? List.of() : List.of(nonApplication);
    }

    /** Its fast-jar folder, quarkus-app, which holds the dependencies: the thin jar has no Main-Class to run. */
    @Override
    public Packaging packaging(Path jar, List<Path> runtimeJars, PomFacts pom, Optional<String> mainClass) {
        return QuarkusFastJar.of(jar);
    }

    /**
     * quarkus.http.non-application-root-path ({@code q} by default): under the root path, or
     * where it says when it starts with '/'; empty when it is no plain path.
     */
    private static String nonApplicationRoot(AppConfig config) {
        String nonApplication = config.get("quarkus.http.non-application-root-path").orElse("q");
        String path = nonApplication.startsWith("/") ? config.pathPrefix("quarkus.http.non-application-root-path")
                : config.pathPrefix("quarkus.http.root-path") + "/" + nonApplication.replaceAll("/+$", "");
        return AppConfig.isPlainPath(path) ? path : "";
    }
}
