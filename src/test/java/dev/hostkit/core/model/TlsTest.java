package dev.hostkit.core.model;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.SettingValues;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsTest {
    private static Optional<Tls> resolve(HostingSettings settings) {
        SettingValues values = SettingValues.parse(settings, BuiltIns.load().kitSettings());
        return Tls.resolve(values, Nginx.resolve(values));
    }

    private static HostingSettings withCertificate() {
        return new HostingSettings().set("tlsCertificate", "/etc/ssl/shop/fullchain.pem")
                .set("tlsCertificateKey", "/etc/ssl/shop/privkey.pem");
    }

    private static InvalidSettingException rejected(HostingSettings settings) {
        return assertThrows(InvalidSettingException.class, () -> resolve(settings));
    }

    @Test
    void offByDefault() {
        assertEquals(Optional.empty(), resolve(new HostingSettings()));
        assertEquals(Optional.empty(), resolve(new HostingSettings().set("tlsAcme", "false").set("tlsPort", "8443")));
    }

    @Test
    void withACertificate() {
        assertEquals(Optional.of(new Tls("/etc/ssl/shop/fullchain.pem", "/etc/ssl/shop/privkey.pem", false, Optional.empty(),
                "/var/www/letsencrypt", 443, false)), resolve(withCertificate()));
    }

    @Test
    void acmeUsesCertbotsPaths() {
        assertEquals(Optional.of(new Tls("/etc/letsencrypt/live/shop.example.com/fullchain.pem",
                        "/etc/letsencrypt/live/shop.example.com/privkey.pem", true, Optional.of("ops@example.com"),
                        "/var/www/letsencrypt", 8443, true)),
                resolve(new HostingSettings().set("tlsAcme", "true").set("serverName", "shop.example.com")
                        .set("tlsAcmeEmail", "ops@example.com").set("tlsPort", "8443").set("tlsHstsIncludeSubDomains", "true")));
    }

    @Test
    void theTlsPortMustDifferFromThePlainOne() {
        assertEquals("Invalid value for hosting.tls.port: '8443'. Allowed: a port other than hosting.listenPort (8443), "
                + "which serves plain HTTP.", rejected(withCertificate().set("listenPort", "8443").set("tlsPort", "8443")).getMessage());
    }

    @Test
    void aCertificateNeedsItsKeyAndTheKeyItsCertificate() {
        InvalidSettingException noKey = rejected(new HostingSettings().set("tlsCertificate", "/etc/ssl/shop/fullchain.pem"));
        assertEquals("hosting.tls.certificateKey", noKey.parameter());
        assertTrue(noKey.getMessage().endsWith("only hosting.tls.certificate is set."), noKey.getMessage());
        InvalidSettingException noCertificate = rejected(new HostingSettings().set("tlsCertificateKey", "/etc/ssl/shop/privkey.pem"));
        assertEquals("hosting.tls.certificate", noCertificate.parameter());
    }

    @Test
    void acmeNeedsAServerNameWithoutWildcardAndNoCertificatePaths() {
        InvalidSettingException noName = rejected(new HostingSettings().set("tlsAcme", "true"));
        assertEquals("Invalid value for hosting.serverName: (none). hosting.tls.acme=true needs the host name to request a "
                + "certificate for: set hosting.serverName.", noName.getMessage());
        assertTrue(rejected(new HostingSettings().set("tlsAcme", "true").set("serverName", "*.example.com")).getMessage()
                .startsWith("Invalid value for hosting.serverName: '*.example.com'. Allowed with hosting.tls.acme=true: a host "
                        + "name without '*'"));
        InvalidSettingException paths = rejected(withCertificate().set("tlsAcme", "true").set("serverName", "shop.example.com"));
        assertEquals("hosting.tls.certificate", paths.parameter());
    }

    @Test
    void variables() {
        var vars = resolve(withCertificate().set("tlsHstsIncludeSubDomains", "true")).orElseThrow().variables();
        assertEquals("/etc/ssl/shop", vars.get("certificateDirectory"));
        assertEquals("max-age=63072000; includeSubDomains", vars.get("hsts"));
        assertEquals(false, vars.get("acme"));
        assertTrue(!vars.containsKey("acmeEmail"), "no e-mail: a section tests for it");
    }
}
