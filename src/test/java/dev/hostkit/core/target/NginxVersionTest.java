package dev.hostkit.core.target;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.testing.Commands;
import dev.hostkit.testing.Nginx;
import dev.hostkit.testing.SampleProject;
import dev.hostkit.testing.SelfSigned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP/2 as the nginx each target runs turns it on: {@code http2 on;} from 1.25.1, {@code listen … http2} before. */
class NginxVersionTest {
    private static final String COMPOSE_SITE = "compose/nginx/default.conf";
    private static final String HOST_SITE = "host/nginx/shop.conf";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"1.22, false", "1.24.0, false", "1.25.0, false", "1.25.1, true", "1.25, true", "1.26.3, true",
            "1.28, true", "2.0, true", "0.9.9, false"})
    void theDirectiveCameWithNginx1251(String version, boolean directive) {
        assertEquals(directive, NginxVersion.parse(version).hasHttp2Directive(), version);
        assertEquals(version, NginxVersion.parse(version).toString());
    }

    @ParameterizedTest
    @CsvSource({"nginx:1.28, 1.28", "nginx:1.27.5, 1.27.5", "nginx:1.28-alpine, 1.28", "nginx:1.27.4-alpine-slim, 1.27.4",
            "registry.example.com:5000/nginx:1.26, 1.26", "docker.io/library/nginx:1.24.0-bookworm, 1.24.0"})
    void anImageTagNamesTheVersion(String image, String version) {
        assertEquals(Optional.of(NginxVersion.parse(version)), NginxVersion.ofImage(image));
    }

    @ParameterizedTest
    @CsvSource({"nginx:mainline", "nginx:stable-alpine", "registry.example.com:5000/nginx", "nginx:1.28@sha256:"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void otherTagsNameNone(String image) {
        assertEquals(Optional.empty(), NginxVersion.ofImage(image));
    }

    @Test
    void eachTargetRendersTheFormOfItsNginx() {
        SampleProject project = tlsProject(new HostingSettings());
        String host = project.read(HOST_SITE);
        assertTrue(host.contains("    listen 443 ssl http2;\n"), host);
        assertFalse(host.contains("http2 on;"), "Debian bookworm's nginx 1.22 has no http2 directive:\n" + host);
        String compose = project.read(COMPOSE_SITE);
        assertTrue(compose.contains("    listen 443 ssl;\n    listen [::]:443 ssl;\n"), compose);
        assertTrue(compose.contains("    # nginx 1.28: HTTP/2 is a directive of its own from 1.25.1\n    http2 on;\n"), compose);
    }

    @Test
    void theSettingsMoveEachTarget() {
        SampleProject project = tlsProject(new HostingSettings().set("hostNginxVersion", "1.26").set("nginxImage", "nginx:1.24-alpine"));
        assertTrue(project.read(HOST_SITE).contains("    listen 443 ssl;\n"), project.read(HOST_SITE));
        assertTrue(project.read(HOST_SITE).contains("    http2 on;\n"), project.read(HOST_SITE));
        assertTrue(project.read(COMPOSE_SITE).contains("    listen 443 ssl http2;\n"), project.read(COMPOSE_SITE));
        assertFalse(project.read(COMPOSE_SITE).contains("http2 on;"), project.read(COMPOSE_SITE));
    }

    @Test
    void anImageWithoutAVersionNeedsTheSetting() {
        String digest = "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                () -> tlsProject(new HostingSettings().set("nginxImage", digest)));
        assertEquals("hosting.nginxImage", refused.parameter());
        assertTrue(refused.getMessage().contains(digest) && refused.getMessage().contains("hosting.composeNginxVersion"),
                refused.getMessage());
        assertFalse(Files.exists(dir.resolve("shop/target/hosting")), "nothing is written");

        SampleProject named = tlsProject(new HostingSettings().set("nginxImage", digest).set("composeNginxVersion", "1.28"));
        assertTrue(named.read(COMPOSE_SITE).contains("    http2 on;\n"), named.read(COMPOSE_SITE));
    }

    /** Why the form matters: the nginx of the compose image (1.26 here) warns at start about the old one. */
    @Test
    void theOldFormWarnsOnACurrentNginx() {
        SelfSigned pair = SelfSigned.create(dir.resolve("tls"), "shop.example.com");
        String old = tlsProject(new HostingSettings().set("nginxImage", "nginx:1.24")).read(COMPOSE_SITE);
        Commands.Result result = Nginx.test(dir.resolve("nginx"), Nginx.withCertificate(Nginx.onLoopback(old), pair), Nginx.Main.IMAGE);
        assertTrue(result.ok() && result.output().contains("[warn]")
                && result.output().contains("the \"listen ... http2\" directive is deprecated"), result::describe);
    }

    private SampleProject tlsProject(HostingSettings settings) {
        SampleProject project = SampleProject.create(dir.resolve("shop"));
        project.generate(new HostingSettings().setList("targets", List.of("host", "compose")).set("serverName", "shop.example.com")
                .set("tlsCertificate", "/etc/ssl/shop/fullchain.pem").set("tlsCertificateKey", "/etc/ssl/shop/privkey.pem")
                .overlay(settings));
        return project;
    }
}
