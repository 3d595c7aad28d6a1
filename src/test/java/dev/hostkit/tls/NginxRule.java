package dev.hostkit.tls;

import dev.hostkit.tls.ConfTree.Directive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The gixy-style checks of CHECKLISTS.md (nginx 5, 6/7, 9, 11/12, 13) on one parsed site file
 * (the text that is included in nginx's http block). Each returns what it found wrong, one
 * line per finding; nothing means the config passes.
 */
enum NginxRule {
    /** nginx 5: one default_server per port; with a server name it closes (444) or refuses the handshake. */
    DEFAULT_SERVER {
        @Override
        void check(Directive file, Site site, List<String> found) {
            Map<String, List<Directive>> defaults = new LinkedHashMap<>();
            for (Directive server : servers(file)) {
                for (Directive listen : server.all("listen")) {
                    List<Directive> claims = defaults.computeIfAbsent(port(listen), key -> new ArrayList<>());
                    if (listen.args.contains("default_server") || listen.args.contains("default")) {
                        claims.add(server);
                    }
                }
            }
            boolean proxies = file.descendants().anyMatch(d -> d.name.equals("proxy_pass"));
            defaults.forEach((port, claims) -> {
                if (proxies && claims.size() != 1) {
                    found.add("port " + port + " has " + claims.size() + " default_server, not exactly one: " + claims);
                }
                if (!proxies && !claims.isEmpty()) {
                    found.add("a site without an app must leave port " + port + "'s default_server to the machine's default site: "
                            + claims);
                }
            });
            if (site.serverName().isEmpty()) {
                return;
            }
            for (Directive server : servers(file)) {
                boolean isDefault = server.all("listen").stream()
                        .anyMatch(listen -> listen.args.contains("default_server") || listen.args.contains("default"));
                if (isDefault) {
                    if (!closes(server) || server.descendants().anyMatch(d -> d.name.equals("proxy_pass"))) {
                        found.add("the default server must answer other Host names with 'return 444' and nothing else: " + server);
                    }
                    if (listensWithSsl(server) && !has(server, "ssl_reject_handshake", "on")) {
                        found.add("the default server must refuse TLS handshakes for other names (ssl_reject_handshake on): "
                                + server);
                    }
                } else if (!server.all("server_name").stream().allMatch(name -> name.args.equals(List.of(site.serverName().get())))
                        || server.all("server_name").isEmpty()) {
                    found.add("a server that answers must be named " + site.serverName().get() + ": " + server);
                }
            }
        }
    },

    /** nginx 6 and 7: security headers at server level with "always", none in a location; HSTS on TLS only. */
    HEADERS {
        @Override
        void check(Directive file, Site site, List<String> found) {
            file.descendants().filter(d -> d.name.equals("add_header") && !d.parent.name.equals("server"))
                    .forEach(d -> found.add("add_header inside '" + d.parent + "' drops every inherited header: " + d));
            file.descendants().filter(d -> d.name.equals("proxy_set_header") && hasAbove(d.parent, "proxy_set_header"))
                    .forEach(d -> found.add("proxy_set_header in a nested block drops the inherited ones: " + d));
            for (Directive server : servers(file)) {
                boolean hsts = server.all("add_header").stream().anyMatch(h -> h.arg(0).equalsIgnoreCase("Strict-Transport-Security"));
                if (hsts && !listensWithSsl(server)) {
                    found.add("HSTS on a server without TLS: " + server);
                }
                if (closes(server)) {
                    continue;
                }
                if (listensWithSsl(server) && !hsts) {
                    found.add("a TLS server without HSTS: " + server);
                }
                Kits.SECURITY_HEADERS.forEach((name, value) -> {
                    if (server.all("add_header").stream().noneMatch(h -> h.args.equals(List.of(name, value, "always")))) {
                        found.add("missing 'add_header " + name + " \"" + value + "\" always' in " + server);
                    }
                });
                server.all("add_header").stream().filter(h -> !h.args.contains("always"))
                        .forEach(h -> found.add("add_header without 'always' is missing on errors: " + h));
                server.all("add_header").stream().filter(h -> h.arg(0).equalsIgnoreCase("X-XSS-Protection") && !h.arg(1).equals("0"))
                        .forEach(h -> found.add("X-XSS-Protection other than 0: " + h));
            }
        }
    },

    /** nginx 9: a location with an alias ends in '/' exactly when the alias does (no alias traversal). */
    ALIAS {
        @Override
        void check(Directive file, Site site, List<String> found) {
            file.descendants().filter(d -> d.name.equals("alias")).forEach(alias -> {
                Directive location = alias.parent;
                if (!location.name.equals("location")) {
                    found.add("alias outside a location: " + alias);
                    return;
                }
                String modifier = location.args.size() > 1 ? location.arg(0) : "";
                if (modifier.startsWith("~")) {
                    return; // a regex location's alias is a full path built from captures
                }
                String uri = location.arg(location.args.size() - 1);
                if (uri.endsWith("/") != alias.arg(0).endsWith("/")) {
                    found.add("location " + uri + " and alias " + alias.arg(0) + " must both end in '/' or neither: " + location);
                }
            });
        }
    },

    /** nginx 13: no request data in proxy_pass (SSRF), no decoded URI in headers (splitting), anchored origin regexes. */
    VARIABLES {
        private static final Pattern REQUEST_DATA =
                Pattern.compile("\\$\\{?(arg_\\w+|http_\\w+|cookie_\\w+|uri|request_uri|document_uri|host|args|query_string"
                        + "|request)\\b");
        private static final Pattern DECODED_URI = Pattern.compile("\\$\\{?(uri|document_uri)\\b");
        private static final Pattern ORIGIN = Pattern.compile("\\$\\{?http_(origin|referer)\\b");

        @Override
        void check(Directive file, Site site, List<String> found) {
            file.descendants().forEach(d -> {
                switch (d.name) {
                    case "proxy_pass" -> {
                        if (REQUEST_DATA.matcher(String.join(" ", d.args)).find()) {
                            found.add("request data in proxy_pass: " + d);
                        }
                    }
                    case "add_header", "proxy_set_header", "return", "rewrite" -> {
                        if (DECODED_URI.matcher(String.join(" ", d.args)).find()) {
                            found.add("decoded $uri/$document_uri can carry a line break into a header: " + d);
                        }
                    }
                    case "if" -> {
                        String condition = String.join(" ", d.args);
                        int tilde = condition.indexOf('~');
                        if (ORIGIN.matcher(condition).find() && tilde >= 0 && !anchored(condition.substring(tilde + 1)
                                .replaceFirst("^\\*", "").replaceAll("\\)$", "").trim())) {
                            found.add("unanchored origin/referer regex: " + d);
                        }
                    }
                    case "map" -> {
                        if (ORIGIN.matcher(d.arg(0)).find()) {
                            d.children.stream()
                                    .filter(entry -> entry.name.startsWith("~") && !anchored(entry.name.replaceFirst("^~\\*?", "")))
                                    .forEach(entry -> found.add("unanchored origin/referer regex: " + entry));
                        }
                    }
                    case "valid_referers" -> d.args.stream().filter(arg -> arg.startsWith("~") && !anchored(arg.substring(1)))
                            .forEach(arg -> found.add("unanchored referer regex: " + d));
                    default -> { }
                }
            });
        }

        private boolean anchored(String regex) {
            return regex.startsWith("^") && regex.endsWith("$");
        }
    },

    /** nginx 11 and 12: the Mozilla intermediate profile on every TLS listen; plain HTTP only answers challenges and redirects. */
    TLS {
        private static final String CIPHERS = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                + "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

        @Override
        void check(Directive file, Site site, List<String> found) {
            boolean anySsl = servers(file).stream().anyMatch(NginxRule::listensWithSsl);
            if (!site.tls()) {
                if (anySsl || file.descendants().anyMatch(d -> d.name.startsWith("ssl_"))) {
                    found.add("TLS is off, yet the config has TLS directives");
                }
                return;
            }
            for (Directive server : servers(file)) {
                if (listensWithSsl(server)) {
                    // the default server's versions are the ones negotiated: SNI picks the named server only after that
                    expect(server, "ssl_protocols", List.of("TLSv1.2", "TLSv1.3"), found);
                    if (has(server, "ssl_reject_handshake", "on")) {
                        continue;
                    }
                    expect(server, "ssl_ciphers", List.of(CIPHERS), found);
                    expect(server, "ssl_prefer_server_ciphers", List.of("off"), found);
                    expect(server, "ssl_session_timeout", List.of("1d"), found);
                    expect(server, "ssl_session_cache", List.of("shared:MozSSL:10m"), found);
                    expect(server, "ssl_session_tickets", List.of("off"), found);
                    if (server.all("ssl_certificate").size() != 1 || server.all("ssl_certificate_key").size() != 1) {
                        found.add("a TLS server needs one ssl_certificate and one ssl_certificate_key: " + server);
                    }
                    if (has(server, "ssl_stapling", "on")) {
                        found.add("OCSP stapling on (Let's Encrypt has no OCSP service): " + server);
                    }
                    server.all("listen").stream().filter(listen -> !listen.args.contains("http2"))
                            .forEach(listen -> found.add("TLS listen without http2: " + listen));
                    server.all("add_header").stream().filter(h -> h.arg(0).equalsIgnoreCase("Strict-Transport-Security"))
                            .filter(h -> !h.arg(1).equals(site.hsts()))
                            .forEach(h -> found.add("HSTS must be '" + site.hsts() + "': " + h));
                } else if (!closes(server)) {
                    plainServer(server, site, anySsl, found);
                }
            }
        }

        private void plainServer(Directive server, Site site, boolean anySsl, List<String> found) {
            if (server.descendants().anyMatch(d -> d.name.equals("proxy_pass"))) {
                found.add("plain HTTP reaches the app with TLS on: " + server);
            }
            boolean challenge = server.all("location").stream().anyMatch(location ->
                    location.args.equals(List.of("^~", "/.well-known/acme-challenge/"))
                            && location.all("root").stream().anyMatch(root -> root.args.equals(List.of(site.acmeWebroot()))));
            if (!challenge) {
                found.add("plain HTTP must serve 'location ^~ /.well-known/acme-challenge/' from " + site.acmeWebroot() + ": "
                        + server);
            }
            if (!anySsl) {
                return; // the ACME bootstrap site: no certificate yet, so nothing to redirect to
            }
            String target = "https://$host" + (site.tlsPort() == 443 ? "" : ":" + site.tlsPort()) + "$request_uri";
            boolean redirects = server.all("location").stream().anyMatch(location -> location.args.equals(List.of("/"))
                    && location.all("return").stream()
                    .anyMatch(r -> List.of("301", "308").contains(r.arg(0)) && r.arg(1).equals(target)));
            if (!redirects) {
                found.add("plain HTTP must redirect 'location /' with 301 or 308 to " + target + ": " + server);
            }
        }

        private void expect(Directive server, String name, List<String> args, List<String> found) {
            if (server.all(name).size() != 1 || !server.all(name).get(0).args.equals(args)) {
                found.add("expected '" + name + " " + String.join(" ", args) + ";' in " + server + ", found " + server.all(name));
            }
        }
    };

    /** What a rule needs to know about the site the config was rendered for. */
    record Site(Optional<String> serverName, boolean tls, int tlsPort, String hsts, String acmeWebroot) {}

    abstract void check(Directive file, Site site, List<String> found);

    /** Everything this rule finds wrong in the config. */
    List<String> findings(Directive file, Site site) {
        List<String> found = new ArrayList<>();
        check(file, site, found);
        return found;
    }

    static List<Directive> servers(Directive file) {
        return file.descendants().filter(d -> d.name.equals("server") && !d.children.isEmpty()).toList();
    }

    static boolean listensWithSsl(Directive server) {
        return server.all("listen").stream().anyMatch(listen -> listen.args.contains("ssl"));
    }

    /** The server answers nothing: 'return 444' at its top. */
    static boolean closes(Directive server) {
        return server.all("return").stream().anyMatch(r -> r.arg(0).equals("444"));
    }

    private static boolean has(Directive block, String name, String value) {
        return block.all(name).stream().anyMatch(d -> d.args.equals(List.of(value)));
    }

    private static boolean hasAbove(Directive block, String name) {
        for (Directive up = block.parent; up != null; up = up.parent) {
            if (!up.all(name).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** "80", "127.0.0.1:80", "[::]:80" → the address:port nginx groups servers by ("*:80" for a bare port). */
    private static String port(Directive listen) {
        String address = listen.arg(0);
        return address.matches("[0-9]+") ? "*:" + address : address;
    }
}
