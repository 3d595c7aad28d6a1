package dev.hostkit.core.model;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Free values of {@code <values>} that the user's templates read as {@code {{values.KEY}}}, sorted by key. */
public record TemplateValues(SortedMap<String, String> entries) {
    public static final Setting<Map<String, String>> VALUES = Setting.map("values", "none",
            "Free values for your templates, read as `{{values.KEY}}`; keys match `[A-Za-z_][A-Za-z0-9_]*`.")
            .shownAs("values");

    public static TemplateValues resolve(SettingValues settings) {
        SortedMap<String, String> checked = new TreeMap<>();
        settings.map(VALUES).forEach((key, value) -> {
            if (!EnvVars.NAME.matcher(key).matches()) {
                throw new InvalidSettingException(VALUES.label(), key,
                        "Allowed: keys matching [A-Za-z_][A-Za-z0-9_]* (templates read them as {{values.KEY}}).");
            }
            checked.put(key, value == null ? "" : value);
        });
        return new TemplateValues(checked);
    }
}
