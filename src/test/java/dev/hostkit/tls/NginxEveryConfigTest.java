package dev.hostkit.tls;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.tls.ConfTree.Directive;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gixy checks of CHECKLISTS.md (nginx 5, 6/7, 9, 11/12, 13, as {@link NginxRule}s) and the
 * real {@code nginx -t} (14) on every nginx config the plugin renders: the compose and host
 * sites and the ACME bootstrap site, with and without a server name, 1 and 3 instances, TLS off,
 * certificate and ACME, default and custom static path, default and custom ports. The rules
 * are proven able to fail on fixtures that each break one of them.
 */
class NginxEveryConfigTest {
    private static final NginxRule.Site FIXTURE_SITE =
            new NginxRule.Site(Optional.of("shop.test"), true, 443, Kits.HSTS, "/var/www/letsencrypt");

    enum Tls { OFF, CERTIFICATE, ACME }

    /** One combination of the settings that shape nginx configs. */
    record Variant(Optional<String> serverName, int instances, Tls tls, String staticPath, boolean customPorts) {
        @Override
        public String toString() {
            return "serverName=" + serverName.orElse("none") + ", instances=" + instances + ", tls=" + tls
                    + ", staticPath=" + staticPath + ", ports=" + (customPorts ? "8080/8443" : "80/443");
        }

        HostingSettings settings() {
            HostingSettings settings = new HostingSettings().set("serverName", serverName.orElse(null))
                    .set("instances", String.valueOf(instances)).set("staticPath", staticPath);
            if (customPorts) {
                settings.set("listenPort", "8080").set("tlsPort", "8443").set("tlsHstsIncludeSubDomains", "true").set("tlsAcmeWebroot", "/srv/acme");
            }
            switch (tls) {
                case CERTIFICATE -> settings.set("tlsCertificate", shop.pair().certificate().toString())
                        .set("tlsCertificateKey", shop.pair().key().toString());
                case ACME -> settings.set("tlsAcme", "true");
                default -> { }
            }
            return settings;
        }

        NginxRule.Site site() {
            return new NginxRule.Site(serverName, tls != Tls.OFF, customPorts ? 8443 : 443,
                    Kits.HSTS + (customPorts ? "; includeSubDomains" : ""), customPorts ? "/srv/acme" : "/var/www/letsencrypt");
        }
    }

    @RegisterExtension
    static final Workspace shop = new Workspace();

    static List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        for (Optional<String> serverName : List.of(Optional.<String>empty(), Optional.of("shop.test"))) {
            for (int instances : List.of(1, 3)) {
                for (Tls tls : Tls.values()) {
                    for (String staticPath : List.of("/static/", "/assets/img/")) {
                        for (boolean customPorts : List.of(false, true)) {
                            if (tls != Tls.ACME || serverName.isPresent()) { // ACME needs a server name
                                variants.add(new Variant(serverName, instances, tls, staticPath, customPorts));
                            }
                        }
                    }
                }
            }
        }
        return variants;
    }

    @TestFactory
    Stream<DynamicNode> everyRenderedNginxConfigPassesTheRulesAndNginxT() {
        List<Variant> variants = variants();
        return variants.stream().map(variant -> {
            Map<String, String> kit = Kits.render(shop.project(), variant.settings());
            Set<String> configs = new TreeSet<>(kit.keySet().stream()
                    .filter(path -> path.matches("(.*/)?nginx/[^/]+\\.conf")).toList());
            Set<String> expected = new TreeSet<>(variant.tls() == Tls.ACME
                    ? Set.of(Kits.HOST_SITE, Kits.COMPOSE_SITE, Kits.BOOTSTRAP_SITE) : Set.of(Kits.HOST_SITE, Kits.COMPOSE_SITE));
            List<DynamicNode> nodes = new ArrayList<>();
            nodes.add(DynamicTest.dynamicTest("the kit has the expected nginx configs", () -> assertTrue(configs.containsAll(expected),
                    () -> "expected at least " + expected + ", rendered " + configs)));
            for (String path : configs) {
                nodes.add(DynamicContainer.dynamicContainer(path, checks(path, kit.get(path), variant.site(),
                        shop.dir().resolve("nginx-" + variants.indexOf(variant) + "-" + path.replace('/', '_')))));
            }
            return DynamicContainer.dynamicContainer(variant.toString(), nodes);
        });
    }

    /** One test per rule, and nginx -t in the main config the file is included from. */
    private static Stream<DynamicNode> checks(String path, String text, NginxRule.Site site, Path prefix) {
        Directive file = ConfTree.parse(text);
        Stream<DynamicNode> rules = Arrays.stream(NginxRule.values()).map(rule -> DynamicTest.dynamicTest(rule.name(), () -> {
            List<String> found = rule.findings(file, site);
            assertTrue(found.isEmpty(), () -> rule + " in " + path + ":\n  " + String.join("\n  ", found)
                    + "\n--- config ---\n" + text);
        }));
        boolean compose = path.startsWith("compose/");
        String runnable = Nginx.withCertificate(compose ? Nginx.composeOnLoopback(text, 80, 443) : text, shop.pair());
        DynamicTest nginxT = DynamicTest.dynamicTest("nginx -t", () ->
                Nginx.check(prefix, runnable, compose ? Nginx.Main.IMAGE : Nginx.Main.DEBIAN, path));
        return Stream.concat(rules, Stream.of(nginxT));
    }

    @Test
    void theFixtureEveryBadConfigBreaksPassesEveryRuleAndNginxT() throws Exception {
        String good = resource("good.conf");
        Directive file = ConfTree.parse(good);

        for (NginxRule rule : NginxRule.values()) {
            assertEquals(List.of(), rule.findings(file, FIXTURE_SITE), rule.name());
        }
        Nginx.check(shop.dir().resolve("nginx-good"), Nginx.withCertificate(good, shop.pair()), Nginx.Main.DEBIAN, "good.conf");
    }

    @TestFactory
    Stream<DynamicTest> eachRuleFindsWhatItIsAbout() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(getClass().getResource("/tls/bad").toURI()))) {
            List<Path> fixtures = files.sorted().toList();
            assertTrue(fixtures.size() >= 15, "the bad fixtures are there: " + fixtures);
            return fixtures.stream().map(fixture -> DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> {
                String text = Files.readString(fixture);
                String header = text.lines().findFirst().orElseThrow();
                assertTrue(header.startsWith("# rules: "), "the fixture's first line names the rules it breaks: " + fixture);
                Set<String> expected = new TreeSet<>(List.of(header.substring("# rules: ".length()).trim().split("\\s+")));
                Directive file = ConfTree.parse(text);
                Set<String> firing = new TreeSet<>();
                StringBuilder findings = new StringBuilder();
                for (NginxRule rule : NginxRule.values()) {
                    List<String> found = rule.findings(file, FIXTURE_SITE);
                    if (!found.isEmpty()) {
                        firing.add(rule.name());
                        findings.append(rule).append(": ").append(found).append('\n');
                    }
                }
                assertEquals(expected, firing, findings::toString);
            }));
        }
    }

    private static String resource(String name) throws IOException, URISyntaxException {
        return Files.readString(Path.of(NginxEveryConfigTest.class.getResource("/tls/" + name).toURI()));
    }
}
