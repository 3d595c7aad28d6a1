package dev.hostkit.core.settings;

/**
 * A named environment (dev, prod, ...) in the plugin configuration: any setting it has
 * replaces the top-level one; see {@link HostingSettings#overlay(HostingSettings)}.
 */
public final class HostingEnvironment extends HostingSettings {
    private String name;

    public String getName() {
        return name;
    }

    public HostingEnvironment setName(String name) {
        this.name = name;
        return this;
    }
}
