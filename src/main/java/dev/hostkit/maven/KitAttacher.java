package dev.hostkit.maven;

import dev.hostkit.core.KitResult;
import dev.hostkit.core.write.KitArchive;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import java.nio.file.Path;

/** Packs each kit into a reproducible zip and attaches it to the build. */
final class KitAttacher {
    private final MavenProject project;
    private final MavenProjectHelper projectHelper;
    private final Log log;

    KitAttacher(MavenProject project, MavenProjectHelper projectHelper, Log log) {
        this.project = project;
        this.projectHelper = projectHelper;
        this.log = log;
    }

    void attach(KitResult result) {
        result.kits().forEach((environment, paths) -> {
            String classifier = environment.isEmpty() ? "hosting" : "hosting-" + environment;
            Path kitRoot = environment.isEmpty() ? result.report().outputDirectory()
                    : result.report().outputDirectory().resolve(environment);
            Path zip = Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + "-" + classifier + ".zip");
            boolean changed = KitArchive.write(kitRoot, paths, zip);
            projectHelper.attachArtifact(project, "zip", classifier, zip.toFile());
            log.info("hosting: attached " + zip.getFileName() + " (classifier " + classifier + (changed ? ")" : ", unchanged)"));
        });
    }
}
