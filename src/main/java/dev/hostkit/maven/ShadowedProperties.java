package dev.hostkit.maven;

import dev.hostkit.core.settings.Setting;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.util.List;

/**
 * Warns about a {@code hosting.*} property (-D or a POM/profile property) that has no effect
 * because the plugin's {@code <configuration>} sets the same parameter: Maven gives the
 * configuration precedence, silently.
 */
final class ShadowedProperties {
    private final MojoParameters parameters;
    private final MavenSession session;
    private final MavenProject project;
    private final Log log;

    ShadowedProperties(MojoParameters parameters, MavenSession session, MavenProject project, Log log) {
        this.parameters = parameters;
        this.session = session;
        this.project = project;
        this.log = log;
    }

    void warn() {
        for (Setting<?> setting : parameters.declared()) {
            setting.property().ifPresent(property -> {
                String fromProperty = propertyValue(property);
                Object configured = parameters.value(setting);
                String shown = configured instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                        : configured == null ? null : configured.toString();
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
