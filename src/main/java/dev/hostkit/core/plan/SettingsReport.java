package dev.hostkit.core.plan;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every setting of one kit with the value it resolved to (as the template variable that shows
 * it holds it) and where that value came from; and the kit's whole template context.
 *
 * @param context the variables every template of the kit reads (but {@code template.*})
 */
public record SettingsReport(String runtime, List<String> targets, List<Row> rows, Map<String, Object> context) {
    /** Where a value came from. */
    public enum Origin { DEFAULT, CONFIGURATION, ENVIRONMENT }

    /**
     * One setting: its resolved value (a setting no variable shows: as set, else its default's
     * text), empty when no target or runtime of the kit uses it.
     */
    public record Row(Setting<?> setting, Optional<String> value, Origin origin) {}

    /**
     * @param top         the top-level settings
     * @param environment the environment's own settings (empty for a kit without environments)
     */
    public static SettingsReport of(BuiltIns builtIns, HostingSettings top, HostingSettings environment, ProjectFacts project,
                                    List<String> userFolders, Optional<String> environmentName) {
        ResolvedKit resolved = ResolvedKit.resolve(builtIns, top.overlay(environment), project, userFolders, environmentName);
        Map<String, Object> context = Contributions.of(resolved).variables();
        List<Row> rows = new ArrayList<>();
        for (Setting<?> setting : builtIns.kitSettings()) {
            Origin origin = environment.names().contains(setting.name()) ? Origin.ENVIRONMENT
                    : top.names().contains(setting.name()) ? Origin.CONFIGURATION : Origin.DEFAULT;
            Optional<String> value = setting.variable().isPresent() ? shown(valueAt(context, setting.variable().get()))
                    : Optional.of(Optional.ofNullable(top.overlay(environment).get(setting.name())).orElse(setting.defaultText()));
            rows.add(new Row(setting, value, origin));
        }
        return new SettingsReport(resolved.runtime().name(), resolved.context().targets(), rows, context);
    }

    private static Object valueAt(Map<String, Object> context, String path) {
        Object current = context;
        for (String key : path.split("\\.")) {
            current = current instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return current;
    }

    /** A variable's value in one line: lists comma-separated, env entries and maps as KEY=value. */
    private static Optional<String> shown(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list && list.isEmpty() || value instanceof Map<?, ?> map && map.isEmpty()) {
            return Optional.of("(none)");
        }
        if (value instanceof List<?> list) {
            return Optional.of(list.stream().map(entry -> entry instanceof Map<?, ?> map
                    ? map.get("name") + "=" + map.get("value") : String.valueOf(entry)).collect(Collectors.joining(", ")));
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(map.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return Optional.of(String.valueOf(value));
    }
}
