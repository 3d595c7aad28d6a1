package dev.hostkit.nginx;

import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Nginx;
import dev.hostkit.testing.NginxConf.Directive;
import dev.hostkit.testing.NginxConf;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.SelfSigned;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The structure HTTPS needs in the host and compose sites of each TLS mode, each site also
 * passing the real {@code nginx -t} (ACME's and the placeholder paths replaced by a self-signed
 * pair); and the ACME bootstrap site, only in ACME mode.
 */
class TlsSiteTest {
    private static final String HOST_SITE = "host/nginx/shop.conf";
    private static final String BOOTSTRAP_SITE = "host/nginx/shop-acme-bootstrap.conf";
    private static final List<String> BOTH_SITES = List.of(HOST_SITE, SiteSpec.COMPOSE_SITE);
    private static final KitVariant CERTIFICATE = KitVariant.java("certificate", settings -> settings.set("serverName", "shop.test"))
            .withCertificate();
    private static final KitVariant ACME = KitVariant.java("acme", settings -> settings.set("serverName", "shop.test")).withAcme();
    private static final AtomicInteger runs = new AtomicInteger();

    @TempDir
    static Path dir;
    private static SelfSigned pair;

    @BeforeAll
    static void certificate() {
        pair = SelfSigned.create(dir.resolve("tls"), "shop.test");
    }

    @Test
    void certificateModeWithAServerNameHasACatchAllThatRefusesOtherNames() {
        eachSite(CERTIFICATE, (file, site) -> {
            Directive catchAll = server(site, "_");
            Directive tls = tlsServer(site);
            assertAll(file,
                    () -> assertEquals(List.of(List.of("80", "default_server"), List.of("443", "ssl", "default_server")), listens(catchAll)),
                    () -> assertEquals(List.of("on"), catchAll.children("ssl_reject_handshake").get(0).args()),
                    () -> assertEquals(List.of("444"), catchAll.children("return").get(0).args()),
                    () -> assertEquals(List.of(http2(file, "443", "ssl")), listens(tls)),
                    () -> assertEquals(List.of("shop.test"), tls.children("server_name").get(0).args()),
                    () -> assertEquals(List.of(KitVariant.CERTIFICATE), tls.children("ssl_certificate").get(0).args()),
                    () -> assertEquals(List.of(KitVariant.CERTIFICATE_KEY), tls.children("ssl_certificate_key").get(0).args()),
                    () -> assertEquals(List.of(List.of("80")), listens(server(site, "shop.test", false))));
        });
    }

    @Test
    void certificateModeWithoutAServerNameMakesTheSiteTheDefaultServerOnBothPorts() {
        eachSite(CERTIFICATE.with("no server name", settings -> settings.set("serverName", null)), (file, site) -> {
            List<Directive> servers = Sites.servers(site);
            assertAll(file,
                    () -> assertEquals(2, servers.size(), () -> "no catch-all without a server name: " + servers),
                    () -> assertTrue(servers.stream().allMatch(server -> server.children("server_name").isEmpty()), servers::toString),
                    () -> assertEquals(List.of(List.of("80", "default_server")), listens(servers.get(0))),
                    () -> assertEquals(List.of(http2(file, "443", "ssl", "default_server")), listens(tlsServer(site))));
        });
    }

    @Test
    void ipv6OffLeavesOutEveryIpv6Listen() {
        eachSite(CERTIFICATE.with("no IPv6", settings -> settings.set("ipv6", "false")), (file, site) -> {
            List<List<String>> listens = Sites.servers(site).stream().flatMap(server -> server.children("listen").stream())
                    .map(Directive::args).toList();
            assertEquals(4, listens.size(), () -> file + ": " + listens);
            assertTrue(listens.stream().noneMatch(args -> args.get(0).contains(":")), () -> file + ": " + listens);
        });
    }

    @Test
    void acmeModeUsesCertbotsPaths() {
        eachSite(ACME, (file, site) -> {
            Directive tls = tlsServer(site);
            assertAll(file,
                    () -> assertEquals(List.of("/etc/letsencrypt/live/shop.test/fullchain.pem"), tls.children("ssl_certificate").get(0).args()),
                    () -> assertEquals(List.of("/etc/letsencrypt/live/shop.test/privkey.pem"), tls.children("ssl_certificate_key").get(0).args()));
        });
    }

    @ParameterizedTest(name = "tlsPort {0}")
    @CsvSource({"443, ''", "8443, :8443"})
    void plainHttpRedirectsToTheTlsPortNamingItOnlyWhenItIsNot443(String tlsPort, String suffix) {
        eachSite(CERTIFICATE.with("tlsPort", settings -> settings.set("tlsPort", tlsPort)), (file, site) -> {
            Directive redirect = server(site, "shop.test", false).children("location").stream()
                    .filter(location -> location.args().equals(List.of("/"))).findFirst().orElseThrow().children("return").get(0);
            assertEquals(List.of("301", "https://$host" + suffix + "$request_uri"), redirect.args(), file);
            // compose publishes tlsPort:443, so its nginx listens on 443 inside the container whatever the port
            String listen = file.equals(HOST_SITE) ? tlsPort : "443";
            assertEquals(List.of(http2(file, listen, "ssl")), listens(tlsServer(site)), file);
            assertEquals(file.equals(HOST_SITE) ? List.of() : List.of(List.of("on")),
                    tlsServer(site).children("http2").stream().map(Directive::args).toList(), file);
        });
    }

