package dev.hostkit.target.host;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * install.sh with HTTPS: in ACME mode it installs the bootstrap site, runs certbot in webroot
 * mode, then installs the real site, and leaves certbot alone once the certificate exists; with
 * a certificate of the operator's own it has no certbot at all. shellcheck has nothing to say.
 */
class InstallScriptAcmeTest {
    private static final String ACME_CERTIFICATE = "/etc/letsencrypt/live/shop.test/fullchain.pem";
    private static final KitVariant SHOP_TEST = KitVariant.java("shop.test", settings -> settings
            .setList("targets", List.of("host")).set("serverName", "shop.test"));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "acmeEmail {0}")
    @CsvSource(value = {
            "ops@example.com, --email ops@example.com",
            // a valid address with a shell metacharacter must stay one argument
            "ops&alerts@example.com, --email ops&alerts@example.com",
            "NONE, --register-unsafely-without-email"}, nullValues = "NONE")
    void inAcmeModeItPassesShellcheckAndRunsCertbotInWebrootMode(String email, String account) {
        Path kit = hostKit(SHOP_TEST.withAcme().with("email", settings -> settings.set("tlsAcmeWebroot", "/srv/acme")
                .set("tlsAcmeEmail", email)));
        Path root = dir.resolve("root");
        Commands.Result shellcheck = Commands.run(null, Tool.SHELLCHECK.path(), kit.resolve("install.sh").toString());
        Commands.Result dryRun = dryRun(kit, root);
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
    void itLeavesCertbotAloneOnceTheCertificateExists() throws IOException {
        Path kit = hostKit(SHOP_TEST.withAcme());
        Path root = dir.resolve("root-with-certificate");
        Files.createDirectories(root.resolve(ACME_CERTIFICATE.substring(1)).getParent());
        Files.writeString(root.resolve(ACME_CERTIFICATE.substring(1)), "certificate");
        Commands.Result dryRun = dryRun(kit, root);

        assertEquals(0, dryRun.exitCode(), dryRun::describe);
        assertTrue(dryRun.stdout().contains("unchanged: certificate " + ACME_CERTIFICATE + "\n"), dryRun::describe);
        assertFalse(dryRun.stdout().contains("certbot"), dryRun::describe);
    }

    @Test
    void inCertificateModeItHasNoCertbotAndPassesShellcheck() {
        Path kit = hostKit(SHOP_TEST.withCertificate());
        Commands.Result shellcheck = Commands.run(null, Tool.SHELLCHECK.path(), kit.resolve("install.sh").toString());

        assertEquals(0, shellcheck.exitCode(), shellcheck::describe);
        assertFalse(dryRun(kit, dir.resolve("root")).stdout().contains("certbot"));
    }

    /** The host/ folder of the kit written to disk (install.sh needs its app/ folder). */
    private Path hostKit(KitVariant variant) {
        return HostKit.of(variant.render(dir.resolve("project"))).dir();
    }

    /** install.sh --dry-run into an empty root; systemctl answers "no" to every question. */
    private static Commands.Result dryRun(Path kit, Path root) {
        return Commands.run(List.of(Tool.BASH.path(), kit.resolve("install.sh").toString(), "--dry-run"), null,
                Map.of("HOSTKIT_ROOT", root.toString(), "SYSTEMCTL", "false", "NGINX", "nginx"));
    }
}
