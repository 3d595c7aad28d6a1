package dev.hostkit.core.target.host;

import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.target.Contribution;
import dev.hostkit.testing.KitResolution;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HostTargetTest {
    @TempDir
    Path dir;

    private SampleProject project;

    @BeforeEach
    void createProject() {
        project = SampleProject.create(dir);
    }

    private Contribution contribute(HostingSettings settings) {
        return new HostTarget().contribute(KitResolution.resolve(settings, project.facts()).context());
    }

    @Test
    void oneInstanceIsAPlainUnitUnderOptAppName() {
        Map<String, Object> vars = contribute(new HostingSettings()).variables();
        assertEquals(false, vars.get("templated"));
        assertEquals("shop.service", vars.get("unitFile"));
        assertEquals("shop.service", vars.get("units"));
        assertEquals(List.of(8080), vars.get("ports"));
        assertEquals("/opt/shop", vars.get("prefix"));
        assertEquals("/opt/shop/current", vars.get("current"));
        assertEquals("/opt/shop/static", vars.get("staticDirectory"));
        assertEquals("/etc/shop/shop.env", vars.get("envFile"));
        assertEquals("/etc/shop/secrets.env", vars.get("secretsFile"));
        assertEquals("'1.0.0'", vars.get("versionShell"));
        assertFalse(vars.containsKey("acmeBootstrapSite"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void severalInstancesAreATemplateUnitOnConsecutivePorts() {
        Map<String, Object> vars = contribute(new HostingSettings().set("port", "9000").set("instances", "3")
                .set("installPrefix", "/srv/web/").set("staticDirectory", "/var/www/web")).variables();
        assertEquals(true, vars.get("templated"));
        assertEquals("shop@.service", vars.get("unitFile"));
        assertEquals("shop@9000.service shop@9001.service shop@9002.service", vars.get("units"));
        assertEquals(List.of(9000, 9001, 9002), vars.get("ports"));
        assertEquals("/srv/web", vars.get("prefix"));
        Map<String, Object> site = (Map<String, Object>) vars.get("site");
        assertEquals(List.of("127.0.0.1:9000", "127.0.0.1:9001", "127.0.0.1:9002"), site.get("servers"));
        assertEquals(3, site.get("upstreamTries"));
        assertEquals(Map.of("path", "/static/", "directory", "/var/www/web"), site.get("static"));
    }

    @Test
    void theLastPortStaysWithin65535() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> contribute(new HostingSettings().set("port", "65530").set("instances", "7")));
        assertEquals("Invalid value for hosting.instances: '7'. Allowed: at most 6 instances from hosting.port 65530, so "
                + "that the last port (port + instances - 1) stays within 65535.", e.getMessage());
        assertEquals(List.of(65530, 65531, 65532, 65533, 65534, 65535),
                contribute(new HostingSettings().set("port", "65530").set("instances", "6")).variables().get("ports"));
    }

    @Test
    void nginxListensOnNoPortAnInstanceTakes() {
        InvalidSettingException one = assertThrows(InvalidSettingException.class,
                () -> contribute(new HostingSettings().set("port", "80")));
        assertEquals("Invalid value for hosting.listenPort: '80'. Allowed: a port outside hosting.port (80): on a bare machine "
                + "nginx and the app's instances listen on the same machine.", one.getMessage());
        InvalidSettingException tls = assertThrows(InvalidSettingException.class, () -> contribute(new HostingSettings()
                .set("port", "8442").set("instances", "3").set("tlsPort", "8444")
                .set("tlsCertificate", "/etc/ssl/shop/fullchain.pem").set("tlsCertificateKey", "/etc/ssl/shop/privkey.pem")));
        assertEquals("Invalid value for hosting.tls.port: '8444'. Allowed: a port outside the instances' ports 8442–8444 "
                + "(hosting.port and hosting.instances): on a bare machine nginx and the app's instances listen on the same "
                + "machine.", tls.getMessage());
        assertEquals(List.of(8445, 8446), contribute(new HostingSettings().set("port", "8445").set("instances", "2")
                .set("tlsPort", "8444").set("tlsCertificate", "/etc/ssl/shop/fullchain.pem")
                .set("tlsCertificateKey", "/etc/ssl/shop/privkey.pem")).variables().get("ports"));
    }

    @Test
    void theAcmeBootstrapSiteRendersOnlyWithAcme() {
        assertEquals(Set.of(HostTarget.ACME_BOOTSTRAP_TEMPLATE), contribute(new HostingSettings()).skippedTemplates());
        Contribution acme = contribute(new HostingSettings().set("tlsAcme", "true").set("serverName", "shop.example.com"));
        assertEquals(Set.of(), acme.skippedTemplates());
        assertEquals("shop-acme-bootstrap.conf", acme.variables().get("acmeBootstrapSite"));
    }

    @Test
    void theAppShipsIntoApp() {
        assertEquals(List.of("host/app/shop-1.0.0.jar"), contribute(new HostingSettings()).files().stream().map(KitFile::path).toList());
    }
}
