package dev.hostkit.nginx;

import dev.hostkit.testing.NginxConf.Directive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the nginx rules read off a parsed site: its servers, locations, headers and variables. */
final class Sites {
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:([0-9])|\\{([A-Za-z0-9_]+)}|([A-Za-z0-9_]+))");

    private Sites() {}

    /** The server blocks of the file. */
    static List<Directive> servers(Directive site) {
        return site.children("server").stream().filter(Directive::isBlock).toList();
    }

    /** The server blocks of the file; one problem when it has none. */
    static List<Directive> servers(Directive site, List<String> problems) {
        List<Directive> servers = servers(site);
        if (servers.isEmpty()) {
            problems.add("the site has no server block");
        }
        return servers;
    }

    /** Servers that serve the app: those with a location that proxies to it. One problem when a site that should have one has none. */
    static List<Directive> contentServers(Directive site, SiteSpec spec, List<String> problems) {
        List<Directive> servers = servers(site, problems).stream().filter(s -> s.descendants("proxy_pass").findAny().isPresent()).toList();
        if (servers.isEmpty() && spec.proxies()) {
            problems.add("the site has no server that proxies to the app");
        }
        return servers;
    }

    static List<Directive> proxyLocations(Directive site, SiteSpec spec, List<String> problems) {
        List<Directive> locations = site.descendants("location").filter(d -> d.child("proxy_pass").isPresent()).toList();
        if (locations.isEmpty() && spec.proxies()) {
            problems.add("no location proxies to the app");
        }
        return locations;
    }

    static boolean isDefaultServer(Directive server) {
        return server.children("listen").stream()
                .anyMatch(listen -> listen.args().contains("default_server") || listen.args().contains("default"));
    }

    static boolean listensWithSsl(Directive server) {
        return server.children("listen").stream().anyMatch(listen -> listen.args().contains("ssl"));
    }

    /** The server answers nothing: 'return 444' at its top. */
    static boolean closes(Directive server) {
        return server.children("return").stream().anyMatch(r -> r.arg(0).equals("444"));
    }

    static boolean has(Directive block, String name, String value) {
        return block.children(name).stream().anyMatch(d -> d.args().equals(List.of(value)));
    }

    /** "80", "127.0.0.1:80", "[::]:80": the address:port nginx groups servers by ("*:80" for a bare port). */
    static String port(Directive listen) {
        String address = listen.arg(0);
        return address.matches("[0-9]+") ? "*:" + address : address;
    }

    /** Header name (lower case) to value, for add_header or proxy_set_header directives. */
    static Map<String, String> headers(List<Directive> directives) {
        return directives.stream().collect(Collectors.toMap(
                d -> d.arg(0).toLowerCase(Locale.ROOT), d -> d.arg(1), (first, second) -> second, LinkedHashMap::new));
    }

    /**
     * The variables a value uses, read as nginx's script compiler reads them: "$1" to "$9"
     * are regex captures of one digit, so "$2048_x" is the capture $2 followed by text.
     */
    static List<String> variables(String value) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(value);
        while (matcher.find()) {
            for (int group = 1; group <= 3; group++) {
                if (matcher.group(group) != null) {
                    names.add(matcher.group(group));
                }
            }
        }
        return names;
    }

    /** The single-value directive in force in SCOPE matches VALUE_PATTERN; a problem otherwise. */
    static void expectValue(Directive scope, String directive, String valuePattern, List<String> problems) {
        Optional<Directive> found = scope.effectiveOne(directive);
        String value = found.map(d -> String.join(" ", d.args())).orElse(null);
        if (value == null || !value.matches(valuePattern)) {
            problems.add(scope + ": " + directive + " is " + (value == null ? "not set" : value)
                    + ", expected " + valuePattern.replace("\\Q", "").replace("\\E", ""));
        }
    }
}
