package dev.hostkit.core.model;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.syntax.Quoting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The app's environment variables from {@code <env>}, sorted by name, each one a value that
 * every file the kit writes it into (compose env file and YAML, systemd environment file,
 * shell) can hold.
 */
public record EnvVars(SortedMap<String, String> variables) {
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String VALUE_ALLOWED = "Allowed: one line of text without control characters other than tab; "
            + "a value with '$' cannot also have a backslash before a quote or at its end (compose env file).";

    public static final Setting<Map<String, String>> ENV = Setting.map("env", "none",
            "Environment variables of the app, written into the kit (no secrets). Names match `[A-Za-z_][A-Za-z0-9_]*` "
                    + "and are none the kit sets itself (for Java the framework's port, bind and proxy variables, such as "
                    + "`PORT` and `BIND_ADDRESS`; for Python `PORT`, `DJANGO_ALLOWED_HOSTS`, `DJANGO_STATIC_ROOT`); "
                    + "values are one line without control characters (tab allowed), and a value with `$` cannot also "
                    + "have a backslash before a quote or at its end.")
            .shownAs("env");

    public static EnvVars resolve(SettingValues settings) {
        SortedMap<String, String> checked = new TreeMap<>();
        settings.map(ENV).forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new InvalidSettingException(ENV.label(), name,
                        "Allowed: environment variable names matching [A-Za-z_][A-Za-z0-9_]*.");
            }
            String text = value == null ? "" : value;
            if (text.chars().anyMatch(c -> c < 0x20 && c != '\t') || !Quoting.fitsComposeEnvFile(text)) {
                throw new InvalidSettingException(ENV.label() + "." + name, text, VALUE_ALLOWED);
            }
            checked.put(name, text);
        });
        return new EnvVars(checked);
    }

    /**
     * Refuses a variable the kit sets for the app itself, which the entry would override.
     *
     * @param setByKit the kit's own variables, each with what decides its value
     */
    public void refuseOverrides(Map<String, String> setByKit) {
        for (String name : variables.keySet()) {
            if (setByKit.containsKey(name)) {
                throw new InvalidSettingException(ENV.label(), name, "Allowed: names of variables the kit does not set itself ("
                        + String.join(", ", new TreeSet<>(setByKit.keySet())) + "). hostkit sets " + name + " from "
                        + setByKit.get(name) + ": set that instead.");
            }
        }
    }

    /** Each variable with its value raw and as each syntax of the kit writes it. */
    public List<Map<String, Object>> variablesList() {
        List<Map<String, Object>> entries = new ArrayList<>();
        variables.forEach((name, value) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("value", value);
            entry.put("composeEnvFile", Quoting.composeEnvFile(value));
            entry.put("yaml", Quoting.composeYaml(value));
            entry.put("shell", Quoting.shell(value));
            entry.put("systemd", Quoting.systemdEnvFile(value));
            entries.add(entry);
        });
        return entries;
    }
}
