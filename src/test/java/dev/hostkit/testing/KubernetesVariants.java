package dev.hostkit.testing;

import dev.hostkit.core.settings.HostingSettings;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The variants the kubernetes target's checks run on: Java's frameworks and Python's, with and without TLS and settings. */
public final class KubernetesVariants {
    private KubernetesVariants() {}

    public static Stream<KitVariant> all() {
        return Stream.of(
                java("k8s-defaults", settings -> {}),
                java("k8s-server-name-tls", settings -> settings.set("serverName", "shop.example.com")
                        .set("tlsCertificate", KitVariant.CERTIFICATE).set("tlsCertificateKey", KitVariant.CERTIFICATE_KEY)),
                java("k8s-wildcard", settings -> settings.set("serverName", "*.example.com")),
                java("k8s-configured", settings -> settings.set("namespace", "shop-prod").set("image", "registry.example.com/team/shop")
                        .set("imagePullPolicy", "Always").set("minReplicas", "3").set("maxReplicas", "10")
                        .set("targetCpuUtilization", "60").set("podCpuRequest", "0.5").set("podMemoryRequest", "768Mi")
                        .set("podMemoryLimit", "1Gi").set("ingressClassName", "public").set("ingressNamespace", "ingress")
                        .set("envSecret", "shop-secrets").set("clientMaxBodySize", "25m").set("proxyTimeout", "120")
                        .setMap("env", KitVariants.AWKWARD_ENV)
                        .setMap("podAnnotations", Map.of("prometheus.io/scrape", "true", "prometheus.io/port", "8080",
                                "example.com/note", "it's \"quoted\" # not a comment"))),
                java("k8s-digest", settings -> settings.set("image",
                        "registry.example.com/shop@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")),
                java("k8s-app-name-digits", settings -> settings.set("appName", "2048")),
                java("k8s-spring-boot", settings -> settings.set("framework", "spring-boot")),
                java("k8s-quarkus", settings -> settings.set("framework", "quarkus")),
                java("k8s-micronaut", settings -> settings.set("framework", "micronaut")),
                python("k8s-python-defaults", settings -> {}),
                python("k8s-python-tls", settings -> settings.set("serverName", "hello.example.com").set("port", "9000")
                        .set("tlsCertificate", KitVariant.CERTIFICATE).set("tlsCertificateKey", KitVariant.CERTIFICATE_KEY)
                        .setMap("env", Map.of("GREETING", "hi there"))));
    }

    private static KitVariant java(String name, Consumer<HostingSettings> configure) {
        return KitVariant.java(name, configure.andThen(KubernetesVariants::kubernetesOnly));
    }

    private static KitVariant python(String name, Consumer<HostingSettings> configure) {
        return KitVariant.python(name, configure.andThen(KubernetesVariants::kubernetesOnly));
    }

    private static void kubernetesOnly(HostingSettings settings) {
        settings.setList("targets", List.of("kubernetes"));
    }
}
