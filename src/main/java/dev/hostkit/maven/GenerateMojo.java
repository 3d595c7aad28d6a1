package dev.hostkit.maven;

import dev.hostkit.core.BuildSettings;
import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.KitRequest;
import dev.hostkit.core.KitResult;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

import javax.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Renders the hosting kit (Dockerfile, compose.yaml, nginx site, systemd unit, install.sh, ...)
 * into the output directory, one kit per environment, and attaches each as a zip in the
 * lifecycle. The core's KitGenerator does the work.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class GenerateMojo extends AbstractKitMojo {
    private final KitGenerator generator;
    private final MavenProjectHelper projectHelper;

    @Inject
    public GenerateMojo(KitGenerator generator, MavenProjectHelper projectHelper) {
        this.generator = generator;
        this.projectHelper = projectHelper;
    }

    @Override
    void run() {
        if (BuildSettings.SKIP.parse(skip).orElse(false)) {
            getLog().info("hosting: skipped (hosting.skip=true)");
            return;
        }
        boolean overwriting = BuildSettings.OVERWRITE.parse(overwrite).orElse(false);
        boolean attaching = BuildSettings.ATTACH.parse(attach).orElse(mojoExecution.getLifecyclePhase() != null);
        sources().warnAboutShadowedProperties();
        long start = System.nanoTime();
        KitResult result = generator.generate(new KitRequest(settings(), environments(),
                selectedEnvironments == null ? List.of() : selectedEnvironments, MavenProjectFacts.of(project),
                templateDirectory.toPath(), outputDirectory.toPath(), overwriting));
        new ReportLog(getLog()).log(result, Duration.ofNanos(System.nanoTime() - start));
        if (attaching) {
            new KitAttacher(project, projectHelper, getLog()).attach(result);
        }
    }
}
