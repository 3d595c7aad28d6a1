package dev.hostkit.core.runtime.java.framework;

import dev.hostkit.core.model.App;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The framework of one app, resolved: which one and why, and the variables the kit sets for it.
 *
 * @param reason      why it was chosen, for the build log ("spring-boot-maven-plugin in the build", "hosting.framework")
 * @param environment what the kit sets besides port and bind address, in the image and on a machine
 * @param management  its management endpoints, which nginx hides
 */
public record FrameworkApp(Framework framework, String reason, SortedMap<String, String> environment,
                           ManagementPaths management) {
    public FrameworkApp {
        environment = new TreeMap<>(environment);
    }

    /** {@code java.framework.*}: its name, its port and bind variables, the rest of what the kit sets. */
    public Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("name", framework.name());
        vars.put("portVariable", framework.portVariable());
        vars.put("hostVariable", framework.hostVariable());
        List<Map<String, String>> entries = new ArrayList<>();
        environment.forEach((name, value) -> entries.add(Map.of("name", name, "value", value)));
        vars.put("environment", entries);
        vars.put("managementPaths", management.prefixes());
        vars.put("publicManagementPaths", management.publicPaths());
        return vars;
    }

    /** Every variable the kit sets for the app, with what decides it: an {@code <env>} entry must not override one. */
    public Map<String, String> environmentItSets() {
        Map<String, String> set = new TreeMap<>();
        set.put(framework.portVariable(), App.PORT.label() + " (on a bare machine, one port per instance)");
        set.put(framework.hostVariable(), Frameworks.FRAMEWORK.label() + " (" + framework.name()
                + ": 127.0.0.1 on a bare machine, loopback only)");
        environment.keySet().forEach(name -> set.put(name, Frameworks.FRAMEWORK.label() + " (" + framework.name()
                + " behind nginx)"));
        return set;
    }

    /** The build log's line. */
    public String note() {
        return "framework " + framework.name() + " (" + reason + ")";
    }
}
