package dev.hostkit.nginx;

import dev.hostkit.testing.NginxConf.Directive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.hostkit.nginx.Sites.expectValue;
import static dev.hostkit.nginx.Sites.headers;
import static dev.hostkit.nginx.Sites.proxyLocations;
import static dev.hostkit.nginx.Sites.variables;

/** How nginx talks to the app: what it tells it, over kept-alive connections (gixy checks it never goes where a client picks: ssrf). */
enum ProxyRule implements NginxRule {
    /** What the app must be told, HTTP/1.1 and explicit timeouts, in every proxying location (gixy checks Host: host_spoofing). */
    PROXY_HEADERS {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            Map<String, String> required = Map.of(
                    "host", "$host",
                    "x-real-ip", "$remote_addr",
                    "x-forwarded-for", "$proxy_add_x_forwarded_for",
                    "x-forwarded-proto", "$scheme",
                    "x-forwarded-host", "$host");
            String timeout = spec.proxyTimeoutSeconds() + "s";
            for (Directive location : proxyLocations(site, spec, problems)) {
                String version = location.effectiveOne("proxy_http_version").map(d -> d.arg(0)).orElse("1.0 (the default)");
                if (!version.equals("1.1")) {
                    problems.add(location + " uses proxy_http_version " + version + ", expected 1.1");
                }
                Map<String, String> headers = headers(location.effective("proxy_set_header"));
                required.forEach((header, value) -> {
                    if (!value.equals(headers.get(header))) {
                        problems.add(location + " sends " + header + ": " + headers.getOrDefault(header, "(not set)") + ", expected " + value);
                    }
                });
                expectValue(location, "proxy_connect_timeout", "[0-9]+(ms|s)?", problems);
                expectValue(location, "proxy_send_timeout", Pattern.quote(timeout), problems);
                expectValue(location, "proxy_read_timeout", Pattern.quote(timeout), problems);
            }
        }
    },
    /**
     * The site's upstream holds exactly the app's servers, with keepalive, and a Connection
     * header that keeps it (the map maps '' to ''); a site without the app has no upstream.
     */
    UPSTREAM_KEEPALIVE {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            if (!spec.proxies()) {
                site.descendants().filter(d -> d.name().equals("upstream") || d.name().equals("proxy_pass"))
                        .forEach(d -> problems.add(d + " in a site that must not reach the app"));
                return;
            }
            for (Directive location : proxyLocations(site, spec, problems)) {
                String proxyPass = location.child("proxy_pass").orElseThrow().arg(0);
                Matcher target = Pattern.compile("http://([A-Za-z0-9_.-]+)(/.*)?").matcher(proxyPass);
                if (!target.matches()) {
                    problems.add(location + " proxies to " + proxyPass + ", expected http://<upstream>");
                    continue;
                }
                Optional<Directive> upstream = site.children("upstream").stream().filter(u -> u.arg(0).equals(target.group(1))).findFirst();
                if (upstream.isEmpty()) {
                    problems.add(location + " proxies to " + target.group(1) + ", which is no upstream block in the file");
                } else {
                    checkUpstream(upstream.get(), spec, problems);
                }
                checkConnectionHeader(site, location, problems);
            }
        }

        private void checkUpstream(Directive upstream, SiteSpec spec, List<String> problems) {
            int keepalive = upstream.child("keepalive").map(d -> d.arg(0).matches("[0-9]{1,9}") ? Integer.parseInt(d.arg(0)) : -1).orElse(0);
            if (keepalive < 1) {
                problems.add("upstream " + upstream + " has no keepalive N (N >= 1)");
            }
            List<String> servers = upstream.children("server").stream().map(d -> d.arg(0)).toList();
            if (!servers.equals(spec.upstreamServers())) {
                problems.add("upstream " + upstream + " lists servers " + servers + ", expected " + spec.upstreamServers());
            }
        }

        private void checkConnectionHeader(Directive site, Directive location, List<String> problems) {
            String connection = headers(location.effective("proxy_set_header")).get("connection");
            if (connection == null) {
                problems.add(location + " sets no Connection header, so nginx sends 'close' and loses keepalive");
                return;
            }
            if (connection.isEmpty()) {
                return;
            }
            List<String> used = variables(connection);
            Optional<Directive> map = site.children("map").stream()
                    .filter(m -> m.arg(0).equals("$http_upgrade") && used.size() == 1 && m.arg(1).equals("$" + used.get(0))
                            && connection.equals("$" + used.get(0)))
                    .findFirst();
            if (map.isEmpty()) {
                problems.add(location + " sends Connection: " + connection + " (variables as nginx reads them: " + used
                        + "), expected \"\" or exactly a variable set by a 'map $http_upgrade' block");
                return;
            }
            Map<String, String> entries = new LinkedHashMap<>();
            map.get().children().forEach(entry -> entries.put(entry.name(), entry.arg(0)));
            if (!"".equals(entries.get(""))) {
                problems.add("map " + map.get() + " maps '' to " + entries.getOrDefault("", "(nothing)")
                        + ", expected '' (\"close\" would drop upstream keepalive)");
            }
            if (!"upgrade".equals(entries.get("default"))) {
                problems.add("map " + map.get() + " maps default to " + entries.getOrDefault("default", "(nothing)") + ", expected upgrade");
            }
            if (!"$http_upgrade".equals(headers(location.effective("proxy_set_header")).get("upgrade"))) {
                problems.add(location + " does not pass Upgrade: $http_upgrade along with its Connection map");
            }
        }
    }
}
