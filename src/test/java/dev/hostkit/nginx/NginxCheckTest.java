package dev.hostkit.nginx;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.KitVariants;
import dev.hostkit.testing.Nginx;
import dev.hostkit.testing.NginxConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code nginx -t} check that every generated file passes ({@link NginxRulesTest}) can fail. */
class NginxCheckTest {
    @TempDir
    Path dir;

    /** A site with one ';' missing is rejected by nginx and by the tests' parser. */
    @Test
    void nginxRejectsABrokenSite() {
        String site = KitVariants.named("server-name").render(dir.resolve("kit")).read(SiteSpec.COMPOSE_SITE);
        String broken = site.replaceFirst("keepalive (\\d+);", "keepalive $1");
        assertNotEquals(site, broken, "the mutation must apply");

        Commands.Result result = Nginx.test(dir.resolve("nginx"), Nginx.onLoopback(broken), Nginx.Main.IMAGE);
        assertNotEquals(0, result.exitCode(), () -> "nginx -t accepted a site with a missing ';':\n" + result.describe());
        assertTrue(result.output().contains("[emerg]"), result::describe);
        assertThrows(AssertionError.class, () -> Nginx.assertAccepts(dir.resolve("nginx"), Nginx.onLoopback(broken), Nginx.Main.IMAGE, "broken"));
        assertThrows(IllegalArgumentException.class, () -> NginxConf.parse(broken));
    }

    /** An unknown directive is rejected although the syntax is fine. */
    @Test
    void nginxRejectsAnUnknownDirective() {
        String site = Nginx.onLoopback(KitVariants.named("defaults").render(dir.resolve("kit")).read(SiteSpec.COMPOSE_SITE))
                .replace("server_tokens off;", "server_tokens off; proxy_hide_headers X;");

        Commands.Result result = Nginx.test(dir.resolve("nginx"), site, Nginx.Main.IMAGE);
        assertNotEquals(0, result.exitCode(), result::describe);
        assertTrue(result.output().contains("unknown directive \"proxy_hide_headers\""), result::describe);
    }

    /** A warning alone fails the check too: nginx -t exits 0, and the warning is in its output. */
    @Test
    void aWarningFailsTheCheck() {
        String site = Nginx.onLoopback(KitVariants.named("defaults").render(dir.resolve("kit")).read(SiteSpec.COMPOSE_SITE))
                .replace("gzip_types text/plain", "gzip_types text/html text/plain");

        Commands.Result result = Nginx.test(dir.resolve("nginx"), site, Nginx.Main.IMAGE);
        assertTrue(result.ok() && result.output().contains("[warn]"), result::describe);
        assertThrows(AssertionError.class, () -> Nginx.assertAccepts(dir.resolve("nginx"), site, Nginx.Main.IMAGE, "with a warning"));
    }
}
