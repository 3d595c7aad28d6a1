package dev.hostkit.core.target.kubernetes;

import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.KitRequest;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.testing.KitGeneration;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kubernetes target's settings that depend on each other, per environment, and its probes. */
class KubernetesTargetTest {
    @TempDir
    Path dir;

    private static HostingSettings kubernetes() {
        return new HostingSettings().setList("targets", List.of("kubernetes"));
    }

    private void assertRefused(HostingSettings settings, String message) {
        SampleProject project = SampleProject.create(dir);
        Path output = dir.resolve("out");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> KitGeneration.write(settings, project.facts(), project.templateDir(), output, false));
        assertEquals(message, e.getMessage());
        assertFalse(Files.exists(output), "nothing is written");
    }

    @Test
    void minReplicasAboveMaxReplicasIsRefused() {
        assertRefused(kubernetes().set("minReplicas", "5").set("maxReplicas", "3"),
                "Invalid value for hosting.maxReplicas: '3'. Allowed: at least minReplicas (5).");
    }

    @Test
    void aMemoryRequestAboveTheLimitIsRefused() {
        assertRefused(kubernetes().set("podMemoryRequest", "2Gi").set("podMemoryLimit", "1024Mi"),
                "Invalid value for hosting.podMemoryRequest: '2Gi'. Allowed: at most podMemoryLimit (1024Mi).");
    }

    @Test
    void malformedQuantitiesAndLatestAreRefusedWithWhatIsAllowed() {
        assertRefused(kubernetes().set("podMemoryLimit", "512MB"), "Invalid value for hosting.podMemoryLimit: '512MB'. Allowed: "
                + "a Kubernetes memory quantity of 1 to 6 digits and Ki, Mi or Gi, such as 512Mi or 2Gi.");
        assertRefused(kubernetes().set("podCpuRequest", "2 cores"), "Invalid value for hosting.podCpuRequest: '2 cores'. Allowed: "
                + "a Kubernetes CPU quantity, millicores such as 250m or cores such as 0.5 or 2.");
        assertRefused(kubernetes().set("image", "registry.example.com/shop:latest"), "Invalid value for hosting.image: "
                + "'registry.example.com/shop:latest'. Allowed: an image repository such as registry.example.com/team/shop "
                + "(the tag is then the project's version), optionally with an explicit :tag or @sha256 digest; never 'latest'.");
        assertRefused(kubernetes().set("namespace", "Shop_Prod"), "Invalid value for hosting.namespace: 'Shop_Prod'. Allowed: "
                + "a DNS-1123 label: 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit.");
    }

    @Test
    void podAnnotationsAreCheckedAndQuoted() {
        assertRefused(kubernetes().setMap("podAnnotations", Map.of("bad key", "x")), "Invalid value for hosting.podAnnotations: "
                + "'bad key'. Allowed: annotation keys [prefix/]name: an optional DNS subdomain and '/', then 1 to 63 letters, "
                + "digits and - _ . starting and ending with a letter or digit.");
        SampleProject project = SampleProject.create(dir);
        String deployment = KitGeneration.renderText(kubernetes().setMap("podAnnotations", Map.of("prometheus.io/scrape", "true")),
                project.facts(), project.templateDir()).get("kubernetes/deployment.yaml");
        assertTrue(deployment.contains("      annotations:\n        prometheus.io/scrape: \"true\"\n    spec:"), deployment);
    }

    @Test
    void maxReplicasFollowsAHighMinReplicas() {
        SampleProject project = SampleProject.create(dir);
        Map<String, String> kit = KitGeneration.renderText(kubernetes().set("minReplicas", "6"), project.facts(), project.templateDir());
        assertTrue(kit.get("kubernetes/hpa.yaml").contains("\n  minReplicas: 6\n  maxReplicas: 6\n"), kit.get("kubernetes/hpa.yaml"));
    }

    @Test
    void namespaceReplicasResourcesAndHostDifferByEnvironment() throws IOException {
        SampleProject project = SampleProject.create(dir);
        List<HostingEnvironment> environments = List.of(
                new HostingEnvironment("dev", new HostingSettings().set("namespace", "shop-dev").set("serverName", "dev.example.com")),
                new HostingEnvironment("prod", new HostingSettings().set("namespace", "shop-prod").set("minReplicas", "4")
                        .set("maxReplicas", "16").set("podMemoryLimit", "2Gi").set("serverName", "shop.example.com")));
        Path output = dir.resolve("out");
        new KitGenerator().generate(new KitRequest(kubernetes().set("podCpuRequest", "500m"), environments, List.of(),
                project.facts(), project.templateDir(), output, false));
        String dev = Files.readString(output.resolve("dev/kubernetes/deployment.yaml"));
        String prod = Files.readString(output.resolve("prod/kubernetes/deployment.yaml"));
        assertAll(
                () -> assertTrue(dev.contains("namespace: \"shop-dev\"") && prod.contains("namespace: \"shop-prod\"")),
                () -> assertTrue(dev.contains("app.kubernetes.io/instance: \"shop-dev\""), "two environments' pods stay apart"),
                () -> assertTrue(dev.contains("memory: \"512Mi\"") && prod.contains("memory: \"2Gi\"")),
                () -> assertTrue(dev.contains("cpu: \"500m\"") && prod.contains("cpu: \"500m\""), "the shared setting in both"),
                () -> assertTrue(Files.readString(output.resolve("prod/kubernetes/hpa.yaml")).contains("minReplicas: 4")),
                () -> assertTrue(Files.readString(output.resolve("prod/kubernetes/kustomization.yaml")).contains("namespace: \"shop-prod\"")),
                () -> assertTrue(Files.readString(output.resolve("dev/kubernetes/ingress.yaml")).contains("host: \"dev.example.com\"")));
    }

    @Test
    void livenessAsksTheFrameworksLivenessGroupBesideItsReadinessGroup() {
        assertAll(
                () -> assertEquals("/actuator/health/liveness", Probes.liveness("/actuator/health/readiness")),
                () -> assertEquals("/api/q/health/live", Probes.liveness("/api/q/health/ready")),
                () -> assertEquals("/health", Probes.liveness("/health"), "no group: the port is probed instead"),
                () -> assertFalse(Probes.of("/health").containsKey("livenessPath")),
                () -> assertEquals("/q/health/live", Probes.of("/q/health/ready").get("livenessPath")));
    }
}
