package dev.hostkit.maven;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.Setting;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * The goal's parameter fields, read by the names of the settings they carry: a parameter is
 * the field named like its setting, so the mapping follows from the declarations.
 */
final class MojoParameters {
    private final Object mojo;
    private final List<Setting<?>> declared;

    MojoParameters(Object mojo, List<Setting<?>> declared) {
        this.mojo = mojo;
        this.declared = List.copyOf(declared);
    }

    List<Setting<?>> declared() {
        return declared;
    }

    /** The field's value as Maven set it: a String, a List of String or a Map; {@code null} when unset. */
    Object value(Setting<?> setting) {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(setting.name());
                field.setAccessible(true);
                return field.get(mojo);
            } catch (NoSuchFieldException e) {
                // a parameter of a superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The goal has no parameter for the setting " + setting.name());
    }

    /** The kit settings the parameters hold. */
    @SuppressWarnings("unchecked")
    HostingSettings settings() {
        HostingSettings settings = new HostingSettings();
        for (Setting<?> setting : declared) {
            Object value = value(setting);
            switch (setting.shape()) {
                case VALUE -> settings.set(setting.name(), (String) value);
                case LIST -> settings.setList(setting.name(), (List<String>) value);
                case MAP -> settings.setMap(setting.name(), (Map<String, String>) value);
                case NESTED -> throw new IllegalStateException(setting.name() + " is not a kit setting");
            }
        }
        return settings;
    }
}
