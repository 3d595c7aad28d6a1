package dev.hostkit.nginx;

import dev.hostkit.testing.Gixy;
import dev.hostkit.testing.MutationTable;
import dev.hostkit.testing.Nginx;
import dev.hostkit.testing.NginxConf;
import dev.hostkit.testing.SelfSigned;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nginx rules on a hand-written site, src/test/resources/nginx/good.conf, that passes every
 * rule, gixy and {@code nginx -t}; and on broken copies of it, each with one defect, which exactly the
 * rules named find (and no other: a rule that fires where it should not is as wrong as one that
 * stays silent).
 */
class NginxFixtureTest {
    /** One defect: the first FROM in good.conf becomes TO, and exactly RULES find it. */
    record BrokenSite(String name, String from, String to, Set<String> rules) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<BrokenSite> brokenSites() {
        return MutationTable.parse("""
                add-header-in-location         | SECURITY_HEADERS | `        expires 30d;` => `        add_header Cache-Control "public";`
                catch-all-completes-handshakes | DEFAULT_SERVER TLS | `    ssl_reject_handshake on;\\n` =>
                catch-all-proxies              | DEFAULT_SERVER SECURITY_HEADERS PROXY_HEADERS UPSTREAM_KEEPALIVE DOTFILES_DENIED GZIP CLIENT_MAX_BODY_SIZE | `    return 444;` => `    location / {\\n        proxy_pass http://shop_app;\\n    }`
                header-without-always          | SECURITY_HEADERS | add_header X-Frame-Options "SAMEORIGIN" always; => add_header X-Frame-Options "SAMEORIGIN";
                hsts-on-plain-http             | SECURITY_HEADERS | `    listen 80;\\n    server_name shop.test;\\n` => `    listen 80;\\n    server_name shop.test;\\n    add_header Strict-Transport-Security "max-age=63072000" always;\\n`
                no-acme-challenge              | TLS | `    location ^~ /.well-known/acme-challenge/ {\\n        root /var/www/letsencrypt;\\n    }\\n` =>
                old-protocols-on-catch-all     | TLS | `    ssl_protocols TLSv1.2 TLSv1.3;\\n` =>
                plain-http-proxies             | TLS PROXY_HEADERS UPSTREAM_KEEPALIVE DOTFILES_DENIED GZIP CLIENT_MAX_BODY_SIZE | return 301 https://$host$request_uri; => proxy_pass http://shop_app;
                proxy-pass-host                | UPSTREAM_KEEPALIVE | proxy_pass http://shop_app;\\n        proxy_http_version => proxy_pass http://$host:8080;\\n        proxy_http_version
                proxy-pass-request-variable    | UPSTREAM_KEEPALIVE | proxy_pass http://shop_app;\\n        proxy_http_version => proxy_pass http://$arg_backend;\\n        proxy_http_version
                proxy-set-header-dropped       | NO_PARTIAL_REDEFINITION | `    location /static/ {` => `    proxy_set_header X-Real-IP $remote_addr;\\n\\n    location /static/ {`
                redirect-drops-query           | TLS | return 301 https://$host$request_uri; => return 302 https://$host/;
                two-default-servers            | DEFAULT_SERVER | listen 443 ssl http2; => listen 443 ssl http2 default_server;
                unanchored-origin              | ANCHORED_ORIGIN_REGEX | `        proxy_pass http://shop_app;\\n        proxy_http_version` => `        valid_referers ~https://shop\\.test;\\n        proxy_pass http://shop_app;\\n        proxy_http_version`
                unnamed-server-answers         | DEFAULT_SERVER | listen 443 ssl http2;\\n    server_name shop.test; => listen 443 ssl http2;
                uri-in-redirect                | TLS | return 301 https://$host$request_uri; => return 301 https://$host$uri;
                weak-ciphers                   | TLS | POLY1305;\\n    ssl_prefer_server_ciphers => POLY1305:AES128-SHA;\\n    ssl_prefer_server_ciphers
                """, 2).stream().map(row -> new BrokenSite(row.cells().get(0), row.from(), row.to(),
                new TreeSet<>(List.of(row.cells().get(1).split(" "))))).toList();
    }

    @Test
    void theGoodSitePassesEveryRuleAndNginxT(@TempDir Path dir) throws IOException {
        String good = good();
        NginxConf.Directive site = NginxConf.parse(good);
        for (NginxRule rule : NginxRule.all()) {
            assertEquals(List.of(), rule.findings(site, SiteSpec.FIXTURE), rule.name());
        }
        SelfSigned pair = SelfSigned.create(dir.resolve("tls"), "shop.test");
        Nginx.assertAccepts(dir.resolve("nginx"), Nginx.withCertificate(Nginx.onLoopback(good), pair), Nginx.Main.DEBIAN, "good.conf");
        Files.writeString(dir.resolve("good.conf"), good);
        assertEquals(List.of(), Gixy.check(dir, List.of("good.conf")), "gixy on good.conf");
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenSiteBreaksExactlyItsRules() throws IOException {
        String good = good();
        List<BrokenSite> sites = brokenSites();
        Set<String> covered = new TreeSet<>();
        sites.forEach(site -> covered.addAll(site.rules()));
        assertTrue(covered.containsAll(List.of("DEFAULT_SERVER", "SECURITY_HEADERS", "NO_PARTIAL_REDEFINITION", "ANCHORED_ORIGIN_REGEX", "TLS")),
                "a broken site for each rule the generated files give little to break: " + covered);
        return sites.stream().map(broken -> DynamicTest.dynamicTest(broken.name(), () -> {
            int at = good.indexOf(broken.from());
            assertTrue(at >= 0, () -> "good.conf has no '" + broken.from() + "'");
            String text = good.substring(0, at) + broken.to() + good.substring(at + broken.from().length());
            NginxConf.Directive site = NginxConf.parse(text);
            Set<String> firing = new TreeSet<>();
            StringBuilder findings = new StringBuilder();
            for (NginxRule rule : NginxRule.all()) {
                List<String> found = rule.findings(site, SiteSpec.FIXTURE);
                if (!found.isEmpty()) {
                    firing.add(rule.name());
                    findings.append(rule.name()).append(": ").append(found).append('\n');
                }
            }
            assertEquals(broken.rules(), firing, findings::toString);
        }));
    }

    private static String good() throws IOException {
        try (InputStream in = NginxFixtureTest.class.getResourceAsStream("/nginx/good.conf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
