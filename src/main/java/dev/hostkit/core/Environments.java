package dev.hostkit.core;

import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.InvalidSettingException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the declared environments and picks the ones to render. */
public final class Environments {
    static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

    private Environments() {}

    /**
     * @param declared     the {@code <environments>} of the configuration
     * @param selected     names from {@code hosting.environments}; empty selects all
     * @param reservedNames folder names that are taken by targets (and partials)
     * @return the environments to render: all of them in declaration order, or the selected ones in the order selected
     */
    static List<HostingEnvironment> select(List<HostingEnvironment> declared, List<String> selected,
                                                  Collection<String> reservedNames) {
        Map<String, HostingEnvironment> byName = new LinkedHashMap<>();
        for (HostingEnvironment environment : declared) {
            String name = environment.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidSettingException("environments/environment/name", name,
                        "Allowed: 1 to 32 lower-case letters, digits and '-', starting and ending with a letter or digit "
                                + "(it names the kit's folder and the attached zip's classifier).");
            }
            if (reservedNames.contains(name)) {
                throw new InvalidSettingException("environments/environment/name", name,
                        "Allowed: a name that is not a target or template folder (" + String.join(", ", reservedNames)
                                + "): src/main/hosting/<environment>/ holds the environment's template overrides.");
            }
            if (byName.put(name, environment) != null) {
                throw new InvalidSettingException("environments/environment/name", name,
                        "Allowed: each environment name once; '" + name + "' is declared twice.");
            }
        }
        List<String> wanted = new ArrayList<>();
        for (String entry : selected) {
            for (String name : entry.split(",")) {
                if (!name.isBlank() && !wanted.contains(name.trim())) {
                    wanted.add(name.trim());
                }
            }
        }
        if (wanted.isEmpty()) {
            return List.copyOf(byName.values());
        }
        List<HostingEnvironment> chosen = new ArrayList<>();
        for (String name : wanted) {
            HostingEnvironment environment = byName.get(name);
            if (environment == null) {
                throw new InvalidSettingException(BuildSettings.SELECTED_ENVIRONMENTS.label(), name, byName.isEmpty()
                        ? "Allowed: names of <environments> in the plugin configuration, and none are declared."
                        : "Allowed: the declared environments " + String.join(", ", byName.keySet()) + ".");
            }
            chosen.add(environment);
        }
        return chosen;
    }
}
