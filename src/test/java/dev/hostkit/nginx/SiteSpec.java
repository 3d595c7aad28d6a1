package dev.hostkit.nginx;

import dev.hostkit.testing.KitVariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the nginx rules expect of one nginx file, written out from the README for the variant
 * it was rendered for (never read back from the plugin's model).
 *
 * @param file             the file, for messages
 * @param serverName       the site's name, if it has one
 * @param tls              whether the kit serves HTTPS (the ACME bootstrap site too: it answers the challenge)
 * @param tlsPort          the port clients reach HTTPS on, which redirects name unless it is 443
 * @param upstreamServers  the app servers the site proxies to; none for a site without the app
 */
record SiteSpec(String file, Optional<String> serverName, boolean tls, int tlsPort, String hsts, String acmeWebroot,
                List<String> upstreamServers, int proxyTimeoutSeconds, String clientMaxBodySize) {
    /** The security headers on every answer (name, exact value), HTTPS or not, errors included. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "SAMEORIGIN",
            "Content-Security-Policy", "frame-ancestors 'self'",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    static final String COMPOSE_SITE = "compose/nginx/default.conf";

    /** What good.conf, the hand-written site the rules' own tests break, is written for. */
    static final SiteSpec FIXTURE = new SiteSpec("good.conf", Optional.of("shop.test"), true, 443, "max-age=63072000",
            "/var/www/letsencrypt", List.of("127.0.0.1:8080"), 60, "10m");

    static String hostSite(KitVariant variant) {
        return "host/nginx/" + variant.appName() + ".conf";
    }

    static String bootstrapSite(KitVariant variant) {
        return "host/nginx/" + variant.appName() + "-acme-bootstrap.conf";
    }

    /** The spec of FILE (the compose site, the host site or the ACME bootstrap site) of the variant's kit. */
    static SiteSpec of(KitVariant variant, String file) {
        return new SiteSpec(file, variant.serverName(), variant.tls() != KitVariant.Tls.OFF, variant.tlsPort(), variant.hsts(),
                variant.acmeWebroot(), upstreamServers(variant, file), variant.proxyTimeoutSeconds(), variant.clientMaxBodySize());
    }

    /** The compose service by name; on a machine, the instances on loopback ports from hosting.port, or gunicorn's socket. */
    private static List<String> upstreamServers(KitVariant variant, String file) {
        if (file.equals(COMPOSE_SITE)) {
            return List.of("app:" + variant.port());
        }
        if (file.equals(bootstrapSite(variant))) {
            return List.of();
        }
        if (variant.isPython()) {
            return List.of("unix:/run/" + variant.appName() + "/gunicorn.sock");
        }
        List<String> servers = new ArrayList<>();
        for (int port = variant.port(); port < variant.port() + variant.instances(); port++) {
            servers.add("127.0.0.1:" + port);
        }
        return servers;
    }

    /** Whether the site reaches the app at all (the ACME bootstrap site does not). */
    boolean proxies() {
        return !upstreamServers.isEmpty();
    }
}
