package dev.hostkit.maven;

import dev.hostkit.core.settings.Setting;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.util.List;
import java.util.Optional;

/**
 * Where a parameter's value came from: the plugin's {@code <configuration>} or a
 * {@code hosting.*} property (-D, or a POM or profile property). Maven gives the configuration
 * precedence over a property, silently: {@link #warnAboutShadowedProperties()} says so.
 */
final class ParameterSources {
    private final MojoParameters parameters;
    private final MavenSession session;
    private final MavenProject project;
    private final Log log;

    ParameterSources(MojoParameters parameters, MavenSession session, MavenProject project, Log log) {
        this.parameters = parameters;
        this.session = session;
        this.project = project;
        this.log = log;
    }

    /** How a set parameter got its value: "-Dhosting.port", "property hosting.port (POM or profile)" or "configuration". */
    String origin(Setting<?> setting) {
        Optional<String> property = setting.property();
        if (property.isPresent() && session != null && session.getUserProperties().getProperty(property.get()) != null
                && matches(setting, session.getUserProperties().getProperty(property.get()))) {
            return "-D" + property.get();
        }
        if (property.isPresent() && project.getProperties().getProperty(property.get()) != null
                && matches(setting, project.getProperties().getProperty(property.get()))) {
            return "property " + property.get() + " (POM or profile)";
        }
        return "<configuration>";
    }

    private boolean matches(Setting<?> setting, String fromProperty) {
        Object configured = parameters.value(setting);
        return configured != null && same(configured, shown(configured), fromProperty);
    }

    private static String shown(Object configured) {
        return configured instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : configured.toString();
    }

    void warnAboutShadowedProperties() {
        for (Setting<?> setting : parameters.declared()) {
            setting.property().ifPresent(property -> {
                String fromProperty = propertyValue(property);
                Object configured = parameters.value(setting);
                String shown = configured == null ? null : shown(configured);
                if (fromProperty != null && shown != null && !same(configured, shown, fromProperty)) {
                    log.warn("hosting: " + property + "=" + fromProperty + " is ignored: the plugin's <configuration> sets "
                            + setting.name() + " to '" + shown + "', and Maven gives the configuration precedence over "
                            + "properties. Remove <" + setting.name() + "> from the configuration to let the property decide.");
                }
            });
        }
    }

    /** Whether the parameter holds the property's value: a folder as Maven resolves it, against the project. */
    private boolean same(Object configured, String shown, String fromProperty) {
        if (configured instanceof File file) {
            return file.toPath().normalize().equals(project.getBasedir().toPath().resolve(fromProperty.trim()).normalize());
        }
        return shown.trim().equals(fromProperty.trim());
    }

    /** A user property (-D) first, then a property of the project or an active profile. */
    private String propertyValue(String property) {
        String user = session == null ? null : session.getUserProperties().getProperty(property);
        return user != null ? user : project.getProperties().getProperty(property);
    }
}
