package dev.hostkit.core.target;

import dev.hostkit.core.settings.Setting;

import java.util.List;

/**
 * One kind of kit folder (docker, compose, host, ...): a named component found by
 * {@link dev.hostkit.core.registry.BuiltIns}, with its templates in {@code templates/<name>/}. It
 * declares the settings it reads, validates them for each kit and contributes its template
 * variables (under its own name) and the files it ships besides templates. Adding a target
 * is its template folder, its class and its tests: nothing else changes.
 */
public interface Target {
    /** The folder name, the value in hosting.targets and the variables' root name. */
    String name();

    /** Targets this one needs in the same kit (compose builds its image from docker/). */
    default List<String> requires() {
        return List.of();
    }

    /** Whether it renders when hosting.targets is not set; an opt-in target renders only when named there. */
    default boolean selectedByDefault() {
        return true;
    }

    /** The settings this target reads. */
    default List<Setting<?>> settings() {
        return List.of();
    }

    /** Whether it ships the app itself (so the build output, such as the jar, must exist). */
    default boolean shipsApplication() {
        return false;
    }

    /** Validates this target's settings for one kit and says what it adds to it. */
    Contribution contribute(KitContext kit);
}
