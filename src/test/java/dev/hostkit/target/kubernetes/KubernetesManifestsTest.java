package dev.hostkit.target.kubernetes;

import dev.hostkit.testing.GeneratedKits;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.KubernetesVariants;
import dev.hostkit.testing.SampleKit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the objects of one kit's {@code kubernetes/} say about each other, read back as YAML: what the
 * tools do not check (the schemas know one object at a time, kube-score only that some PDB matches).
 */
class KubernetesManifestsTest extends GeneratedKits {
    static Stream<KitVariant> variants() {
        return KubernetesVariants.all();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(SampleKit kit, String file) {
        return (Map<String, Object>) new Yaml().load(kit.read("kubernetes/" + file));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> object, String... path) {
        Object node = object;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theSelectorsMatchThePodsAndTheHpaOwnsTheReplicas(KitVariant variant) {
        SampleKit kit = kit(variant);
        Map<String, Object> deployment = read(kit, "deployment.yaml");
        Map<String, String> selector = at(deployment, "spec", "selector", "matchLabels");
        Map<String, String> podLabels = at(deployment, "spec", "template", "metadata", "labels");
        assertAll(
                () -> assertEquals(List.of("app.kubernetes.io/instance", "app.kubernetes.io/name"),
                        selector.keySet().stream().sorted().toList(), "a stable subset: no version in the selector"),
                () -> assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), "the pods carry the selector"),
                () -> assertEquals("hostkit", podLabels.get("app.kubernetes.io/managed-by")),
                () -> assertFalse(((Map<?, ?>) deployment.get("spec")).containsKey("replicas"), "the HPA owns the replicas"),
                () -> assertEquals(selector, at(read(kit, "service.yaml"), "spec", "selector")),
                () -> assertEquals(selector, at(read(kit, "pdb.yaml"), "spec", "selector", "matchLabels")),
                () -> assertEquals(selector, at(read(kit, "networkpolicy.yaml"), "spec", "podSelector", "matchLabels")),
                () -> assertEquals((Object) at(deployment, "metadata", "name"), at(read(kit, "hpa.yaml"), "spec", "scaleTargetRef", "name")),
                () -> assertEquals((Object) at(deployment, "metadata", "name"), at(deployment, "spec", "template", "spec", "serviceAccountName")),
                () -> assertEquals(0, (int) at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    @SuppressWarnings("unchecked")
    void kustomizeAppliesEveryManifestInTheOneNamespace(KitVariant variant) {
        SampleKit kit = kit(variant);
        Map<String, Object> kustomization = read(kit, "kustomization.yaml");
        List<String> manifests = new ArrayList<>(kit.files().stream().filter(file -> file.startsWith("kubernetes/"))
                .map(file -> file.substring("kubernetes/".length())).filter(file -> !file.equals("kustomization.yaml")).toList());
        assertEquals(manifests.stream().sorted().toList(), ((List<String>) kustomization.get("resources")).stream().sorted().toList());
        Object namespace = kustomization.get("namespace");
        for (String manifest : manifests) {
            Map<String, Object> object = read(kit, manifest);
            Object own = object.get("kind").equals("Namespace") ? at(object, "metadata", "name") : at(object, "metadata", "namespace");
            assertEquals(namespace, own, manifest + " is in another namespace");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theContainerRunsUnderTheRestrictedProfileOnItsNamedPort(KitVariant variant) {
        SampleKit kit = kit(variant);
        Map<String, Object> deployment = read(kit, "deployment.yaml");
        List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
        Map<String, Object> app = containers.get(0);
        List<Map<String, Object>> ports = (List<Map<String, Object>>) app.get("ports");
        assertAll(
                () -> assertEquals(variant.port(), ports.get(0).get("containerPort")),
                () -> assertEquals("http", ports.get(0).get("name")),
                () -> assertEquals(false, at(app, "securityContext", "allowPrivilegeEscalation")),
                () -> assertEquals(true, at(app, "securityContext", "readOnlyRootFilesystem")),
                () -> assertEquals(List.of("ALL"), at(app, "securityContext", "capabilities", "drop")),
                () -> assertEquals(10001, (int) at(deployment, "spec", "template", "spec", "securityContext", "runAsUser")),
                () -> assertFalse(String.valueOf(app.get("image")).endsWith(":latest")),
                () -> assertTrue(String.valueOf(app.get("image")).matches(".+(:[A-Za-z0-9_.-]+|@sha256:[0-9a-f]{64})")),
                () -> assertEquals(variant.serverName().orElse(null), ((List<Map<String, Object>>) at(read(kit, "ingress.yaml"),
                        "spec", "rules")).get(0).get("host")));
    }
}
