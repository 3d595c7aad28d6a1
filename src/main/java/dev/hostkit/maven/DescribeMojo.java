package dev.hostkit.maven;

import dev.hostkit.core.plan.SettingsReport;
import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.render.TemplateCatalog;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Optional;

/**
 * Prints, for each kit (each environment), every setting with the value it resolved to and
 * where that came from (default, the plugin's configuration, a -D or POM property, the
 * environment), without writing anything; with {@code -Dhosting.describe.context=true} also the
 * whole template context as YAML. Run it after packaging: {@code mvn package hosting:describe}.
 */
@Mojo(name = "describe", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DescribeMojo extends AbstractKitMojo {
    /** Also print every template variable of each kit, as YAML. Default: `false`. */
    @Parameter(property = "hosting.describe.context", defaultValue = "false")
    boolean context;

    @Override
    void run() {
        HostingSettings top = settings();
        ProjectFacts facts = MavenProjectFacts.of(project);
        List<HostingEnvironment> environments = environments();
        List<String> folders = TemplateCatalog.load(List.of(), List.of(templateDirectory.toPath()),
                environments.stream().map(HostingEnvironment::name).toList()).userFolders();
        ParameterSources sources = sources();
        sources.warnAboutShadowedProperties();
        if (environments.isEmpty()) {
            print("the kit", SettingsReport.of(BuiltIns.load(), top, new HostingSettings(), facts, folders, Optional.empty()),
                    sources, null);
        }
        for (HostingEnvironment environment : environments) {
            print("environment " + environment.name(), SettingsReport.of(BuiltIns.load(), top, environment.settings(), facts,
                    folders, Optional.of(environment.name())), sources, environment.name());
        }
    }

    private void print(String kit, SettingsReport report, ParameterSources sources, String environment) {
        getLog().info("hosting: " + kit + ": runtime " + report.runtime() + ", targets " + String.join(", ", report.targets()));
        int width = report.rows().stream().mapToInt(row -> row.setting().name().length()).max().orElse(0);
        for (SettingsReport.Row row : report.rows()) {
            String origin = switch (row.origin()) {
                case DEFAULT -> "default";
                case CONFIGURATION -> sources.origin(row.setting());
                case ENVIRONMENT -> "environment " + environment;
            };
            getLog().info(String.format("hosting:   %-" + width + "s = %s  [%s]", row.setting().name(),
                    row.value().orElse("(not used by this kit)"), origin));
        }
        if (context) {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            getLog().info("hosting: template context of " + kit + " (and template.* for each template):");
            for (String line : new Yaml(options).dump(report.context()).split("\n")) {
                getLog().info("  " + line);
            }
        }
    }
}
