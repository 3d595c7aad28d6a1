package dev.hostkit.nginx;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Nginx;
import dev.hostkit.testing.NginxConf;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.SelfSigned;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every nginx file the plugin renders, for every variant of {@link NginxVariants} (the compose
 * site, the host site and, with ACME, the bootstrap site), follows every {@link NginxRule} and
 * passes the real {@code nginx -t} without a warning, in the main config it is included from
 * (the image's for compose, Debian's for the host), ACME's and placeholder certificate paths
 * replaced by a self-signed pair. {@link NginxRuleMutationTest} shows each rule can fail.
 */
class NginxRulesTest {
    @TempDir
    static Path dir;
    private static SelfSigned pair;
    private static final AtomicInteger runs = new AtomicInteger();

    @BeforeAll
    static void certificate() {
        pair = SelfSigned.create(dir.resolve("tls"), "shop.test");
    }

    @TestFactory
    Stream<DynamicNode> everyNginxFileFollowsEveryRuleAndPassesNginxT() {
        return NginxVariants.all().map(variant -> {
            SampleKit kit = variant.render(dir.resolve("kit-" + runs.incrementAndGet()));
            Set<String> files = new TreeSet<>(kit.files().stream().filter(path -> path.matches("(.*/)?nginx/[^/]+\\.conf")).toList());
            Set<String> expected = new TreeSet<>(List.of(SiteSpec.COMPOSE_SITE, SiteSpec.hostSite(variant)));
            if (variant.tls() == KitVariant.Tls.ACME) {
                expected.add(SiteSpec.bootstrapSite(variant));
            }
            List<DynamicNode> nodes = new ArrayList<>();
            nodes.add(DynamicTest.dynamicTest("the kit has the expected nginx files", () -> assertEquals(expected, files)));
            for (String file : files) {
                nodes.add(DynamicContainer.dynamicContainer(file, checks(kit, file)));
            }
            return DynamicContainer.dynamicContainer(variant.name(), nodes);
        });
    }

    /** One test per rule, and nginx -t. */
    private static Stream<DynamicNode> checks(SampleKit kit, String file) {
        String text = kit.read(file);
        SiteSpec spec = SiteSpec.of(kit.variant(), file);
        NginxConf.Directive site = NginxConf.parse(text);
        Stream<DynamicNode> rules = NginxRule.all().stream().map(rule -> DynamicTest.dynamicTest(rule.name(), () -> {
            List<String> found = rule.findings(site, spec);
            assertTrue(found.isEmpty(), () -> rule.name() + " in " + file + " of " + kit.variant() + ":\n  " + String.join("\n  ", found)
                    + "\n--- " + file + " ---\n" + text);
        }));
        Nginx.Main main = file.equals(SiteSpec.COMPOSE_SITE) ? Nginx.Main.IMAGE : Nginx.Main.DEBIAN;
        DynamicTest nginxT = DynamicTest.dynamicTest("nginx -t", () -> Nginx.assertAccepts(dir.resolve("nginx-" + runs.incrementAndGet()),
                Nginx.withCertificate(Nginx.onLoopback(text), pair), main, file + " of " + kit.variant()));
        return Stream.concat(rules, Stream.of(nginxT));
    }

    /** Why the python variants have one instance only: the plugin refuses more, by name. */
    @Test
    void pythonKitsRunOneInstance() {
        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                () -> KitVariant.python("three", settings -> settings.set("instances", "3")).render(dir.resolve("python-3")));
        assertEquals("hosting.instances", refused.parameter(), refused.getMessage());
    }
}