    @ParameterizedTest(name = "includeSubDomains {0}")
    @CsvSource({"false, max-age=63072000", "true, max-age=63072000; includeSubDomains"})
    void hstsIsSetOnTheTlsServerWithIncludeSubDomainsWhenAsked(String includeSubDomains, String hsts) {
        eachSite(CERTIFICATE.with("hsts", settings -> settings.set("tlsHstsIncludeSubDomains", includeSubDomains)), (file, site) -> {
            List<List<String>> headers = tlsServer(site).children("add_header").stream()
                    .filter(header -> header.arg(0).equals("Strict-Transport-Security")).map(Directive::args).toList();
            assertEquals(List.of(List.of("Strict-Transport-Security", hsts, "always")), headers, file);
        });
    }

    @Test
    void theAcmeBootstrapSiteExistsOnlyInAcmeModeAndPassesNginxT() {
        SampleKit kit = render(ACME.with("bootstrap", settings -> settings.set("listenPort", "8000").set("tlsAcmeWebroot", "/srv/acme")));
        Directive server = Sites.servers(NginxConf.parse(kit.read(BOOTSTRAP_SITE))).get(0);
        assertAll(
                () -> assertFalse(render(KitVariant.java("plain", settings -> {})).has(BOOTSTRAP_SITE)),
                () -> assertFalse(render(CERTIFICATE).has(BOOTSTRAP_SITE)),
                () -> assertEquals(1, Sites.servers(NginxConf.parse(kit.read(BOOTSTRAP_SITE))).size()),
                () -> assertEquals(List.of(List.of("8000")), listens(server)),
                () -> assertEquals(List.of("shop.test"), server.children("server_name").get(0).args()),
                () -> assertEquals(List.of("^~", "/.well-known/acme-challenge/"), server.children("location").get(0).args()),
                () -> assertEquals(List.of("/srv/acme"), server.children("location").get(0).children("root").get(0).args()),
                () -> assertEquals(List.of("/"), server.children("location").get(1).args()),
                () -> assertEquals(List.of("503"), server.children("location").get(1).children("return").get(0).args()));
        Nginx.assertAccepts(dir.resolve("nginx-" + runs.incrementAndGet()), Nginx.onLoopback(kit.read(BOOTSTRAP_SITE)), Nginx.Main.DEBIAN,
                BOOTSTRAP_SITE);
    }

    private static SampleKit render(KitVariant variant) {
        return variant.render(dir.resolve("kit-" + runs.incrementAndGet()));
    }

    /** Renders the variant and runs CHECK on its host site and its compose site, then nginx -t on each in its main config. */
    private static void eachSite(KitVariant variant, BiConsumer<String, Directive> check) {
        SampleKit kit = render(variant);
        for (String file : BOTH_SITES) {
            check.accept(file, NginxConf.parse(kit.read(file)));
        }
        for (String file : BOTH_SITES) {
            Nginx.assertAccepts(dir.resolve("nginx-" + runs.incrementAndGet()), Nginx.withCertificate(Nginx.onLoopback(kit.read(file)), pair),
                    file.equals(HOST_SITE) ? Nginx.Main.DEBIAN : Nginx.Main.IMAGE, file + " of " + variant);
        }
    }

    /** The server's IPv4 listens, after checking that each has its IPv6 twin ([::]:port, the same parameters) right after it. */
    /**
     * A TLS listen's parameters in this file: the host's nginx (1.22) takes http2 after ssl, the compose
     * image's (1.28) has {@code http2 on;} instead.
     */
    private static List<String> http2(String file, String port, String ssl, String... more) {
        List<String> args = new ArrayList<>(List.of(port, ssl));
        if (file.equals(HOST_SITE)) {
            args.add("http2");
        }
        args.addAll(List.of(more));
        return args;
    }

    private static List<List<String>> listens(Directive server) {
        List<List<String>> all = server.children("listen").stream().map(Directive::args).toList();
        List<List<String>> ipv4 = all.stream().filter(args -> !args.get(0).startsWith("[::]:")).toList();
        List<List<String>> twins = new ArrayList<>();
        for (List<String> args : ipv4) {
            twins.add(args);
            List<String> twin = new ArrayList<>(args);
            twin.set(0, "[::]:" + args.get(0));
            twins.add(twin);
        }
        assertEquals(twins, all, "each listen has its IPv6 twin right after it");
        return ipv4;
    }

    private static Directive tlsServer(Directive site) {
        return Sites.servers(site).stream().filter(s -> Sites.listensWithSsl(s) && !Sites.closes(s)).findFirst()
                .orElseThrow(() -> new AssertionError("no TLS server that answers"));
    }

    private static Directive server(Directive site, String name) {
        return Sites.servers(site).stream()
                .filter(s -> s.children("server_name").stream().anyMatch(n -> n.args().equals(List.of(name))))
                .findFirst().orElseThrow(() -> new AssertionError("no server named " + name));
    }

    /** The server with this name that listens with TLS ({@code tls}) or without. */
    private static Directive server(Directive site, String name, boolean tls) {
        return Sites.servers(site).stream().filter(s -> Sites.listensWithSsl(s) == tls)
                .filter(s -> s.children("server_name").stream().anyMatch(n -> n.args().equals(List.of(name))))
                .findFirst().orElseThrow(() -> new AssertionError("no " + (tls ? "TLS" : "plain") + " server named " + name));
    }
}
