package dev.hostkit.core.runtime;

import dev.hostkit.core.model.App;
import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;

import java.util.List;

/**
 * What runs the app (Java, Python): one implementation per runtime, a named component found by
 * {@link dev.hostkit.core.registry.BuiltIns}. It declares its settings, recognises its projects and
 * turns the settings into a {@link RuntimeApp}; its templates live in
 * {@code templates/runtimes/<name>/}. Nothing outside it branches on the runtime.
 */
public interface AppRuntime {
    /** The value of {@code hosting.runtime}, the template folder {@code runtimes/<name>/} and the variables' root name. */
    String name();

    /** The settings this runtime reads. */
    List<Setting<?>> settings();

    /** Whether the project looks like an app of this runtime (used when hosting.runtime is not set). */
    boolean detects(ProjectFacts project, SettingValues settings);

    /** The runtime used when no runtime detects the project. */
    default boolean isFallback() {
        return false;
    }

    /** The port the app listens on when hosting.port is not set. */
    int defaultPort();

    /**
     * The app's port and health path when hosting.port or hosting.healthPath is not set: by
     * default {@link #defaultPort()} and {@code /}; a runtime may read them from the project.
     */
    default App.Defaults appDefaults(ProjectFacts project, SettingValues settings) {
        return App.Defaults.port(defaultPort());
    }

    /**
     * Validates this runtime's settings for one kit.
     *
     * @param shipped whether a target of the kit ships the app (so its build output must exist)
     */
    RuntimeApp resolve(SettingValues settings, ProjectFacts project, SharedModel shared, boolean shipped);
}
