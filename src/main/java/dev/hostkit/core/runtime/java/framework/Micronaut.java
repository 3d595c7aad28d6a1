package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.PomFacts;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Micronaut: its Maven plugin or its parent. It reads MICRONAUT_SERVER_PORT and
 * MICRONAUT_SERVER_HOST, resolves its public host from the X-Forwarded-* headers nginx sends, and
 * with micronaut-management answers {@code /health} under the context path.
 */
final class Micronaut implements Framework {
    @Override
    public String name() {
        return "micronaut";
    }

    @Override
    public Optional<String> detect(PomFacts pom) {
        if (pom.hasPlugin("io.micronaut.maven:micronaut-maven-plugin")) {
            return Optional.of("micronaut-maven-plugin in the build");
        }
        for (String parent : new String[] {"io.micronaut.platform:micronaut-parent", "io.micronaut:micronaut-parent"}) {
            if (pom.hasParent(parent)) {
                return Optional.of("micronaut-parent as the parent");
            }
        }
        return Optional.empty();
    }

    @Override
    public String portVariable() {
        return "MICRONAUT_SERVER_PORT";
    }

    @Override
    public String hostVariable() {
        return "MICRONAUT_SERVER_HOST";
    }

    /** micronaut.server.host-resolution.*: the headers of nginx's proxy-headers partial. */
    @Override
    public Map<String, String> environment(PomFacts pom) {
        return Map.of("MICRONAUT_SERVER_HOST_RESOLUTION_HOST_HEADER", "X-Forwarded-Host",
                "MICRONAUT_SERVER_HOST_RESOLUTION_PROTOCOL_HEADER", "X-Forwarded-Proto",
                "MICRONAUT_SERVER_HOST_RESOLUTION_PORT_HEADER", "X-Forwarded-Port");
    }

    @Override
    public OptionalInt configuredPort(AppConfig config) {
        return config.port("micronaut.server.port");
    }

    @Override
    public String healthPath(PomFacts pom, AppConfig config) {
        String context = config.pathPrefix("micronaut.server.context-path");
        return pom.hasDependency("io.micronaut:micronaut-management") ? context + "/health" : context + "/";
    }
}
