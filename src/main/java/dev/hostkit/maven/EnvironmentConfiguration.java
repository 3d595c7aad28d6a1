package dev.hostkit.maven;

import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.Setting;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.PlexusConfiguration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code <environments>} element by element, by the declared settings: an environment
 * takes every kit setting by its parameter name, so a new setting needs nothing here. Values
 * are evaluated as Maven evaluates parameters (${...}).
 */
final class EnvironmentConfiguration {
    private final List<Setting<?>> declared;
    private final ExpressionEvaluator evaluator;

    EnvironmentConfiguration(List<Setting<?>> declared, ExpressionEvaluator evaluator) {
        this.declared = List.copyOf(declared);
        this.evaluator = evaluator;
    }

    /** @param environments the {@code <environments>} element, or {@code null} when there is none */
    List<HostingEnvironment> read(PlexusConfiguration environments) {
        List<HostingEnvironment> read = new ArrayList<>();
        if (environments == null) {
            return read;
        }
        for (PlexusConfiguration environment : environments.getChildren()) {
            HostingSettings settings = new HostingSettings();
            String name = null;
            for (PlexusConfiguration element : environment.getChildren()) {
                String key = element.getName();
                if (key.equals("name")) {
                    name = value(element);
                    continue;
                }
                switch (shapeOf(key)) {
                    case LIST -> settings.setList(key, element.getChildCount() == 0
                            ? List.of(value(element)) : Arrays.stream(element.getChildren()).map(this::value).toList());
                    case MAP -> settings.setMap(key, entries(element));
                    default -> settings.set(key, value(element));
                }
            }
            read.add(new HostingEnvironment(name, settings));
        }
        return read;
    }

    /** A setting nobody declares is read as a single value: the core rejects it, naming the environment. */
    private Setting.Shape shapeOf(String key) {
        Optional<Setting<?>> setting = declared.stream().filter(candidate -> candidate.name().equals(key)).findFirst();
        return setting.map(Setting::shape).orElse(Setting.Shape.VALUE);
    }

    private Map<String, String> entries(PlexusConfiguration element) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (PlexusConfiguration entry : element.getChildren()) {
            String value = value(entry);
            entries.put(entry.getName(), value == null ? "" : value);
        }
        return entries;
    }

    private String value(PlexusConfiguration element) {
        String text = element.getValue();
        if (text == null || !text.contains("${")) {
            return text;
        }
        try {
            Object evaluated = evaluator.evaluate(text);
            return evaluated == null ? null : evaluated.toString();
        } catch (ExpressionEvaluationException e) {
            throw new IllegalArgumentException("Cannot evaluate " + text + " in <environments>: " + e.getMessage(), e);
        }
    }
}
