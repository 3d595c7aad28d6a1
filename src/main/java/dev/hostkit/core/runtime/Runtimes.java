package dev.hostkit.core.runtime;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.settings.ValueType;

import java.util.List;

/** Picks the runtime of a kit: the one hosting.runtime names, else the one that recognises the project. */
public final class Runtimes {
    public static final Setting<String> RUNTIME = Setting.value("runtime",
            ValueType.of("Allowed: the name of a runtime (see below).", name -> name),
            "detected", "The app's runtime: `java` or `python` (see their sections).")
            .shownAs("runtime.name");

    private Runtimes() {}

    public static AppRuntime select(List<AppRuntime> runtimes, SettingValues settings, ProjectFacts project) {
        List<String> names = runtimes.stream().map(AppRuntime::name).toList();
        if (settings.isSet(RUNTIME)) {
            String name = settings.get(RUNTIME).orElseThrow();
            return runtimes.stream().filter(runtime -> runtime.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidSettingException(RUNTIME.label(), name,
                            "Allowed: " + String.join(" or ", names) + "."));
        }
        List<AppRuntime> detected = runtimes.stream().filter(runtime -> runtime.detects(project, settings)).toList();
        if (detected.size() > 1) {
            throw new InvalidSettingException(RUNTIME.label(), null, "The project looks like an app of "
                    + detected.stream().map(AppRuntime::name).toList() + ": set hosting.runtime to one of them.");
        }
        return detected.isEmpty()
                ? runtimes.stream().filter(AppRuntime::isFallback).findFirst().orElseThrow()
                : detected.get(0);
    }
}
