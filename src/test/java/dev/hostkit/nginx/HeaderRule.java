package dev.hostkit.nginx;

import dev.hostkit.testing.NginxConf.Directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.hostkit.nginx.Sites.closes;
import static dev.hostkit.nginx.Sites.headers;
import static dev.hostkit.nginx.Sites.listensWithSsl;
import static dev.hostkit.nginx.Sites.servers;
import static dev.hostkit.nginx.Sites.variables;

/** The headers nginx adds to answers and passes to the app, under nginx's all-or-nothing inheritance of them. */
enum HeaderRule implements NginxRule {
    /**
     * The security headers, with these exact values, on every answer of every server that
     * answers (errors too: "always"); no X-XSS-Protection filter; HSTS on every TLS server and
     * on no plain-HTTP one.
     */
    SECURITY_HEADERS {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            for (Directive server : servers(site, problems)) {
                if (closes(server)) {
                    continue;
                }
                List<Directive> scopes = new ArrayList<>(List.of(server));
                server.descendants("location").forEach(scopes::add);
                for (Directive scope : scopes) {
                    Map<String, String> headers = headers(scope.effective("add_header"));
                    SiteSpec.SECURITY_HEADERS.forEach((name, value) -> {
                        if (!value.equals(headers.get(name.toLowerCase(Locale.ROOT)))) {
                            problems.add(scope + ": " + name + " is " + headers.get(name.toLowerCase(Locale.ROOT)) + ", expected " + value);
                        }
                    });
                }
                boolean hsts = headers(server.effective("add_header")).containsKey("strict-transport-security");
                if (listensWithSsl(server) && !hsts) {
                    problems.add("a TLS server without HSTS: " + server);
                }
            }
            for (Directive header : site.descendants("add_header").toList()) {
                if (!header.lastArg().equals("always")) {
                    problems.add(header + " lacks 'always', so error responses go without it");
                }
                String name = header.arg(0).toLowerCase(Locale.ROOT);
                if (name.equals("x-xss-protection") && !header.arg(1).equals("0")) {
                    problems.add(header + ": X-XSS-Protection other than 0 enables a filter that causes leaks");
                }
                boolean tls = header.enclosing("server").map(Sites::listensWithSsl).orElse(false);
                if (name.equals("strict-transport-security") && !tls) {
                    problems.add(header + ": HSTS on a plain-HTTP server");
                }
            }
        }
    },
    /** add_header at server level only: one in a location, an if or the http level silently drops every inherited one. */
    NO_ADD_HEADER_IN_LOCATION {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            site.descendants("add_header").filter(d -> !d.parent().name().equals("server"))
                    .forEach(d -> problems.add(d + " is inside '" + d.parent().name() + "': set headers at server level only"));
        }
    },
    /**
     * add_header and proxy_set_header are inherited only by a block that sets none of its own,
     * so a block that sets some must repeat every header it would otherwise inherit; and
     * proxy_set_header belongs to one level only, so that none is lost that way.
     */
    NO_PARTIAL_REDEFINITION {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            for (String directive : List.of("proxy_set_header", "add_header")) {
                site.descendants().filter(Directive::isBlock).forEach(block -> {
                    List<Directive> own = block.children(directive);
                    if (own.isEmpty() || block.parent() == null) {
                        return;
                    }
                    Set<String> kept = headers(own).keySet();
                    List<String> lost = headers(block.parent().effective(directive)).keySet().stream()
                            .filter(name -> !kept.contains(name)).toList();
                    if (!lost.isEmpty()) {
                        problems.add(block + " sets its own " + directive + " and so drops the inherited " + lost);
                    }
                });
            }
            site.descendants("proxy_set_header").filter(d -> d.parent().parent() != null
                            && !d.parent().parent().effective("proxy_set_header").isEmpty())
                    .forEach(d -> problems.add(d + " is set in a block below one that sets proxy_set_header too"));
        }
    },
    /**
     * $uri and $document_uri are decoded (and nginx reads $1-$9 as regex captures), so a
     * %0d%0a in the path splits a header or a redirect.
     */
    NO_DECODED_URI_IN_HEADERS {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            site.descendants().forEach(d -> {
                boolean header = d.name().equals("add_header") || d.name().equals("proxy_set_header");
                if (!header && !d.name().equals("return") && !d.name().equals("rewrite")) {
                    return;
                }
                String value = header ? d.arg(1) : String.join(" ", d.args());
                List<String> decoded = variables(value).stream()
                        .filter(v -> v.equals("uri") || v.equals("document_uri") || (header && v.matches("[0-9]"))).toList();
                if (!decoded.isEmpty()) {
                    problems.add(d + " puts decoded request data " + decoded.stream().map(v -> "$" + v).toList()
                            + " into a header or a redirect (header splitting; nginx reads $1-$9 as regex captures, so '$2048_x' is $2)");
                }
            });
        }
    }
}
