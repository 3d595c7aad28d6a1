package dev.hostkit.nginx;

import dev.hostkit.testing.NginxConf.Directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.hostkit.nginx.Sites.closes;
import static dev.hostkit.nginx.Sites.headers;
import static dev.hostkit.nginx.Sites.servers;

/**
 * The headers nginx adds to answers and passes to the app, under nginx's all-or-nothing inheritance
 * of them (gixy checks that none carries decoded request data: http_splitting).
 */
enum HeaderRule implements NginxRule {
    /**
     * The security headers, with these exact values, on every answer of every server that
     * answers (errors too: "always"); no X-XSS-Protection filter; HSTS on no plain-HTTP server
     * (gixy checks every TLS server has it: hsts_header).
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
    /**
     * proxy_set_header is inherited only by a block that sets none of its own, so a block that
     * sets some must repeat every one it would otherwise inherit; and it belongs to one level
     * only, so that none is lost that way. (gixy checks the same of add_header:
     * add_header_redefinition.)
     */
    NO_PARTIAL_REDEFINITION {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            site.descendants().filter(Directive::isBlock).forEach(block -> {
                List<Directive> own = block.children("proxy_set_header");
                if (own.isEmpty() || block.parent() == null) {
                    return;
                }
                Set<String> kept = headers(own).keySet();
                List<String> lost = headers(block.parent().effective("proxy_set_header")).keySet().stream()
                        .filter(name -> !kept.contains(name)).toList();
                if (!lost.isEmpty()) {
                    problems.add(block + " sets its own proxy_set_header and so drops the inherited " + lost);
                }
            });
            site.descendants("proxy_set_header").filter(d -> d.parent().parent() != null
                            && !d.parent().parent().effective("proxy_set_header").isEmpty())
                    .forEach(d -> problems.add(d + " is set in a block below one that sets proxy_set_header too"));
        }
    }
}
