package dev.hostkit.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.RequiredTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        Path certificate = dir.resolve("tls/cert.pem");
        Path key = dir.resolve("tls/key.pem");
        String openssl = RequiredTool.find("openssl", "apt-get install openssl").toString();
        Commands.run(List.of("mkdir", "-p", certificate.getParent().toString()), null, Map.of(), Duration.ofSeconds(10)).orThrow();
        // A key readable by root only, as on a real machine: nginx's master reads it before it drops privileges.
        Commands.run(List.of(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + JavaSample.SERVER_NAME, "-addext", "subjectAltName=DNS:" + JavaSample.SERVER_NAME,
                "-keyout", key.toString(), "-out", certificate.toString()), dir, Map.of(), Duration.ofSeconds(60)).orThrow();

        Path kit = new JavaSample(dir.resolve("sample")).renderKit("", settings -> settings
                .set("tlsCertificate", certificate.toString())
                .set("tlsCertificateKey", key.toString()));
        ComposeFile compose = ComposeFile.read(kit.resolve("compose/compose.yaml"));
        try (ComposeProject project = new ComposeProject(docker, compose)) {
            project.build().up(Duration.ofSeconds(90));
            project.waitFor("nginx", "service_started", Duration.ofSeconds(30));
            int http = project.publishedPort("nginx", 80);
            int https = project.publishedPort("nginx", 443);

            HttpProbe.Response plain = HttpProbe.untilAnswered(() -> HttpProbe.get(http, JavaSample.SERVER_NAME, "/some/path?q=1"));
            assertEquals(301, plain.status(), plain::toString);
            assertEquals("https://" + JavaSample.SERVER_NAME + "/some/path?q=1", plain.header("Location"));

            HttpProbe.Response secure = HttpProbe.getTls(https, JavaSample.SERVER_NAME, JavaSample.SERVER_NAME, "/");
            assertEquals(200, secure.status(), secure::toString);
            assertEquals(JavaSample.GREETING + " (instance on port 8080)\n", secure.body());
            assertTrue(secure.header("Strict-Transport-Security").startsWith("max-age=63072000"), secure::toString);

            assertThrows(SSLException.class, () -> HttpProbe.getTls(https, "attacker.example", "attacker.example", "/"),
                    "a handshake for another name is refused");
        }
    }
}
