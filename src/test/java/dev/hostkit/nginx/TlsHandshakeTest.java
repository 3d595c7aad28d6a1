package dev.hostkit.nginx;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.Daemon;
import dev.hostkit.testing.Http;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS handshakes with the running sites ({@link TlsSites}) by openssl s_client: TLS 1.2 and 1.3
 * with the certificate and a Mozilla cipher, TLS 1.0 and 1.1 refused for their version, and
 * neither a handshake nor an answer for another name.
 */
class TlsHandshakeTest {
    @RegisterExtension
    static final TlsSites sites = new TlsSites();
    @TempDir
    static Path dir;

    @ParameterizedTest
    @EnumSource(TlsSites.Runtime.class)
    void tls12And13AreAcceptedWithTheCertificateAndAMozillaCipher(TlsSites.Runtime runtime) {
        Commands.Result tls12 = handshake(sites.tlsPort(runtime), "shop.test", "-tls1_2", "-CAfile", sites.pair().certificate().toString(),
                "-verify_return_error");
        Commands.Result tls13 = handshake(sites.tlsPort(runtime), "shop.test", "-tls1_3", "-CAfile", sites.pair().certificate().toString(),
                "-verify_return_error");

        assertAll(
                () -> assertEstablished(tls12, "TLSv1.2"),
                () -> assertTrue(tls12.output().matches("(?s).*\nCiphersuite: ECDHE-RSA-(AES128-GCM-SHA256|AES256-GCM-SHA384"
                        + "|CHACHA20-POLY1305)\n.*"), tls12::describe),
                () -> assertTrue(tls12.output().contains("\nVerification: OK\n"), tls12::describe),
                () -> assertEstablished(tls13, "TLSv1.3"),
                () -> assertTrue(tls13.output().contains("\nVerification: OK\n"), tls13::describe));
    }

    @ParameterizedTest
    @EnumSource(TlsSites.Runtime.class)
    void tls10And11AreRefusedByTheServerForTheirVersion(TlsSites.Runtime runtime) {
        // SECLEVEL=0 lets this OpenSSL 3 client offer TLS 1.0/1.1 (oldTlsClientCanConnect... shows it does),
        // so the refusal is the server's: a "protocol version" alert, not a cipher mismatch
        for (String version : List.of("-tls1", "-tls1_1")) {
            Commands.Result result = handshake(sites.tlsPort(runtime), "shop.test", version, "-cipher", "DEFAULT:@SECLEVEL=0");
            assertNotEquals(0, result.exitCode(), result::describe);
            assertFalse(result.output().contains("CONNECTION ESTABLISHED"), result::describe);
            assertTrue(result.output().contains("alert protocol version"), () -> "the server must refuse " + version
                    + " for its version (ssl_protocols), not only for want of a common cipher:\n" + result.describe());
        }
    }

    /** The control for the test above: the same client commands do complete TLS 1.0 and 1.1 with a server that allows them. */
    @Test
    void oldTlsClientCanConnectToAServerThatAllowsIt() throws Exception {
        int port = Ports.free();
        try (Daemon server = Daemon.start(List.of(Tool.OPENSSL.path(), "s_server", "-accept", "127.0.0.1:" + port, "-cert",
                sites.pair().certificate().toString(), "-key", sites.pair().key().toString(), "-cipher", "DEFAULT:@SECLEVEL=0", "-quiet"), dir, Map.of(), true,
                dir.resolve("s_server.out")).awaitListening(port, Duration.ofSeconds(10))) {
            assertEstablished(handshake(port, "shop.test", "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0"), "TLSv1");
            assertEstablished(handshake(port, "shop.test", "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"), "TLSv1.1");
        }
    }

    @ParameterizedTest
    @EnumSource(TlsSites.Runtime.class)
    void otherNamesGetNoAnswerAndNoHandshake(TlsSites.Runtime runtime) {
        int tlsPort = sites.tlsPort(runtime);
        Commands.Result evilSni = handshake(tlsPort, "evil.test", "-tls1_2");
        Commands.Result evilSni13 = handshake(tlsPort, "evil.test", "-tls1_3");
        Commands.Result noSni = handshake(tlsPort, null, "-tls1_3");
        Commands.Result evilHttp = Http.curl("http://evil.test:" + sites.listenPort(runtime) + "/", sites.pair().certificate());
        Commands.Result evilHostOverTls = Http.curl(sites.https(runtime, "/"), sites.pair().certificate(), "--http1.1", "-H", "Host: evil.test");

        assertAll(
                () -> assertNotEquals(0, evilSni.exitCode(), evilSni::describe),
                () -> assertTrue(evilSni.output().contains("unrecognized name"), evilSni::describe),
                () -> assertTrue(evilSni13.output().contains("unrecognized name"), evilSni13::describe),
                () -> assertTrue(noSni.output().contains("unrecognized name"), noSni::describe),
                // 444: nginx closes the connection without a word, so curl sees an empty reply (exit code 52)
                () -> assertEquals(52, evilHttp.exitCode(), evilHttp::describe),
                () -> assertEquals(52, evilHostOverTls.exitCode(), evilHostOverTls::describe));
    }

    private static void assertEstablished(Commands.Result handshake, String protocol) {
        assertEquals(0, handshake.exitCode(), handshake::describe);
        assertTrue(handshake.output().contains("CONNECTION ESTABLISHED\nProtocol version: " + protocol + "\n"), handshake::describe);
    }


    /** openssl s_client to 127.0.0.1:port with this SNI name ({@code null}: none) and options. */
    private static Commands.Result handshake(int port, String serverName, String... options) {
        List<String> command = new ArrayList<>(List.of(Tool.OPENSSL.path(), "s_client", "-brief", "-connect", "127.0.0.1:" + port));
        command.addAll(serverName == null ? List.of("-noservername") : List.of("-servername", serverName));
        command.addAll(List.of(options));
        return Commands.run(command, dir, Map.of(), Duration.ofSeconds(10));
    }

}
