package dev.hostkit.nginx;

import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.MutationTable;
import dev.hostkit.testing.NginxConf;
import dev.hostkit.testing.SampleKit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every nginx rule can fail: in a generated file, a deliberate defect ({@code from} becomes
 * {@code to}) that the rule named must notice. The defects gixy finds are in
 * {@code dev.hostkit.analyzers.AnalyzerMutationTest}. {@link NginxFixtureTest} breaks a hand-written
 * site, one defect at a time, for the rules generated files give less to break.
 */
class NginxRuleMutationTest {
    /** Short names for the variants of {@link NginxVariants#matrix} the table breaks. */
    private static final Map<String, String> VARIANTS = Map.of(
            "three-instances", "java serverName=shop.test instances=3 tls=OFF staticPath=/static/ ports=80/443",
            "acme", "java serverName=shop.test instances=1 tls=ACME staticPath=/static/ ports=80/443");

    static Stream<Arguments> mutations() {
        return MutationTable.parse("""
                PROXY_HEADERS                      | defaults        | compose/nginx/default.conf          | proxy_set_header Host $host; => proxy_set_header Host $http_host;
                PROXY_HEADERS                      | defaults        | compose/nginx/default.conf          | proxy_set_header X-Forwarded-Proto $scheme; =>
                PROXY_HEADERS                      | defaults        | compose/nginx/default.conf          | proxy_http_version 1.1; =>
                PROXY_HEADERS                      | defaults        | compose/nginx/default.conf          | proxy_read_timeout 60s; =>
                UPSTREAM_KEEPALIVE                 | defaults        | compose/nginx/default.conf          | keepalive 32; =>
                UPSTREAM_KEEPALIVE                 | defaults        | compose/nginx/default.conf          | ''      ''; => ''      close;
                UPSTREAM_KEEPALIVE                 | defaults        | compose/nginx/default.conf          | proxy_set_header Connection $ => proxy_set_header Connection close; #
                UPSTREAM_KEEPALIVE                 | defaults        | compose/nginx/default.conf          | server app:8080 => server app:9999
                UPSTREAM_KEEPALIVE                 | three-instances | host/nginx/shop.conf                | `    server 127.0.0.1:8082 max_fails=3 fail_timeout=10s;\\n` =>
                UPSTREAM_KEEPALIVE                 | acme            | host/nginx/shop-acme-bootstrap.conf | return 503; => proxy_pass http://127.0.0.1:8080;
                DEFAULT_SERVER                     | defaults        | compose/nginx/default.conf          | ` default_server;` => ;
                DEFAULT_SERVER                     | server-name     | compose/nginx/default.conf          | return 444; => return 200;
                DEFAULT_SERVER                     | server-name     | compose/nginx/default.conf          | server_name shop.example.com; => server_name shop.example.com;\\n    listen 8000 default_server;
                SECURITY_HEADERS                   | defaults        | compose/nginx/default.conf          | "nosniff" always; => "nosniff";
                SECURITY_HEADERS                   | defaults        | compose/nginx/default.conf          | add_header Referrer-Policy => add_header X-Referrer-Policy
                SECURITY_HEADERS                   | defaults        | compose/nginx/default.conf          | server_tokens off; => server_tokens off;\\n    add_header X-XSS-Protection "1; mode=block" always;
                SECURITY_HEADERS                   | defaults        | compose/nginx/default.conf          | server_tokens off; => server_tokens off;\\n    add_header Strict-Transport-Security "max-age=63072000" always;
                NO_PARTIAL_REDEFINITION            | defaults        | compose/nginx/default.conf          | server_tokens off; => server_tokens off;\\n    proxy_set_header X-Request-Id $request_id;
                DOTFILES_DENIED                    | defaults        | compose/nginx/default.conf          | deny all; => allow all;
                DOTFILES_DENIED                    | defaults        | compose/nginx/default.conf          | location ~ /\\.(?!well-known) => location ~ /\\.git
                DOTFILES_DENIED                    | defaults        | compose/nginx/default.conf          | location / { => location ^~ / {
                GZIP                               | defaults        | compose/nginx/default.conf          | gzip_proxied any; => gzip_proxied off;
                GZIP                               | defaults        | compose/nginx/default.conf          | ` application/json` =>
                GZIP                               | defaults        | compose/nginx/default.conf          | gzip_types text/plain => gzip_types text/html text/plain
                CLIENT_MAX_BODY_SIZE               | defaults        | compose/nginx/default.conf          | client_max_body_size 10m; => client_max_body_size 0;
                ANCHORED_ORIGIN_REGEX              | defaults        | compose/nginx/default.conf          | location / { => location / {\\n        valid_referers ~example.com;
                """, 3).stream().map(row -> Arguments.of(rule(row.cells().get(0)), VARIANTS.getOrDefault(row.cells().get(1), row.cells().get(1)),
                row.cells().get(2), row.from(), row.to()));
    }

    private static NginxRule rule(String name) {
        return NginxRule.all().stream().filter(rule -> rule.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} rejects ''{3}'' -> ''{4}'' in {2} of {1}")
    @MethodSource("mutations")
    void ruleRejectsBrokenFile(NginxRule rule, String variantName, String file, String from, String to, @TempDir Path dir) {
        KitVariant variant = NginxVariants.all().filter(v -> v.name().equals(variantName)).findFirst().orElseThrow();
        SampleKit kit = variant.render(dir);
        kit.mutate(file, from, to);
        assertFalse(rule.findings(NginxConf.parse(kit.read(file)), SiteSpec.of(variant, file)).isEmpty(),
                () -> rule.name() + " did not notice '" + from + "' -> '" + to + "' in " + file + ":\n" + kit.read(file));
    }
}
