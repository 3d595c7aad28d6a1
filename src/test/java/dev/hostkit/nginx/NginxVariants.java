package dev.hostkit.nginx;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.KitVariants;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The variants whose every nginx file the rules check: the docker and compose rules' variants,
 * and the settings that shape nginx files, combined: runtime (java, python) × HTTPS (off,
 * certificate, ACME) × instances (1, 3) × server name (none, shop.test) × static path ×
 * ports (80/443 and 8000/8443 with includeSubDomains and an own ACME webroot). Left out, as
 * the plugin refuses them: ACME without a server name, and python with more than one
 * instance (gunicorn runs its own workers).
 */
public final class NginxVariants {
    private NginxVariants() {}

    public static Stream<KitVariant> all() {
        return Stream.concat(KitVariants.all(), matrix().stream());
    }

    static List<KitVariant> matrix() {
        List<KitVariant> variants = new ArrayList<>();
        for (boolean python : List.of(false, true)) {
            for (Optional<String> serverName : List.of(Optional.<String>empty(), Optional.of("shop.test"))) {
                for (int instances : python ? List.of(1) : List.of(1, 3)) {
                    for (KitVariant.Tls tls : KitVariant.Tls.values()) {
                        for (String staticPath : List.of("/static/", "/assets/img/")) {
                            for (boolean customPorts : List.of(false, true)) {
                                if (tls != KitVariant.Tls.ACME || serverName.isPresent()) {
                                    variants.add(variant(python, serverName, instances, tls, staticPath, customPorts));
                                }
                            }
                        }
                    }
                }
            }
        }
        return variants;
    }

    private static KitVariant variant(boolean python, Optional<String> serverName, int instances, KitVariant.Tls tls, String staticPath,
                                      boolean customPorts) {
        String name = (python ? "python" : "java") + " serverName=" + serverName.orElse("none") + " instances=" + instances
                + " tls=" + tls + " staticPath=" + staticPath + " ports=" + (customPorts ? "8000/8443" : "80/443");
        Consumer<HostingSettings> configure = settings -> {
            settings.set("serverName", serverName.orElse(null)).set("instances", String.valueOf(instances)).set("staticPath", staticPath);
            if (customPorts) {
                settings.set("listenPort", "8000").set("tlsPort", "8443").set("tlsHstsIncludeSubDomains", "true")
                        .set("tlsAcmeWebroot", "/srv/acme");
            }
        };
        KitVariant variant = python ? KitVariant.python(name, configure) : KitVariant.java(name, configure);
        KitVariant https = switch (tls) {
            case OFF -> variant;
            case CERTIFICATE -> variant.withCertificate();
            case ACME -> variant.withAcme();
        };
        return new KitVariant(name, https.project(), https.configure());
    }
}
