package dev.hostkit.core.model;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.settings.ValueType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HTTPS in every nginx the kit renders.
 *
 * @param certificate    the certificate chain (PEM) on the machine
 * @param certificateKey its private key
 * @param acme           certificates come from Let's Encrypt through certbot's webroot mode
 * @param acmeEmail      the ACME account's address, optional
 * @param acmeWebroot    the folder nginx serves /.well-known/acme-challenge/ from
 * @param port           the HTTPS port clients reach
 */
public record Tls(String certificate, String certificateKey, boolean acme, Optional<String> acmeEmail,
                  String acmeWebroot, int port, boolean hstsIncludeSubDomains) {
    private static final String PEM_EXAMPLE = "/etc/ssl/shop/fullchain.pem";

    public static final Setting<String> CERTIFICATE = Setting.value("tlsCertificate",
                    ValueType.absolutePath(PEM_EXAMPLE), "none",
                    "The certificate chain (PEM) on the machine, an absolute path; with `tlsCertificateKey` it turns "
                            + "HTTPS on.")
            .withProperty("hosting.tls.certificate")
            .shownAs("tls.certificate");
    public static final Setting<String> CERTIFICATE_KEY = Setting.value("tlsCertificateKey",
                    ValueType.absolutePath("/etc/ssl/shop/privkey.pem"), "none",
                    "The private key (PEM) of `tlsCertificate` on the machine, an absolute path: both or neither.")
            .withProperty("hosting.tls.certificateKey")
            .shownAs("tls.certificateKey");
    public static final Setting<Boolean> ACME = Setting.value("tlsAcme", ValueType.bool(), "`false`",
                    "`true`: HTTPS with Let's Encrypt certificates from certbot's webroot mode "
                            + "(needs serverName, no wildcard, no certificate paths).")
            .withProperty("hosting.tls.acme")
            .shownAs("tls.acme");
    public static final Setting<String> ACME_EMAIL = Setting.value("tlsAcmeEmail", ValueType.matching(Pattern.compile(
                            "[A-Za-z0-9.!#%&*+/=?^_~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+"),
                    "Allowed: an e-mail address such as ops@example.com (Let's Encrypt sends expiry notices there)."),
            "none", "The ACME account's e-mail address, for expiry notices.").withProperty("hosting.tls.acmeEmail")
            .shownAs("tls.acmeEmail");
    public static final Setting<String> ACME_WEBROOT = Setting.value("tlsAcmeWebroot",
            ValueType.absolutePath("/var/www/letsencrypt"), "`/var/www/letsencrypt`",
            "The folder nginx serves ACME challenges from.").withProperty("hosting.tls.acmeWebroot")
            .shownAs("tls.acmeWebroot");
    public static final Setting<Integer> PORT = Setting.value("tlsPort", ValueType.port(), "`443`",
            "The HTTPS port nginx publishes, 1–65535, not `listenPort`; on a bare machine none of the instances' ports.")
            .withProperty("hosting.tls.port")
            .shownAs("tls.port");
    public static final Setting<Boolean> HSTS_INCLUDE_SUB_DOMAINS = Setting.value("tlsHstsIncludeSubDomains",
                    ValueType.bool(), "`false`", "`true` adds `includeSubDomains` to the HSTS header.")
            .withProperty("hosting.tls.hstsIncludeSubDomains")
            .shownAs("tls.hsts");
    public static final List<Setting<?>> SETTINGS = List.of(CERTIFICATE, CERTIFICATE_KEY, ACME, ACME_EMAIL, ACME_WEBROOT,
            PORT, HSTS_INCLUDE_SUB_DOMAINS);

    /** HTTPS as the settings ask for it, or empty when it is off. */
    public static Optional<Tls> resolve(SettingValues settings, Nginx nginx) {
        boolean acme = settings.getOr(ACME, false);
        Optional<String> certificate = settings.get(CERTIFICATE);
        Optional<String> key = settings.get(CERTIFICATE_KEY);
        if (!acme && certificate.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        String certificatePath;
        String keyPath;
        if (acme) {
            if (certificate.isPresent() || key.isPresent()) {
                Setting<String> set = certificate.isPresent() ? CERTIFICATE : CERTIFICATE_KEY;
                throw new InvalidSettingException(set.label(), settings.get(set).orElseThrow(),
                        "Allowed: no certificate paths with hosting.tls.acme=true: certbot keeps them under /etc/letsencrypt/live/.");
            }
            String serverName = nginx.serverName().orElseThrow(() -> new InvalidSettingException(Nginx.SERVER_NAME.label(),
                    null, "hosting.tls.acme=true needs the host name to request a certificate for: set hosting.serverName."));
            if (serverName.startsWith("*.")) {
                throw new InvalidSettingException(Nginx.SERVER_NAME.label(), serverName,
                        "Allowed with hosting.tls.acme=true: a host name without '*': HTTP-01 challenges cannot prove wildcards.");
            }
            certificatePath = "/etc/letsencrypt/live/" + serverName + "/fullchain.pem";
            keyPath = "/etc/letsencrypt/live/" + serverName + "/privkey.pem";
        } else if (certificate.isEmpty() || key.isEmpty()) {
            String missing = certificate.isEmpty() ? CERTIFICATE.label() : CERTIFICATE_KEY.label();
            String present = certificate.isEmpty() ? CERTIFICATE_KEY.label() : CERTIFICATE.label();
            throw new InvalidSettingException(missing, null, "TLS needs both hosting.tls.certificate and "
                    + "hosting.tls.certificateKey (or hosting.tls.acme=true); only " + present + " is set.");
        } else {
            certificatePath = certificate.get();
            keyPath = key.get();
        }
        int port = settings.getOr(PORT, 443);
        if (port == nginx.listenPort()) {
            throw new InvalidSettingException(PORT.label(), String.valueOf(port), "Allowed: a port other than "
                    + "hosting.listenPort (" + nginx.listenPort() + "), which serves plain HTTP.");
        }
        return Optional.of(new Tls(certificatePath, keyPath, acme, settings.get(ACME_EMAIL),
                settings.getOr(ACME_WEBROOT, "/var/www/letsencrypt"), port, settings.getOr(HSTS_INCLUDE_SUB_DOMAINS, false)));
    }

    public Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("certificate", certificate);
        vars.put("certificateKey", certificateKey);
        vars.put("certificateDirectory", certificate.substring(0, certificate.lastIndexOf('/')));
        vars.put("acme", acme);
        acmeEmail.ifPresent(email -> vars.put("acmeEmail", email));
        vars.put("acmeWebroot", acmeWebroot);
        vars.put("port", port);
        vars.put("hsts", "max-age=63072000" + (hstsIncludeSubDomains ? "; includeSubDomains" : ""));
        return vars;
    }
}
