package dev.hostkit.core.settings;

import java.util.Objects;

/**
 * A named environment (dev, prod, ...) of the plugin configuration: its settings replace the
 * top-level ones as {@link HostingSettings#overlay(HostingSettings)} says, and it gets a kit of
 * its own in {@code <outputDirectory>/<name>}.
 */
public record HostingEnvironment(String name, HostingSettings settings) {
    public HostingEnvironment {
        Objects.requireNonNull(settings, "settings");
    }
}
