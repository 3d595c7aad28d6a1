package dev.hostkit.docker;

import dev.hostkit.testing.Http;
import dev.hostkit.testing.HttpResponse;
import dev.hostkit.testing.SelfSigned;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compose kit with HTTPS from a certificate on the machine: compose mounts the certificate
 * and key into the read-only nginx container, which serves the app over TLS, sends plain HTTP
 * to HTTPS and refuses handshakes for other names.
 */
@Tag("docker")
@ExtendWith(PrivateDockerExtension.class)
class HttpsKitDockerTest {

    @Test
    void httpsKitServesOverTlsAndRedirectsPlainHttp(@TempDir Path dir, PrivateDocker docker) throws SSLException {
        docker.ensureImages("eclipse-temurin:17-jre", "nginx:1.28");
        // A key readable by root only (0600), as on a real machine: nginx's master reads it before it drops privileges.
        SelfSigned pair = SelfSigned.create(dir.resolve("tls"), JavaSample.SERVER_NAME);

        Path kit = new JavaSample(dir.resolve("sample")).renderKit("", settings -> settings
                .set("tlsCertificate", pair.certificate().toString())
                .set("tlsCertificateKey", pair.key().toString()));
        ComposeFile compose = ComposeFile.read(kit.resolve("compose/compose.yaml"));
        try (ComposeProject project = new ComposeProject(docker, compose)) {
            project.build().up(Duration.ofSeconds(60));
            project.waitFor("nginx", "service_started", Duration.ofSeconds(30));
            int http = project.publishedPort("nginx", 80);
            int https = project.publishedPort("nginx", 443);

            HttpResponse plain = ComposeProject.untilAnswered(() -> Http.get(http, JavaSample.SERVER_NAME, "/some/path?q=1"));
            assertEquals(301, plain.status(), plain::toString);
            assertEquals("https://" + JavaSample.SERVER_NAME + "/some/path?q=1", plain.header("Location"));

            HttpResponse secure = Http.getTls(https, JavaSample.SERVER_NAME, JavaSample.SERVER_NAME, "/");
            assertEquals(200, secure.status(), secure::toString);
            assertEquals(JavaSample.GREETING + " (instance on port 8080)\n", secure.text());
            assertTrue(secure.header("Strict-Transport-Security").startsWith("max-age=63072000"), secure::toString);

            assertThrows(SSLException.class, () -> Http.getTls(https, "attacker.example", "attacker.example", "/"),
                    "a handshake for another name is refused");
        }
    }
}
