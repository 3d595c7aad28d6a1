package dev.hostkit.nginx;

import dev.hostkit.testing.NginxConf.Directive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hostkit.nginx.Sites.closes;
import static dev.hostkit.nginx.Sites.has;
import static dev.hostkit.nginx.Sites.isDefaultServer;
import static dev.hostkit.nginx.Sites.listensWithSsl;
import static dev.hostkit.nginx.Sites.servers;

/**
 * Which server answers what: a catch-all for other names, and TLS as Mozilla's intermediate profile
 * (gixy checks the version is hidden, version_disclosure, and that no cipher is weak, weak_ssl_tls).
 */
enum ServerRule implements NginxRule {
    /**
     * One default_server per port in a site with the app (none in one without: the machine's own
     * default site keeps it). Without a server name that is the site's one server on each port;
     * with one, a catch-all that closes the connection (444) and refuses TLS handshakes for other
     * names, so spoofed hosts never reach the app, and every other server is named.
     */
    DEFAULT_SERVER {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            List<Directive> servers = servers(site, problems);
            Map<String, List<Directive>> listeners = new LinkedHashMap<>();
            Map<String, List<Directive>> defaults = new LinkedHashMap<>();
            for (Directive server : servers) {
                for (Directive listen : server.children("listen")) {
                    listeners.computeIfAbsent(Sites.port(listen), port -> new ArrayList<>()).add(server);
                    List<Directive> claims = defaults.computeIfAbsent(Sites.port(listen), port -> new ArrayList<>());
                    if (listen.args().contains("default_server") || listen.args().contains("default")) {
                        claims.add(server);
                    }
                }
            }
            boolean proxies = site.descendants("proxy_pass").findAny().isPresent();
            defaults.forEach((port, claims) -> {
                if (proxies && claims.size() != 1) {
                    problems.add("port " + port + " has " + claims.size() + " default_server, not exactly one: " + claims);
                }
                if (!proxies && !claims.isEmpty()) {
                    problems.add("a site without the app must leave port " + port + "'s default_server to the machine's default site: "
                            + claims);
                }
            });
            if (spec.serverName().isEmpty()) {
                listeners.forEach((port, on) -> {
                    if (on.size() != 1) {
                        problems.add("without a server name each port has one server, the default one; port " + port + " has " + on);
                    }
                });
                return;
            }
            String name = spec.serverName().get();
            listeners.forEach((port, on) -> {
                List<Directive> named = on.stream().filter(s -> s.children("server_name").stream().anyMatch(d -> d.args().contains(name)))
                        .toList();
                if (named.size() != 1) {
                    problems.add("expected one server named " + name + " on port " + port + ", found " + named);
                }
            });
            for (Directive server : servers) {
                if (isDefaultServer(server)) {
                    catchAll(server, name, problems);
                } else if (server.children("server_name").isEmpty()
                        || !server.children("server_name").stream().allMatch(n -> n.args().equals(List.of(name)))) {
                    problems.add("a server that answers must be named " + name + ": " + server);
                }
            }
        }

