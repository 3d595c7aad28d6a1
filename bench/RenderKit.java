import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.KitRequest;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders the host kit of the benchmark's app with hostkit's real generator (bench/run.sh runs
 * this file with target/classes and the plugin's runtime classpath). One instance, so that the
 * generated site and the seed's config proxy to the same single app.
 *
 * Arguments: OUTPUT_DIR APP_JAR LIB_JAR APP_PORT LISTEN_PORT STATIC_DIR
 */
public final class RenderKit {
    private RenderKit() {}

    public static void main(String[] args) {
        Path output = Path.of(args[0]);
        HostingSettings settings = new HostingSettings()
                .setList("targets", List.of("host"))
                .set("port", args[3])
                .set("listenPort", args[4])
                .set("staticDirectory", args[5]);
        ProjectFacts project = new ProjectFacts("shop", "1.0.0", output.getParent(), Path.of(args[1]),
                List.of(Path.of(args[2])), "17", "jar", true);
        new KitGenerator().generate(new KitRequest(settings, List.of(), List.of(), project,
                output.resolveSibling("no-templates"), output, true));
    }
}
