package dev.hostkit.checks;

import dev.hostkit.checks.NginxConf.Directive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The nginx rules of CHECKLISTS.md (items 1-10 and 13), and gixy's checks, as code. Each rule
 * reads the parsed site file and returns what is wrong, one message per finding.
 */
enum NginxRule implements KitRule {
    /** 1: every server hides the nginx version. */
    SERVER_TOKENS_OFF {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            for (Directive server : servers(site, problems)) {
                String value = server.effectiveOne("server_tokens").map(d -> d.arg(0)).orElse("on (the default)");
                if (!value.equals("off")) {
                    problems.add("server " + server + " has server_tokens " + value + ", expected off");
                }
            }
        }
    },
    /** 2: what the app must be told, HTTP/1.1 and explicit timeouts, in every proxying location. */
    PROXY_HEADERS {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            Map<String, String> required = Map.of(
                    "host", "$host",
                    "x-real-ip", "$remote_addr",
                    "x-forwarded-for", "$proxy_add_x_forwarded_for",
                    "x-forwarded-proto", "$scheme",
                    "x-forwarded-host", "$host");
            String timeout = variant.proxyTimeoutSeconds() + "s";
            for (Directive location : proxyLocations(site, problems)) {
                String version = location.effectiveOne("proxy_http_version").map(d -> d.arg(0)).orElse("1.0 (the default)");
                if (!version.equals("1.1")) {
                    problems.add(location + " uses proxy_http_version " + version + ", expected 1.1");
                }
                Map<String, String> headers = headers(location.effective("proxy_set_header"));
                required.forEach((header, value) -> {
                    if (!value.equals(headers.get(header))) {
                        problems.add(location + " sends " + header + ": " + headers.getOrDefault(header, "(not set)")
                                + ", expected " + value);
                    }
                });
                expectValue(location, "proxy_connect_timeout", "[0-9]+(ms|s)?", problems);
                expectValue(location, "proxy_send_timeout", Pattern.quote(timeout), problems);
                expectValue(location, "proxy_read_timeout", Pattern.quote(timeout), problems);
            }
            site.descendants().filter(d -> d.name().equals("proxy_set_header") && d.arg(0).equalsIgnoreCase("host"))
                    .filter(d -> d.arg(1).contains("$http_host") || d.arg(1).contains("$arg_"))
                    .forEach(d -> problems.add(d + " passes the client's Host header unchecked: use $host"));
        }
    },
    /** 3: keepalive to the app, and a Connection header that keeps it (the map maps '' to ''). */
    UPSTREAM_KEEPALIVE {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            for (Directive location : proxyLocations(site, problems)) {
                Matcher target = Pattern.compile("http://([A-Za-z0-9_.-]+)(/.*)?").matcher(location.child("proxy_pass").orElseThrow().arg(0));
                if (!target.matches()) {
                    problems.add(location + " proxies to " + location.child("proxy_pass").orElseThrow().arg(0)
                            + ", expected http://<upstream>");
                    continue;
                }
                Optional<Directive> upstream = site.children("upstream").stream()
                        .filter(u -> u.arg(0).equals(target.group(1))).findFirst();
                if (upstream.isEmpty()) {
                    problems.add(location + " proxies to " + target.group(1) + ", which is no upstream block in the file");
                } else {
                    checkUpstream(upstream.get(), variant, problems);
                }
                checkConnectionHeader(site, location, problems);
            }
        }

        private void checkUpstream(Directive upstream, KitVariant variant, List<String> problems) {
            int keepalive = upstream.child("keepalive").map(d -> parseInt(d.arg(0))).orElse(0);
            if (keepalive < 1) {
                problems.add("upstream " + upstream + " has no keepalive N (N >= 1)");
            }
            List<String> servers = upstream.children("server").stream().map(d -> d.arg(0)).toList();
            if (!servers.equals(List.of("app:" + variant.port()))) {
                problems.add("upstream " + upstream + " lists servers " + servers
                        + ", expected the compose service app:" + variant.port());
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
                problems.add("map " + map.get() + " maps default to " + entries.getOrDefault("default", "(nothing)")
                        + ", expected upgrade");
            }
            if (!"$http_upgrade".equals(headers(location.effective("proxy_set_header")).get("upgrade"))) {
                problems.add(location + " does not pass Upgrade: $http_upgrade along with its Connection map");
            }
        }
    },
    /** 5: with a server name, a default_server catch-all answers 444 so spoofed hosts never reach the app. */
    DEFAULT_SERVER {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            List<Directive> servers = servers(site, problems);
            List<Directive> defaults = servers.stream().filter(NginxRule::isDefaultServer).toList();
            if (defaults.size() != 1) {
                problems.add("expected exactly one default_server, found " + defaults.size() + ": " + defaults);
            }
            if (variant.serverName().isEmpty()) {
                if (servers.size() != 1) {
                    problems.add("without a server name the site should be one default_server, found servers " + servers);
                }
                return;
            }
            String name = variant.serverName().get();
            List<Directive> named = servers.stream()
                    .filter(s -> s.children("server_name").stream().anyMatch(d -> d.values().contains(name))).toList();
            if (named.size() != 1) {
                problems.add("expected one server with server_name " + name + ", found " + named);
            }
            named.stream().filter(NginxRule::isDefaultServer)
                    .forEach(s -> problems.add("server " + s + " for " + name + " must not be the default_server"));
            for (Directive catchAll : defaults) {
                String answer = catchAll.child("return").map(d -> d.arg(0)).orElse("(no return)");
                if (!Set.of("444", "421").contains(answer) || !catchAll.children("location").isEmpty()) {
                    problems.add("default_server " + catchAll + " answers " + answer
                            + ", expected only 'return 444;' (or 421) so other Hosts never reach the app");
                }
            }
        }
    },
    /** 6: security headers on every response ("always"), no X-XSS-Protection, HSTS only over TLS. */
    SECURITY_HEADERS {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            for (Directive server : contentServers(site, problems)) {
                List<Directive> scopes = new ArrayList<>(List.of(server));
                server.descendants().filter(d -> d.name().equals("location")).forEach(scopes::add);
                for (Directive scope : scopes) {
                    checkScope(scope, problems);
                }
            }
            for (Directive header : addHeaders(site)) {
                if (!header.lastArg().equals("always")) {
                    problems.add(header + " lacks 'always', so error responses go without it");
                }
                String name = header.arg(0).toLowerCase(Locale.ROOT);
                if (name.equals("x-xss-protection") && !header.arg(1).equals("0")) {
                    problems.add(header + ": X-XSS-Protection other than 0 enables a filter that causes leaks");
                }
                boolean tls = header.enclosing("server").map(s -> s.children("listen").stream()
                        .anyMatch(l -> l.values().contains("ssl") || l.values().contains("quic"))).orElse(false);
                if (name.equals("strict-transport-security") && !tls) {
                    problems.add(header + ": HSTS on a plain-HTTP server");
                }
            }
        }

        private void checkScope(Directive scope, List<String> problems) {
            Map<String, String> headers = headers(scope.effective("add_header"));
            if (!"nosniff".equals(headers.get("x-content-type-options"))) {
                problems.add(scope + ": X-Content-Type-Options is " + headers.get("x-content-type-options") + ", expected nosniff");
            }
            Set<String> referrerPolicies = Set.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin");
            if (!referrerPolicies.contains(headers.getOrDefault("referrer-policy", ""))) {
                problems.add(scope + ": Referrer-Policy is " + headers.get("referrer-policy") + ", expected one of " + referrerPolicies);
            }
            boolean frameOptions = Set.of("DENY", "SAMEORIGIN").contains(headers.getOrDefault("x-frame-options", "").toUpperCase(Locale.ROOT));
            boolean frameAncestors = headers.getOrDefault("content-security-policy", "").contains("frame-ancestors");
            if (!frameOptions && !frameAncestors) {
                problems.add(scope + ": neither X-Frame-Options DENY/SAMEORIGIN nor a CSP frame-ancestors");
            }
            if (headers.getOrDefault("permissions-policy", "").isBlank()) {
                problems.add(scope + ": no Permissions-Policy");
            }
        }
    },
    /** 7: an add_header inside a location silently drops every inherited one. */
    NO_ADD_HEADER_IN_LOCATION {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            addHeaders(site).stream().filter(d -> d.enclosing("location").isPresent() || d.enclosing("if").isPresent())
                    .forEach(d -> problems.add(d + " is inside a location or if: set headers at server level only"));
        }
    },
    /**
     * 7: add_header and proxy_set_header are inherited only by a block that sets none of its
     * own, so a block that sets some must repeat every header it would otherwise inherit.
     */
    NO_PARTIAL_REDEFINITION {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            for (String directive : List.of("proxy_set_header", "add_header")) {
                site.descendants().filter(Directive::isBlock).forEach(block -> {
                    List<Directive> own = block.children(directive);
                    if (own.isEmpty() || block.parent() == null) {
                        return;
                    }
                    Set<String> inherited = headers(block.parent().effective(directive)).keySet();
                    Set<String> kept = headers(own).keySet();
                    List<String> lost = inherited.stream().filter(name -> !kept.contains(name)).toList();
                    if (!lost.isEmpty()) {
                        problems.add(block + " sets its own " + directive + " and so drops the inherited " + lost);
                    }
                });
            }
        }
    },
    /** 8: hidden files are never served; /.well-known stays reachable. */
    DOTFILES_DENIED {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            for (Directive server : contentServers(site, problems)) {
                List<Directive> guards = server.descendants().filter(d -> d.name().equals("location"))
                        .filter(d -> d.arg(0).equals("~") || d.arg(0).equals("~*"))
                        .filter(d -> d.child("deny").map(x -> x.arg(0).equals("all")).orElse(false)
                                || d.child("return").map(x -> Set.of("403", "404").contains(x.arg(0))).orElse(false))
                        .filter(NginxRule::guardsDotfiles)
                        .toList();
                if (guards.isEmpty()) {
                    problems.add("server " + server + " has no 'location ~ /\\.(?!well-known) { deny all; }'");
                }
                server.descendants().filter(d -> d.name().equals("location") && d.arg(0).equals("^~"))
                        .filter(d -> "/.git/config".startsWith(d.arg(1)))
                        .forEach(d -> problems.add(d + " is a ^~ prefix that stops nginx from checking the dotfile rule"));
            }
        }
    },
    /** 10: compressed text responses, including proxied ones. */
    GZIP {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            for (Directive server : contentServers(site, problems)) {
                expectValue(server, "gzip", "on", problems);
                expectValue(server, "gzip_vary", "on", problems);
                expectValue(server, "gzip_proxied", "any", problems);
                expectValue(server, "gzip_comp_level", "[1-6]", problems);
                List<String> types = server.effective("gzip_types").stream().flatMap(d -> d.values().stream()).toList();
                for (String type : List.of("application/json", "text/css", "application/javascript", "image/svg+xml")) {
                    if (!types.contains(type)) {
                        problems.add("server " + server + " does not compress " + type + " (gzip_types " + types + ")");
                    }
                }
                if (types.contains("text/html")) {
                    problems.add("server " + server + " lists text/html in gzip_types: nginx always compresses it and warns");
                }
            }
        }
    },
    /** 10: the largest accepted request body is a deliberate, configured value. */
    CLIENT_MAX_BODY_SIZE {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            for (Directive server : contentServers(site, problems)) {
                expectValue(server, "client_max_body_size", Pattern.quote(variant.clientMaxBodySize()), problems);
            }
        }
    },
    /** 13: a proxy_pass built from request data lets a client choose where nginx connects (SSRF). */
    NO_REQUEST_VARIABLES_IN_PROXY_PASS {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            site.descendants().filter(d -> d.name().equals("proxy_pass")).forEach(proxyPass -> {
                List<String> fromRequest = variables(proxyPass.arg(0)).stream().filter(NginxRule::isRequestVariable).toList();
                if (!fromRequest.isEmpty()) {
                    problems.add(proxyPass + " is built from request data " + fromRequest);
                }
            });
        }
    },
    /** 13: $uri and $document_uri are decoded, so a %0d%0a in the path splits a header. */
    NO_DECODED_URI_IN_HEADERS {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            site.descendants().filter(d -> d.name().equals("add_header") || d.name().equals("proxy_set_header"))
                    .forEach(header -> {
                        List<String> decoded = variables(header.arg(1)).stream()
                                .filter(v -> v.equals("uri") || v.equals("document_uri") || v.matches("[0-9]")).toList();
                        if (!decoded.isEmpty()) {
                            problems.add(header + " puts decoded request data " + decoded.stream().map(v -> "$" + v).toList()
                                    + " into a header (header splitting; nginx reads $1-$9 as regex captures, so '$2048_x' is $2)");
                        }
                    });
        }
    },
    /** 13: origin and referer regexes anchored and with escaped dots. */
    ANCHORED_ORIGIN_REGEX {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            site.descendants().forEach(d -> {
                List<String> regexes = new ArrayList<>();
                String joined = String.join(" ", d.values());
                if (d.name().equals("if") && joined.matches("\\(\\$http_(origin|referer)\\s+!?~\\*?\\s+.*")) {
                    regexes.add(joined.replaceFirst("^\\(\\$http_(origin|referer)\\s+!?~\\*?\\s+", "").replaceFirst("\\)$", ""));
                }
                if (d.name().equals("map") && d.arg(0).matches("\\$http_(origin|referer)")) {
                    d.children().stream().filter(e -> e.name().startsWith("~"))
                            .forEach(e -> regexes.add(e.name().replaceFirst("^~\\*?", "")));
                }
                if (d.name().equals("valid_referers")) {
                    d.values().stream().filter(v -> v.startsWith("~")).forEach(v -> regexes.add(v.substring(1)));
                }
                for (String regex : regexes) {
                    if (!regex.startsWith("^") || regex.matches(".*[^\\\\]\\.(?![*+?]).*")) {
                        problems.add(d + " matches origins/referers with " + regex
                                + ": anchor it with ^ and escape every dot, or evil-example.com passes");
                    }
                }
            });
        }
    },
    /** 9: alias and location agree on a trailing slash, or /static../ walks out of the folder. */
    ALIAS_TRAILING_SLASH {
        @Override
        void check(Directive site, KitVariant variant, List<String> problems) {
            site.descendants().filter(d -> d.name().equals("alias")).forEach(alias -> {
                Optional<Directive> location = alias.enclosing("location");
                if (location.isEmpty()) {
                    problems.add(alias + " is outside a location");
                    return;
                }
                List<String> args = location.get().values();
                if (args.get(0).startsWith("~")) {
                    return; // a regex location builds the path from captures
                }
                String path = args.get(args.size() - 1);
                if (path.endsWith("/") != alias.arg(0).endsWith("/")) {
                    problems.add(location.get() + " and its " + alias
                            + " disagree on the trailing slash (alias traversal or broken paths)");
                }
            });
        }
    };

    /** Adds a message to {@code problems} for each way the site breaks this rule. */
    abstract void check(Directive site, KitVariant variant, List<String> problems);

    @Override
    public List<String> check(Kit kit) {
        return check(NginxConf.parse(kit.read(Kit.NGINX_SITE)), kit.variant());
    }

    List<String> check(Directive site, KitVariant variant) {
        List<String> problems = new ArrayList<>();
        check(site, variant, problems);
        return problems;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$(?:([0-9])|\\{([A-Za-z0-9_]+)}|([A-Za-z0-9_]+))");

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

    private static boolean isRequestVariable(String name) {
        return name.matches("arg_.*|http_.*|cookie_.*|sent_http_.*|[0-9]|uri|request_uri|document_uri|args|query_string"
                + "|is_args|request|request_body|request_method|host|server_name|remote_user");
    }

    private static List<Directive> servers(Directive site, List<String> problems) {
        List<Directive> servers = site.children("server");
        if (servers.isEmpty()) {
            problems.add("the site has no server block");
        }
        return servers;
    }

    /** Servers that serve the app: those with a location that proxies to it. */
    private static List<Directive> contentServers(Directive site, List<String> problems) {
        List<Directive> servers = servers(site, problems).stream()
                .filter(s -> s.descendants("proxy_pass").findAny().isPresent()).toList();
        if (servers.isEmpty()) {
            problems.add("the site has no server that proxies to the app");
        }
        return servers;
    }

    private static List<Directive> proxyLocations(Directive site, List<String> problems) {
        List<Directive> locations = site.descendants()
                .filter(d -> d.name().equals("location") && d.child("proxy_pass").isPresent()).toList();
        if (locations.isEmpty()) {
            problems.add("no location proxies to the app");
        }
        return locations;
    }

    private static List<Directive> addHeaders(Directive site) {
        return site.descendants("add_header").toList();
    }

    private static boolean isDefaultServer(Directive server) {
        return server.children("listen").stream()
                .anyMatch(listen -> listen.values().contains("default_server") || listen.values().contains("default"));
    }

    private static boolean guardsDotfiles(Directive location) {
        Pattern regex;
        try {
            String source = location.arg(1);
            regex = location.arg(0).equals("~*") ? Pattern.compile(source, Pattern.CASE_INSENSITIVE) : Pattern.compile(source);
        } catch (RuntimeException e) {
            return false;
        }
        boolean hides = List.of("/.git/config", "/.env", "/static/.htpasswd").stream().allMatch(p -> regex.matcher(p).find());
        boolean serves = List.of("/.well-known/acme-challenge/token", "/index.html", "/a.b/c")
                .stream().noneMatch(p -> regex.matcher(p).find());
        return hides && serves;
    }

    /** Header name (lower case) to value, for add_header or proxy_set_header directives. */
    private static Map<String, String> headers(List<Directive> directives) {
        return directives.stream().collect(Collectors.toMap(
                d -> d.arg(0).toLowerCase(Locale.ROOT), d -> d.arg(1), (first, second) -> second, LinkedHashMap::new));
    }

    private static void expectValue(Directive scope, String directive, String valuePattern, List<String> problems) {
        Optional<Directive> found = scope.effectiveOne(directive);
        String value = found.map(d -> String.join(" ", d.values())).orElse(null);
        if (value == null || !value.matches(valuePattern)) {
            problems.add(scope + ": " + directive + " is " + (value == null ? "not set" : value)
                    + ", expected " + valuePattern.replace("\\Q", "").replace("\\E", ""));
        }
    }

    private static int parseInt(String text) {
        return text.matches("[0-9]{1,9}") ? Integer.parseInt(text) : -1;
    }
}
