package dev.hostkit.core.settings;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The settings of one kit, each checked against its declaration: a value that is set is
 * parsed (and rejected with its message) whether or not a target reads it, so a bad value is
 * an error wherever it is; a name nobody declares is an error too.
 */
public final class SettingValues {
    private final Map<String, Object> parsed;
    private final HostingSettings raw;

    private SettingValues(Map<String, Object> parsed, HostingSettings raw) {
        this.parsed = parsed;
        this.raw = raw;
    }

    /** @param declared every setting a kit may have */
    public static SettingValues parse(HostingSettings raw, Collection<Setting<?>> declared) {
        Map<String, Setting<?>> byName = declared.stream()
                .collect(Collectors.toMap(Setting::name, setting -> setting, (a, b) -> {
                    throw new IllegalStateException("the setting " + a.name() + " is declared twice");
                }, LinkedHashMap::new));
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (String name : raw.names()) {
            Setting<?> setting = byName.get(name);
            if (setting == null) {
                throw InvalidSettingException.unknown(name, raw.get(name), "Allowed: the settings of the "
                        + "configuration reference: " + String.join(", ", byName.keySet().stream().sorted().toList()) + ".");
            }
            switch (setting.shape()) {
                case VALUE -> setting.parse(raw.get(name)).ifPresent(value -> parsed.put(name, value));
                case LIST -> parsed.put(name, raw.getList(name));
                case MAP -> parsed.put(name, raw.getMap(name));
                case NESTED -> throw new IllegalStateException(name + " is not a setting of one kit");
            }
        }
        return new SettingValues(parsed, raw);
    }

    /** The value as set, parsed; empty when it is not set (or blank) and the default applies. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(Setting<T> setting) {
        return Optional.ofNullable((T) parsed.get(setting.name()));
    }

    /** The value, or {@code fallback} when it is not set. */
    public <T> T getOr(Setting<T> setting, T fallback) {
        return get(setting).orElse(fallback);
    }

    /** A list setting's entries, empty when it is not set. */
    public List<String> list(Setting<List<String>> setting) {
        return get(setting).orElse(List.of());
    }

    /** A map setting's entries in their order, empty when it is not set. */
    public Map<String, String> map(Setting<Map<String, String>> setting) {
        return get(setting).orElse(Map.of());
    }

    /** Whether the user set this value (not blank). */
    public boolean isSet(Setting<?> setting) {
        return parsed.containsKey(setting.name());
    }
}