        private void catchAll(Directive server, String name, List<String> problems) {
            if (server.children("server_name").stream().anyMatch(d -> d.args().contains(name))) {
                problems.add("server " + server + " for " + name + " must not be the default_server");
            }
            if (!closes(server) || !server.children("location").isEmpty() || server.descendants("proxy_pass").findAny().isPresent()) {
                problems.add("the default server must answer other Host names with 'return 444' and nothing else, so they never "
                        + "reach the app: " + server);
            }
            if (listensWithSsl(server) && !has(server, "ssl_reject_handshake", "on")) {
                problems.add("the default server must refuse TLS handshakes for other names (ssl_reject_handshake on): " + server);
            }
        }
    },
    /**
     * The Mozilla intermediate profile on every TLS listen (TLS 1.2 and 1.3 also on the
     * catch-all, whose versions are negotiated before SNI picks a server); plain HTTP only
     * answers ACME challenges and redirects to HTTPS, path and query kept.
     */
    TLS {
        private static final String CIPHERS = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                + "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            List<Directive> servers = servers(site, problems);
            boolean anySsl = servers.stream().anyMatch(Sites::listensWithSsl);
            if (!spec.tls()) {
                if (anySsl || site.descendants().anyMatch(d -> d.name().startsWith("ssl_"))) {
                    problems.add("TLS is off, yet the config has TLS directives");
                }
                return;
            }
            for (Directive server : servers) {
                if (listensWithSsl(server)) {
                    expect(server, "ssl_protocols", List.of("TLSv1.2", "TLSv1.3"), problems);
                    if (!has(server, "ssl_reject_handshake", "on")) {
                        tlsServer(server, spec, problems);
                    }
                } else if (!closes(server)) {
                    plainServer(server, spec, anySsl, problems);
                }
            }
        }

        private void tlsServer(Directive server, SiteSpec spec, List<String> problems) {
            expect(server, "ssl_ciphers", List.of(CIPHERS), problems);
            expect(server, "ssl_prefer_server_ciphers", List.of("off"), problems);
            expect(server, "ssl_session_timeout", List.of("1d"), problems);
            expect(server, "ssl_session_cache", List.of("shared:MozSSL:10m"), problems);
            expect(server, "ssl_session_tickets", List.of("off"), problems);
            if (server.children("ssl_certificate").size() != 1 || server.children("ssl_certificate_key").size() != 1) {
                problems.add("a TLS server needs one ssl_certificate and one ssl_certificate_key: " + server);
            }
            if (has(server, "ssl_stapling", "on")) {
                problems.add("OCSP stapling on (Let's Encrypt has no OCSP service): " + server);
            }
            // HTTP/2: the directive (nginx 1.25.1 on) or the listen parameter (before), never neither
            if (!has(server, "http2", "on")) {
                server.children("listen").stream().filter(listen -> !listen.args().contains("http2"))
                        .forEach(listen -> problems.add("TLS listen without http2 (and no 'http2 on;'): " + listen));
            }
            server.children("add_header").stream().filter(h -> h.arg(0).equalsIgnoreCase("Strict-Transport-Security"))
                    .filter(h -> !h.arg(1).equals(spec.hsts()))
                    .forEach(h -> problems.add("HSTS must be '" + spec.hsts() + "': " + h));
        }

        private void plainServer(Directive server, SiteSpec spec, boolean anySsl, List<String> problems) {
            if (server.descendants("proxy_pass").findAny().isPresent()) {
                problems.add("plain HTTP reaches the app with TLS on: " + server);
            }
            boolean challenge = server.children("location").stream().anyMatch(location ->
                    location.args().equals(List.of("^~", "/.well-known/acme-challenge/"))
                            && location.children("root").stream().anyMatch(root -> root.args().equals(List.of(spec.acmeWebroot()))));
            if (!challenge) {
                problems.add("plain HTTP must serve 'location ^~ /.well-known/acme-challenge/' from " + spec.acmeWebroot() + ": " + server);
            }
            if (!anySsl) {
                return; // the ACME bootstrap site: no certificate yet, so nothing to redirect to
            }
            String target = "https://$host" + (spec.tlsPort() == 443 ? "" : ":" + spec.tlsPort()) + "$request_uri";
            boolean redirects = server.children("location").stream().anyMatch(location -> location.args().equals(List.of("/"))
                    && location.children("return").stream().anyMatch(r -> List.of("301", "308").contains(r.arg(0)) && r.arg(1).equals(target)));
            if (!redirects) {
                problems.add("plain HTTP must redirect 'location /' with 301 or 308 to " + target + ": " + server);
            }
        }

        private void expect(Directive server, String name, List<String> args, List<String> problems) {
            List<Directive> found = server.children(name);
            if (found.size() != 1 || !found.get(0).args().equals(args)) {
                problems.add("expected '" + name + " " + String.join(" ", args) + ";' in " + server + ", found " + found);
            }
        }
    }
}
