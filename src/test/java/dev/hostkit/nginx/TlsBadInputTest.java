package dev.hostkit.nginx;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad TLS settings fail the generation before anything is written (no target/hosting), with a
 * message that names the property, the value and what is allowed.
 */
class TlsBadInputTest {
    private static final String CERTIFICATE = "/etc/ssl/shop/fullchain.pem";
    private static final String KEY = "/etc/ssl/shop/privkey.pem";
    private static final String PATH = "Allowed: an absolute path made of letters, digits and . _ - between '/' "
            + "(no spaces, quotes, ';' or braces), such as ";
    private static final String PEM_PATH = PATH + "/etc/ssl/shop/fullchain.pem.";
    private static final String KEY_PATH = PATH + "/etc/ssl/shop/privkey.pem.";
    private static final String EMAIL =
            "Allowed: an e-mail address such as ops@example.com (Let's Encrypt sends expiry notices there).";

    @TempDir
    Path dir;

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments("only the certificate", new HostingSettings().set("tlsCertificate", CERTIFICATE),
                        "Invalid value for hosting.tls.certificateKey: (none). TLS needs both hosting.tls.certificate and "
                                + "hosting.tls.certificateKey (or hosting.tls.acme=true); only hosting.tls.certificate is set."),
                arguments("only the key", new HostingSettings().set("tlsCertificateKey", KEY),
                        "Invalid value for hosting.tls.certificate: (none). TLS needs both hosting.tls.certificate and "
                                + "hosting.tls.certificateKey (or hosting.tls.acme=true); only hosting.tls.certificateKey is set."),
                arguments("a relative certificate path", cert("certs/fullchain.pem", KEY),
                        "Invalid value for hosting.tls.certificate: 'certs/fullchain.pem'. " + PEM_PATH),
                arguments("a certificate path with a space", cert("/etc/ssl/my shop/fullchain.pem", KEY),
                        "Invalid value for hosting.tls.certificate: '/etc/ssl/my shop/fullchain.pem'. " + PEM_PATH),
                arguments("a key path with a quote", cert(CERTIFICATE, "/etc/ssl/shop/priv'key.pem"),
                        "Invalid value for hosting.tls.certificateKey: '/etc/ssl/shop/priv'key.pem'. " + KEY_PATH),
                arguments("a key path with a '..' segment", cert(CERTIFICATE, "/etc/ssl/../shadow"),
                        "Invalid value for hosting.tls.certificateKey: '/etc/ssl/../shadow'. " + KEY_PATH
                                + " No '.' or '..' segments."),
                arguments("a key path with a semicolon", cert(CERTIFICATE, "/etc/ssl/shop/key.pem;evil"),
                        "Invalid value for hosting.tls.certificateKey: '/etc/ssl/shop/key.pem;evil'. " + KEY_PATH),
                arguments("acme without a server name", new HostingSettings().set("tlsAcme", "true"),
                        "Invalid value for hosting.serverName: (none). hosting.tls.acme=true needs the host name to request "
                                + "a certificate for: set hosting.serverName."),
                arguments("acme with a wildcard server name", new HostingSettings().set("tlsAcme", "true").set("serverName", "*.shop.test"),
                        "Invalid value for hosting.serverName: '*.shop.test'. Allowed with hosting.tls.acme=true: a host name "
                                + "without '*': HTTP-01 challenges cannot prove wildcards."),
                arguments("acme with certificate paths", cert(CERTIFICATE, KEY).set("tlsAcme", "true").set("serverName", "shop.test"),
                        "Invalid value for hosting.tls.certificate: '" + CERTIFICATE + "'. Allowed: no certificate paths with "
                                + "hosting.tls.acme=true: certbot keeps them under /etc/letsencrypt/live/."),
                arguments("acme with only a key path", new HostingSettings().set("tlsCertificateKey", KEY).set("tlsAcme", "true")
                                .set("serverName", "shop.test"),
                        "Invalid value for hosting.tls.certificateKey: '" + KEY + "'. Allowed: no certificate paths with "
                                + "hosting.tls.acme=true: certbot keeps them under /etc/letsencrypt/live/."),
                arguments("acmeEmail that is not an address", acme().set("tlsAcmeEmail", "not-an-address"),
                        "Invalid value for hosting.tls.acmeEmail: 'not-an-address'. " + EMAIL),
                arguments("acmeEmail without a domain dot", acme().set("tlsAcmeEmail", "a@b"),
                        "Invalid value for hosting.tls.acmeEmail: 'a@b'. " + EMAIL),
                arguments("acmeEmail with a quote", acme().set("tlsAcmeEmail", "o'ps@example.com"),
                        "Invalid value for hosting.tls.acmeEmail: 'o'ps@example.com'. " + EMAIL),
                arguments("a relative acme webroot", acme().set("tlsAcmeWebroot", "var/www"),
                        "Invalid value for hosting.tls.acmeWebroot: 'var/www'. " + PATH + "/var/www/letsencrypt."),
                arguments("tlsPort equal to listenPort", cert(CERTIFICATE, KEY).set("listenPort", "8080").set("tlsPort", "8080"),
                        "Invalid value for hosting.tls.port: '8080'. Allowed: a port other than hosting.listenPort (8080), "
                                + "which serves plain HTTP."),
                arguments("tlsPort 80 with the default listenPort", acme().set("tlsPort", "80"),
                        "Invalid value for hosting.tls.port: '80'. Allowed: a port other than hosting.listenPort (80), "
                                + "which serves plain HTTP."),
                arguments("tlsPort 0", cert(CERTIFICATE, KEY).set("tlsPort", "0"),
                        "Invalid value for hosting.tls.port: '0'. Allowed: a TCP port number from 1 to 65535."),
                arguments("tlsPort 65536", acme().set("tlsPort", "65536"),
                        "Invalid value for hosting.tls.port: '65536'. Allowed: a TCP port number from 1 to 65535."),
                arguments("acme 'yes'", new HostingSettings().set("tlsAcme", "yes").set("serverName", "shop.test"),
                        "Invalid value for hosting.tls.acme: 'yes'. Allowed: true or false."),
                arguments("hstsIncludeSubDomains 'on'", cert(CERTIFICATE, KEY).set("tlsHstsIncludeSubDomains", "on"),
                        "Invalid value for hosting.tls.hstsIncludeSubDomains: 'on'. Allowed: true or false."),
                // README: "Bad values fail the build before anything is written": also while HTTPS is off
                arguments("tlsPort 0 with HTTPS off", new HostingSettings().set("tlsPort", "0"),
                        "Invalid value for hosting.tls.port: '0'. Allowed: a TCP port number from 1 to 65535."),
                arguments("acmeEmail 'a@b' with HTTPS off", new HostingSettings().set("tlsAcmeEmail", "a@b"),
                        "Invalid value for hosting.tls.acmeEmail: 'a@b'. " + EMAIL),
                arguments("hstsIncludeSubDomains 'yes' with HTTPS off", new HostingSettings().set("tlsHstsIncludeSubDomains", "yes"),
                        "Invalid value for hosting.tls.hstsIncludeSubDomains: 'yes'. Allowed: true or false."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void failsWithAClearMessageAndWritesNothing(String what, HostingSettings settings, String message) {
        SampleProject project = SampleProject.create(dir);

        InvalidSettingException error = assertThrows(InvalidSettingException.class, () -> project.generate(settings), what);

        assertEquals(message, error.getMessage());
        assertFalse(Files.exists(project.outputDir()), "nothing written: " + project.outputDir());
    }

    private static HostingSettings cert(String certificate, String key) {
        return new HostingSettings().set("tlsCertificate", certificate).set("tlsCertificateKey", key);
    }

    private static HostingSettings acme() {
        return new HostingSettings().set("tlsAcme", "true").set("serverName", "shop.test");
    }
}
