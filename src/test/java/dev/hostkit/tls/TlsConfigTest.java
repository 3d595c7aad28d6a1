package dev.hostkit.tls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.SampleProject;
import dev.hostkit.tls.ConfTree.Directive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every TLS variant of the generated nginx sites passes the real {@code nginx -t} (ACME mode with
 * a self-signed pair in place of certbot's files), has the structure HTTPS needs, and the compose
 * file and install.sh follow: published port and read-only mounts, the ACME bootstrap site, and
 * the certbot command install.sh runs (shellcheck, --dry-run).
 */
class TlsConfigTest {
    private static final String ACME_CERTIFICATE = "/etc/letsencrypt/live/shop.test/fullchain.pem";
    private static final String ACME_KEY = "/etc/letsencrypt/live/shop.test/privkey.pem";
    private static final AtomicInteger runs = new AtomicInteger();

    @RegisterExtension
    static final Workspace shop = new Workspace();

    @Test
    void certificateModeWithAServerNameHasACatchAllThatRefusesOtherNames() {
        Map<String, String> kit = Kits.render(shop.project(), Kits.certificateMode(shop.pair()));

        for (String site : List.of(Kits.HOST_SITE, Kits.COMPOSE_SITE)) {
            Directive file = ConfTree.parse(kit.get(site));
            Directive catchAll = server(file, "_");
            Directive tls = tlsServer(file);
            assertAll(site,
                    () -> assertEquals(List.of(List.of("80", "default_server"), List.of("443", "ssl", "default_server")),
                            listens(catchAll)),
                    () -> assertEquals(List.of("on"), catchAll.all("ssl_reject_handshake").get(0).args),
                    () -> assertEquals(List.of("444"), catchAll.all("return").get(0).args),
                    () -> assertEquals(List.of(List.of("443", "ssl", "http2")), listens(tls)),
                    () -> assertEquals(List.of("shop.test"), tls.all("server_name").get(0).args),
                    () -> assertEquals(List.of(shop.pair().certificate().toString()), tls.all("ssl_certificate").get(0).args),
                    () -> assertEquals(List.of(shop.pair().key().toString()), tls.all("ssl_certificate_key").get(0).args),
                    () -> assertEquals(List.of(List.of("80")), listens(server(file, "shop.test", false))));
        }
        checkBothSites(kit, "certificate mode with serverName");
    }

    @Test
    void certificateModeWithoutAServerNameMakesTheSiteTheDefaultServerOnBothPorts() {
        Map<String, String> kit = Kits.render(shop.project(), Kits.certificateMode(shop.pair()).set("serverName", null));

        for (String site : List.of(Kits.HOST_SITE, Kits.COMPOSE_SITE)) {
            Directive file = ConfTree.parse(kit.get(site));
            List<Directive> servers = NginxRule.servers(file);
            assertAll(site,
                    () -> assertEquals(2, servers.size(), () -> "no catch-all without a server name: " + servers),
                    () -> assertTrue(servers.stream().allMatch(server -> server.all("server_name").isEmpty()), servers::toString),
                    () -> assertEquals(List.of(List.of("80", "default_server")), listens(servers.get(0))),
                    () -> assertEquals(List.of(List.of("443", "ssl", "http2", "default_server")), listens(tlsServer(file))));
        }
        checkBothSites(kit, "certificate mode without serverName");
    }

    @Test
    void acmeModeUsesCertbotsPathsAndPassesNginxTWithACertificateInTheirPlace() {
        Map<String, String> kit = Kits.render(shop.project(), Kits.acmeMode());

        for (String site : List.of(Kits.HOST_SITE, Kits.COMPOSE_SITE)) {
            Directive tls = tlsServer(ConfTree.parse(kit.get(site)));
            assertAll(site,
                    () -> assertEquals(List.of(ACME_CERTIFICATE), tls.all("ssl_certificate").get(0).args),
                    () -> assertEquals(List.of(ACME_KEY), tls.all("ssl_certificate_key").get(0).args));
        }
        checkBothSites(kit, "ACME mode");
    }

    @ParameterizedTest(name = "tlsPort {0}")
    @CsvSource({"443, ''", "8443, :8443"})
    void plainHttpRedirectsToTheTlsPortNamingItOnlyWhenItIsNot443(String tlsPort, String suffix) {
        Map<String, String> kit = Kits.render(shop.project(), Kits.certificateMode(shop.pair()).set("tlsPort", tlsPort));

        for (String site : List.of(Kits.HOST_SITE, Kits.COMPOSE_SITE)) {
            Directive file = ConfTree.parse(kit.get(site));
            Directive redirect = server(file, "shop.test", false).all("location").stream()
                    .filter(location -> location.args.equals(List.of("/"))).findFirst().orElseThrow().all("return").get(0);
            assertEquals(List.of("301", "https://$host" + suffix + "$request_uri"), redirect.args, site);
            // compose publishes tlsPort:443, so its nginx listens on 443 inside the container whatever the port
            String listen = site.equals(Kits.HOST_SITE) ? tlsPort : "443";
            assertEquals(List.of(List.of(listen, "ssl", "http2")), listens(tlsServer(file)), site);
        }
        checkBothSites(kit, "tlsPort " + tlsPort);
    }

    @ParameterizedTest(name = "includeSubDomains {0}")
    @CsvSource({"false, max-age=63072000", "true, max-age=63072000; includeSubDomains"})
    void hstsIsSetOnTheTlsServerWithIncludeSubDomainsWhenAsked(String includeSubDomains, String hsts) {
        Map<String, String> kit = Kits.render(shop.project(),
                Kits.certificateMode(shop.pair()).set("tlsHstsIncludeSubDomains", includeSubDomains));

        for (String site : List.of(Kits.HOST_SITE, Kits.COMPOSE_SITE)) {
            List<List<String>> headers = tlsServer(ConfTree.parse(kit.get(site))).all("add_header").stream()
                    .filter(header -> header.arg(0).equals("Strict-Transport-Security")).map(header -> header.args).toList();
            assertEquals(List.of(List.of("Strict-Transport-Security", hsts, "always")), headers, site);
        }
        checkBothSites(kit, "hstsIncludeSubDomains " + includeSubDomains);
    }

    @Test
    void composePublishesTheTlsPortAndMountsTheCertificateAndKeyReadOnly() throws IOException {
        JsonNode nginx = composeNginx(Kits.certificateMode(shop.pair()).set("listenPort", "8080").set("tlsPort", "8443"));

        assertEquals(List.of("8080:80", "8443:443"), strings(nginx.get("ports")));
        Path certificate = shop.pair().certificate();
        Path key = shop.pair().key();
        assertEquals(List.of("./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro",
                certificate + ":" + certificate + ":ro", key + ":" + key + ":ro"),
                strings(nginx.get("volumes")));
    }

    @Test
    void composeInAcmeModeMountsLetsEncryptAndTheWebrootReadOnly() throws IOException {
        JsonNode nginx = composeNginx(Kits.acmeMode().set("tlsAcmeWebroot", "/srv/acme"));

        assertEquals(List.of("80:80", "443:443"), strings(nginx.get("ports")));
        assertEquals(List.of("./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro", "/etc/letsencrypt:/etc/letsencrypt:ro",
                "/srv/acme:/srv/acme:ro"), strings(nginx.get("volumes")));
    }

    @Test
    void composeWithoutTlsPublishesOnlyTheListenPort() throws IOException {
        JsonNode nginx = composeNginx(new HostingSettings().set("serverName", "shop.test"));

        assertEquals(List.of("80:80"), strings(nginx.get("ports")));
        assertEquals(List.of("./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro"), strings(nginx.get("volumes")));
    }

    @Test
    void theAcmeBootstrapSiteExistsOnlyInAcmeModeAndPassesNginxT() {
        Map<String, String> acme = Kits.render(shop.project(), Kits.acmeMode().set("listenPort", "8080").set("tlsAcmeWebroot", "/srv/acme"));
        Directive file = ConfTree.parse(acme.get(Kits.BOOTSTRAP_SITE));
        Directive server = NginxRule.servers(file).get(0);

        assertAll(
                () -> assertFalse(Kits.render(shop.project(), new HostingSettings()).containsKey(Kits.BOOTSTRAP_SITE)),
                () -> assertFalse(Kits.render(shop.project(), Kits.certificateMode(shop.pair())).containsKey(Kits.BOOTSTRAP_SITE)),
                () -> assertEquals(1, NginxRule.servers(file).size()),
                () -> assertEquals(List.of(List.of("8080")), listens(server)),
                () -> assertEquals(List.of("shop.test"), server.all("server_name").get(0).args),
                () -> assertEquals(List.of("^~", "/.well-known/acme-challenge/"), server.all("location").get(0).args),
                () -> assertEquals(List.of("/srv/acme"), server.all("location").get(0).all("root").get(0).args),
                () -> assertEquals(List.of("/"), server.all("location").get(1).args),
                () -> assertEquals(List.of("503"), server.all("location").get(1).all("return").get(0).args));
        Nginx.check(shop.dir().resolve("nginx-bootstrap"), acme.get(Kits.BOOTSTRAP_SITE), Nginx.Main.DEBIAN, Kits.BOOTSTRAP_SITE);
    }

    @ParameterizedTest(name = "acmeEmail {0}")
    @CsvSource(value = {
            "ops@example.com, --email ops@example.com",
            // a valid address with a shell metacharacter must stay one argument
            "ops&alerts@example.com, --email ops&alerts@example.com",
            "NONE, --register-unsafely-without-email"}, nullValues = "NONE")
    void installShInAcmeModePassesShellcheckAndRunsCertbotInWebrootMode(String email, String account) {
        Path kit = writeHostKit(Kits.acmeMode().set("tlsAcmeWebroot", "/srv/acme").set("tlsAcmeEmail", email));
        Path root = shop.dir().resolve("root-" + runs.incrementAndGet());
        Command shellcheck = Command.run(List.of(Tools.shellcheck(), kit.resolve("install.sh").toString()));
        Command dryRun = dryRun(kit, root);
        String out = dryRun.stdout();
        int bootstrap = out.indexOf("would run: install -D -m 0644 " + kit.resolve("nginx/shop-acme-bootstrap.conf") + " "
                + root + "/etc/nginx/sites-available/shop.conf\n");
        int certbot = out.indexOf("would run: certbot certonly --webroot -w /srv/acme -d shop.test " + account
                + " --agree-tos --non-interactive --deploy-hook systemctl reload nginx\n");
        int site = out.indexOf("would run: install -D -m 0644 " + kit.resolve("nginx/shop.conf") + " "
                + root + "/etc/nginx/sites-available/shop.conf\n");

        assertAll(
                () -> assertEquals(0, shellcheck.exitCode(), shellcheck::describe),
                () -> assertEquals(0, dryRun.exitCode(), dryRun::describe),
                () -> assertTrue(out.contains("would run: install -d -m 0755 " + root + "/srv/acme\n"), dryRun::describe),
                () -> assertTrue(certbot >= 0, () -> "certbot in webroot mode for shop.test:\n" + dryRun.describe()),
                () -> assertTrue(0 <= bootstrap && bootstrap < certbot && certbot < site,
                        () -> "the bootstrap site, then certbot, then the real site:\n" + dryRun.describe()));
    }

    @Test
    void installShLeavesCertbotAloneOnceTheCertificateExists() throws IOException {
        Path kit = writeHostKit(Kits.acmeMode());
        Path root = shop.dir().resolve("root-with-certificate");
        Files.createDirectories(root.resolve(ACME_CERTIFICATE.substring(1)).getParent());
        Files.writeString(root.resolve(ACME_CERTIFICATE.substring(1)), "certificate");
        Command dryRun = dryRun(kit, root);

        assertEquals(0, dryRun.exitCode(), dryRun::describe);
        assertTrue(dryRun.stdout().contains("unchanged: certificate " + ACME_CERTIFICATE + "\n"), dryRun::describe);
        assertFalse(dryRun.stdout().contains("certbot"), dryRun::describe);
    }

    @Test
    void installShInCertificateModeHasNoCertbotAndPassesShellcheck() {
        Path kit = writeHostKit(Kits.certificateMode(shop.pair()));
        Command shellcheck = Command.run(List.of(Tools.shellcheck(), kit.resolve("install.sh").toString()));

        assertEquals(0, shellcheck.exitCode(), shellcheck::describe);
        assertFalse(dryRun(kit, shop.dir().resolve("root-" + runs.incrementAndGet())).stdout().contains("certbot"));
    }

    /** nginx -t on the host site (Debian's main config) and the compose site (the image's; app → loopback). */
    private static void checkBothSites(Map<String, String> kit, String variant) {
        String compose = Nginx.composeOnLoopback(kit.get(Kits.COMPOSE_SITE), 80, 443);
        Nginx.check(shop.dir().resolve("nginx-host"), Nginx.withCertificate(kit.get(Kits.HOST_SITE), shop.pair()),
                Nginx.Main.DEBIAN, Kits.HOST_SITE + " (" + variant + ")");
        Nginx.check(shop.dir().resolve("nginx-compose"), Nginx.withCertificate(compose, shop.pair()),
                Nginx.Main.IMAGE, Kits.COMPOSE_SITE + " (" + variant + ")");
    }

    private static JsonNode composeNginx(HostingSettings settings) throws IOException {
        String compose = Kits.render(shop.project(), settings).get("compose/compose.yaml");
        return new ObjectMapper(new YAMLFactory()).readTree(compose).get("services").get("nginx");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    /** The kit written to disk (install.sh needs its app/ folder), in a project of its own. */
    private static Path writeHostKit(HostingSettings settings) {
        SampleProject written = SampleProject.create(shop.dir().resolve("written-" + runs.incrementAndGet()));
        written.generate(settings.setList("targets", List.of("host")));
        return written.outputDir().resolve("host");
    }

    /** install.sh --dry-run into an empty root; systemctl answers "no" to every question. */
    private static Command dryRun(Path kit, Path root) {
        return Command.run(List.of(Tools.bash(), kit.resolve("install.sh").toString(), "--dry-run"),
                Map.of("HOSTKIT_ROOT", root.toString(), "SYSTEMCTL", "false", "NGINX", "nginx"));
    }

    private static List<List<String>> listens(Directive server) {
        return server.all("listen").stream().map(listen -> listen.args).toList();
    }

    private static Directive tlsServer(Directive file) {
        return NginxRule.servers(file).stream().filter(s -> NginxRule.listensWithSsl(s) && !NginxRule.closes(s)).findFirst()
                .orElseThrow(() -> new AssertionError("no TLS server that answers"));
    }

    private static Directive server(Directive file, String name) {
        return NginxRule.servers(file).stream().filter(s -> s.all("server_name").stream().anyMatch(n -> n.args.equals(List.of(name))))
                .findFirst().orElseThrow(() -> new AssertionError("no server named " + name));
    }

    /** The server with this name that listens with TLS ({@code tls}) or without. */
    private static Directive server(Directive file, String name, boolean tls) {
        return NginxRule.servers(file).stream().filter(s -> NginxRule.listensWithSsl(s) == tls)
                .filter(s -> s.all("server_name").stream().anyMatch(n -> n.args.equals(List.of(name))))
                .findFirst().orElseThrow(() -> new AssertionError("no " + (tls ? "TLS" : "plain") + " server named " + name));
    }
}
