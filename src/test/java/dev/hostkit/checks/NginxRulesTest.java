package dev.hostkit.checks;

import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

/**
 * CHECKLISTS nginx 1-10 and 13 (gixy's checks among them) on the parsed compose site of every
 * variant; and, for each rule, a deliberately broken site that the rule must reject.
 */
class NginxRulesTest extends KitRuleTest {
    static Stream<Arguments> variantsAndRules() {
        return everyVariantWith(NginxRule.values());
    }

    @Override
    String[] shownFiles() {
        return new String[] {Kit.NGINX_SITE};
    }

    static Stream<Arguments> mutations() {
        String defaults = "defaults";
        String named = "server-name";
        return Stream.of(
                mutation(NginxRule.SERVER_TOKENS_OFF, named, Kit.NGINX_SITE, "server_tokens off;", "server_tokens on;"),
                mutation(NginxRule.SERVER_TOKENS_OFF, defaults, Kit.NGINX_SITE, "server_tokens off;", ""),
                mutation(NginxRule.PROXY_HEADERS, defaults, Kit.NGINX_SITE, "proxy_set_header Host $host;", "proxy_set_header Host $http_host;"),
                mutation(NginxRule.PROXY_HEADERS, defaults, Kit.NGINX_SITE, "proxy_set_header X-Forwarded-Proto $scheme;", ""),
                mutation(NginxRule.PROXY_HEADERS, defaults, Kit.NGINX_SITE, "proxy_http_version 1.1;", ""),
                mutation(NginxRule.PROXY_HEADERS, defaults, Kit.NGINX_SITE, "proxy_read_timeout 60s;", ""),
                mutation(NginxRule.UPSTREAM_KEEPALIVE, defaults, Kit.NGINX_SITE, "keepalive 32;", ""),
                mutation(NginxRule.UPSTREAM_KEEPALIVE, defaults, Kit.NGINX_SITE, "''      '';", "''      close;"),
                mutation(NginxRule.UPSTREAM_KEEPALIVE, defaults, Kit.NGINX_SITE, "proxy_set_header Connection $", "proxy_set_header Connection close; #"),
                mutation(NginxRule.UPSTREAM_KEEPALIVE, defaults, Kit.NGINX_SITE, "server app:8080", "server app:9999"),
                mutation(NginxRule.DEFAULT_SERVER, defaults, Kit.NGINX_SITE, " default_server;", ";"),
                mutation(NginxRule.DEFAULT_SERVER, named, Kit.NGINX_SITE, "return 444;", "return 200;"),
                mutation(NginxRule.DEFAULT_SERVER, named, Kit.NGINX_SITE, "server_name shop.example.com;", "server_name shop.example.com;\n    listen 8000 default_server;"),
                mutation(NginxRule.SECURITY_HEADERS, defaults, Kit.NGINX_SITE, "\"nosniff\" always;", "\"nosniff\";"),
                mutation(NginxRule.SECURITY_HEADERS, defaults, Kit.NGINX_SITE, "add_header Referrer-Policy", "add_header X-Referrer-Policy"),
                mutation(NginxRule.SECURITY_HEADERS, defaults, Kit.NGINX_SITE, "server_tokens off;", "server_tokens off;\n    add_header X-XSS-Protection \"1; mode=block\" always;"),
                mutation(NginxRule.SECURITY_HEADERS, defaults, Kit.NGINX_SITE, "server_tokens off;", "server_tokens off;\n    add_header Strict-Transport-Security \"max-age=63072000\" always;"),
                mutation(NginxRule.NO_ADD_HEADER_IN_LOCATION, defaults, Kit.NGINX_SITE, "location / {", "location / {\n        add_header Cache-Control no-store always;"),
                mutation(NginxRule.NO_PARTIAL_REDEFINITION, defaults, Kit.NGINX_SITE, "server_tokens off;", "server_tokens off;\n    proxy_set_header X-Request-Id $request_id;"),
                mutation(NginxRule.DOTFILES_DENIED, defaults, Kit.NGINX_SITE, "deny all;", "allow all;"),
                mutation(NginxRule.DOTFILES_DENIED, defaults, Kit.NGINX_SITE, "location ~ /\\.(?!well-known)", "location ~ /\\.git"),
                mutation(NginxRule.DOTFILES_DENIED, defaults, Kit.NGINX_SITE, "location / {", "location ^~ / {"),
                mutation(NginxRule.GZIP, defaults, Kit.NGINX_SITE, "gzip_proxied any;", "gzip_proxied off;"),
                mutation(NginxRule.GZIP, defaults, Kit.NGINX_SITE, " application/json", ""),
                mutation(NginxRule.GZIP, defaults, Kit.NGINX_SITE, "gzip_types text/plain", "gzip_types text/html text/plain"),
                mutation(NginxRule.CLIENT_MAX_BODY_SIZE, defaults, Kit.NGINX_SITE, "client_max_body_size 10m;", "client_max_body_size 0;"),
                mutation(NginxRule.NO_REQUEST_VARIABLES_IN_PROXY_PASS, defaults, Kit.NGINX_SITE, "proxy_pass http://shop_app;", "proxy_pass http://$arg_target;"),
                mutation(NginxRule.NO_REQUEST_VARIABLES_IN_PROXY_PASS, defaults, Kit.NGINX_SITE, "proxy_pass http://shop_app;", "proxy_pass http://shop_app$request_uri;"),
                mutation(NginxRule.NO_DECODED_URI_IN_HEADERS, defaults, Kit.NGINX_SITE, "proxy_set_header Host $host;", "proxy_set_header Host $host;\n        proxy_set_header X-Original-URI $uri;"),
                mutation(NginxRule.ANCHORED_ORIGIN_REGEX, defaults, Kit.NGINX_SITE, "location / {", "location / {\n        if ($http_origin !~* example.com) { return 403; }"),
                mutation(NginxRule.ANCHORED_ORIGIN_REGEX, defaults, Kit.NGINX_SITE, "location / {", "location / {\n        valid_referers ~example.com;"),
                mutation(NginxRule.ALIAS_TRAILING_SLASH, defaults, Kit.NGINX_SITE, "location / {", "location /static {\n        alias /srv/static/;\n    }\n\n    location / {"));
    }
}
