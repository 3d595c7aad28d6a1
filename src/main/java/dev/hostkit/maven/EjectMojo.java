package dev.hostkit.maven;

import dev.hostkit.core.eject.EjectReport;
import dev.hostkit.core.eject.TemplateEjector;
import dev.hostkit.core.registry.BuiltIns;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Copies the built-in templates (the project's runtime's), and the partials they include, into
 * the template directory, so that you can change them: for every target, or for those
 * hosting.targets names (e.g. {@code mvn hosting:eject -Dhosting.targets=docker}). A file that is
 * there already is never replaced; the log says what was copied and what was kept.
 */
@Mojo(name = "eject", threadSafe = true)
public class EjectMojo extends AbstractKitMojo {
    @Override
    void run() {
        EjectReport report = new TemplateEjector(BuiltIns.load()).eject(settings(), MavenProjectFacts.of(project),
                templateDirectory.toPath());
        report.copied().forEach(template -> getLog().info("hosting: copied " + template.source() + " to " + template.file()));
        report.kept().forEach(template -> getLog().warn("hosting: kept " + template.file()
                + ": it exists, so it was not replaced by " + template.source()));
        getLog().info("hosting: ejected " + report.copied().size() + " templates of " + String.join(", ", report.targets())
                + " (runtime " + report.runtime() + ") into " + templateDirectory
                + (report.kept().isEmpty() ? "" : "; " + report.kept().size() + " kept as they were"));
    }
}
