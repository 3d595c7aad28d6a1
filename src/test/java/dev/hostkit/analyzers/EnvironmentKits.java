package dev.hostkit.analyzers;

import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.KitRequest;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.testing.KitVariant;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Kits of named environments, as the README's example declares them: a dev kit on another port,
 * a prod kit with a server name and HTTPS (Java's with three instances), for Java and Python.
 * Each has the kubernetes target too, whose namespace, replicas and memory differ by environment.
 * Each environment's kit is in target/hosting/NAME of its project.
 */
final class EnvironmentKits {
    private EnvironmentKits() {}

    static void render(Path dir, AnalyzedKits kits) {
        Consumer<HostingSettings> everyTarget = settings -> settings.setList("targets", List.of("docker", "compose", "host", "kubernetes"));
        for (KitVariant variant : List.of(KitVariant.java("java", everyTarget), KitVariant.python("python", everyTarget))) {
            Path projectDir = dir.resolve(variant.name());
            ProjectFacts facts = variant.project().create(projectDir);
            HostingSettings prod = new HostingSettings().set("serverName", "shop.example.com")
                    .set("tlsCertificate", KitVariant.CERTIFICATE).set("tlsCertificateKey", KitVariant.CERTIFICATE_KEY)
                    .set("namespace", "shop-prod").set("minReplicas", "3").set("maxReplicas", "12").set("podMemoryLimit", "1Gi")
                    .setMap("podAnnotations", Map.of("example.com/tier", "production"));
            if (!variant.isPython()) {
                prod.set("instances", "3");
            }
            List<HostingEnvironment> environments = List.of(
                    new HostingEnvironment("dev", new HostingSettings().set("listenPort", "8081").set("namespace", "shop-dev")),
                    new HostingEnvironment("prod", prod));
            Path output = projectDir.resolve("target/hosting");
            new KitGenerator().generate(new KitRequest(variant.settings(), environments, List.of(), facts,
                    projectDir.resolve("src/main/hosting"), output, false));
            for (HostingEnvironment environment : environments) {
                kits.add(variant.name() + " environment " + environment.name(), output.resolve(environment.name()));
            }
        }
    }
}
