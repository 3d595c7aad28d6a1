package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.settings.PomFacts;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A jar of no framework hostkit knows, the fallback: the app honours hostkit's own contract,
 * PORT for the port and BIND_ADDRESS for the address (set to 127.0.0.1 on a bare machine; all
 * interfaces when it is not set).
 */
final class PlainJar implements Framework {
    @Override
    public String name() {
        return "plain";
    }

    /** Never recognised: it is what a project of no other framework is. */
    @Override
    public Optional<String> detect(PomFacts pom) {
        return Optional.empty();
    }

    @Override
    public String portVariable() {
        return "PORT";
    }

    @Override
    public String hostVariable() {
        return "BIND_ADDRESS";
    }

    @Override
    public Map<String, String> environment(PomFacts pom) {
        return Map.of();
    }

    @Override
    public OptionalInt configuredPort(AppConfig config) {
        return OptionalInt.empty();
    }

    @Override
    public String healthPath(PomFacts pom, AppConfig config) {
        return "/";
    }
}
