package dev.hostkit.nginx;

import dev.hostkit.testing.NginxConf.Directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.hostkit.nginx.Sites.contentServers;
import static dev.hostkit.nginx.Sites.expectValue;

/** What a server that serves the app does with content: hidden files, compression, body size, origins (gixy checks aliases: alias_traversal). */
enum ContentRule implements NginxRule {
    /** Hidden files are never served; /.well-known stays reachable. */
    DOTFILES_DENIED {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            for (Directive server : contentServers(site, spec, problems)) {
                List<Directive> guards = server.descendants("location")
                        .filter(d -> d.arg(0).equals("~") || d.arg(0).equals("~*"))
                        .filter(d -> d.child("deny").map(x -> x.arg(0).equals("all")).orElse(false)
                                || d.child("return").map(x -> Set.of("403", "404").contains(x.arg(0))).orElse(false))
                        .filter(ContentRule::guardsDotfiles)
                        .toList();
                if (guards.isEmpty()) {
                    problems.add("server " + server + " has no 'location ~ /\\.(?!well-known) { deny all; }'");
                }
                server.descendants("location").filter(d -> d.arg(0).equals("^~") && "/.git/config".startsWith(d.arg(1)))
                        .forEach(d -> problems.add(d + " is a ^~ prefix that stops nginx from checking the dotfile rule"));
            }
        }
    },
    /** Compressed text responses, including proxied ones. */
    GZIP {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            for (Directive server : contentServers(site, spec, problems)) {
                expectValue(server, "gzip", "on", problems);
                expectValue(server, "gzip_vary", "on", problems);
                expectValue(server, "gzip_proxied", "any", problems);
                expectValue(server, "gzip_comp_level", "[1-6]", problems);
                List<String> types = server.effective("gzip_types").stream().flatMap(d -> d.args().stream()).toList();
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
    /** The largest accepted request body is a deliberate, configured value. */
    CLIENT_MAX_BODY_SIZE {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            for (Directive server : contentServers(site, spec, problems)) {
                expectValue(server, "client_max_body_size", Pattern.quote(spec.clientMaxBodySize()), problems);
            }
        }
    },
    /**
     * Origin and referer regexes of maps and valid_referers anchored at both ends and with escaped
     * dots, or evil-example.com passes (gixy checks those of if: origins).
     */
    ANCHORED_ORIGIN_REGEX {
        @Override
        public void check(Directive site, SiteSpec spec, List<String> problems) {
            site.descendants().forEach(d -> {
                List<String> regexes = new ArrayList<>();
                if (d.name().equals("map") && d.arg(0).matches("\\$http_(origin|referer)")) {
                    d.children().stream().filter(e -> e.name().startsWith("~")).forEach(e -> regexes.add(e.name().replaceFirst("^~\\*?", "")));
                }
                if (d.name().equals("valid_referers")) {
                    d.args().stream().filter(v -> v.startsWith("~")).forEach(v -> regexes.add(v.substring(1)));
                }
                for (String regex : regexes) {
                    if (!regex.startsWith("^") || !regex.endsWith("$") || regex.matches(".*[^\\\\]\\.(?![*+?]).*")) {
                        problems.add(d + " matches origins/referers with " + regex
                                + ": anchor it with ^ and $ and escape every dot, or evil-example.com passes");
                    }
                }
            });
        }
    };

    private static boolean guardsDotfiles(Directive location) {
        Pattern regex;
        try {
            String source = location.arg(1);
            regex = location.arg(0).equals("~*") ? Pattern.compile(source, Pattern.CASE_INSENSITIVE) : Pattern.compile(source);
        } catch (RuntimeException e) {
            return false;
        }
        boolean hides = List.of("/.git/config", "/.env", "/static/.htpasswd").stream().allMatch(p -> regex.matcher(p).find());
        boolean serves = List.of("/.well-known/acme-challenge/token", "/index.html", "/a.b/c").stream().noneMatch(p -> regex.matcher(p).find());
        return hides && serves;
    }
}
