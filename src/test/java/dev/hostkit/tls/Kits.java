package dev.hostkit.tls;

import dev.hostkit.testing.KitGeneration;
import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.SampleProject;

import java.util.LinkedHashMap;
import java.util.Map;

/** Kits of the sample project "shop", rendered by the real generator in memory, and what every TLS response must carry. */
final class Kits {
    /** The security headers on every answer (name, exact value), HTTPS or not, errors included. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "SAMEORIGIN",
            "Content-Security-Policy", "frame-ancestors 'self'",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    static final String HSTS = "max-age=63072000";
    static final String HOST_SITE = "host/nginx/shop.conf";
    static final String COMPOSE_SITE = "compose/nginx/default.conf";
    static final String BOOTSTRAP_SITE = "host/nginx/shop-acme-bootstrap.conf";

    private Kits() {}

    /** Every rendered text file of the kit, by path (copied jars left out). */
    static Map<String, String> render(SampleProject project, HostingSettings settings) {
        Map<String, String> files = new LinkedHashMap<>();
        for (KitFile file : KitGeneration.plan(settings, project.facts(), project.templateDir())) {
            if (!file.isCopy()) {
                files.put(file.path(), file.text());
            }
        }
        return files;
    }

    /** Settings for HTTPS with this certificate, for shop.test. */
    static HostingSettings certificateMode(SelfSigned pair) {
        return new HostingSettings().set("serverName", "shop.test")
                .set("tlsCertificate", pair.certificate().toString()).set("tlsCertificateKey", pair.key().toString());
    }

    static HostingSettings acmeMode() {
        return new HostingSettings().set("serverName", "shop.test").set("tlsAcme", "true");
    }
}
