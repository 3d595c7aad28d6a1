package dev.hostkit.core.eject;

import java.nio.file.Path;
import java.util.List;

/**
 * What an eject did.
 *
 * @param runtime the runtime whose templates were copied
 * @param targets the targets whose templates were copied
 * @param copied  templates written into the template directory
 * @param kept    templates that were there already, left as they are
 */
public record EjectReport(String runtime, List<String> targets, List<Template> copied, List<Template> kept) {
    public EjectReport {
        targets = List.copyOf(targets);
        copied = List.copyOf(copied);
        kept = List.copyOf(kept);
    }

    /**
     * @param name   the template's name in the kit, e.g. {@code docker/Dockerfile.mustache}
     * @param source the built-in template it comes from, e.g. {@code runtimes/java/docker/Dockerfile.mustache}
     * @param file   the user's copy
     */
    public record Template(String name, String source, Path file) {}
}
