package dev.hostkit.core.settings;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The declaration of one setting, the only place that says what it is: its name (the POM
 * element and the Mojo parameter), its {@code hosting.*} user property, what a value may be,
 * its default and what it is for. A target or runtime declares its settings next to the code
 * that uses them; parsing, environment overlay, error messages, the Mojo's parameter
 * documentation and the README's tables follow from the declaration.
 *
 * @param <T> what a value parses to
 */
public final class Setting<T> {
    /**
     * How a value is written: one value, a list (comma-separated or one element each), a map,
     * or elements of their own (environments).
     */
    public enum Shape { VALUE, LIST, MAP, NESTED }

    private final String name;
    private final String property;
    private final Shape shape;
    private final ValueType<T> type;
    private final String defaultText;
    private final String description;
    private final String variable;

    private Setting(String name, String property, Shape shape, ValueType<T> type, String defaultText, String description,
                    String variable) {
        this.name = Objects.requireNonNull(name);
        this.property = property;
        this.shape = shape;
        this.type = type;
        this.defaultText = Objects.requireNonNull(defaultText);
        this.description = Objects.requireNonNull(description);
        this.variable = variable;
    }

    /**
     * A single value with the property {@code hosting.<name>}.
     *
     * @param defaultText what the README and the goal's help say the default is
     * @param description one sentence on what it is for (what is allowed comes from the type)
     */
    public static <T> Setting<T> value(String name, ValueType<T> type, String defaultText, String description) {
        return new Setting<>(name, "hosting." + name, Shape.VALUE, type, defaultText, description, null);
    }

    /** A list of names, comma-separated in a property ({@code -Dhosting.targets=docker,host}). */
    public static Setting<List<String>> list(String name, String defaultText, String description) {
        return new Setting<>(name, "hosting." + name, Shape.LIST, null, defaultText, description, null);
    }

    /** A map, set in the POM only ({@code <env><KEY>value</KEY></env>}): no property. */
    public static Setting<Map<String, String>> map(String name, String defaultText, String description) {
        return new Setting<>(name, null, Shape.MAP, null, defaultText, description, null);
    }

    /** Elements of their own, set in the POM only ({@code <environments>}): no property. */
    public static Setting<Void> nested(String name, String defaultText, String description) {
        return new Setting<>(name, null, Shape.NESTED, null, defaultText, description, null);
    }

    /** The same setting with another user property, e.g. {@code hosting.tls.port} for {@code tlsPort}. */
    public Setting<T> withProperty(String otherProperty) {
        return new Setting<>(name, otherProperty, shape, type, defaultText, description, variable);
    }

    /** The same setting, saying which template variable shows its resolved value (e.g. {@code app.port}). */
    public Setting<T> shownAs(String variablePath) {
        return new Setting<>(name, property, shape, type, defaultText, description, variablePath);
    }

    /** The template variable that shows the resolved value, default or set, if one does. */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }

    public String name() {
        return name;
    }

    /** The {@code hosting.*} user property, empty for maps. */
    public Optional<String> property() {
        return Optional.ofNullable(property);
    }

    /** How errors name this setting: its property, or {@code hosting.<name>} for a map. */
    public String label() {
        return property != null ? property : "hosting." + name;
    }

    public Shape shape() {
        return shape;
    }

    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** What a value may be, as the error message and the README say it; empty for lists and maps. */
    public String allowed() {
        return type == null ? "" : type.allowed();
    }

    /**
     * Parses a single value: empty when it is missing or blank (the default applies), else the
     * trimmed value as its type reads it.
     *
     * @throws InvalidSettingException naming {@link #label()}, the value and what is allowed
     */
    public Optional<T> parse(String value) {
        if (shape != Shape.VALUE) {
            throw new IllegalStateException(name + " is a " + shape + ", not a single value");
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(type.parse(label(), value.trim()));
    }

    @Override
    public String toString() {
        return name;
    }
}
