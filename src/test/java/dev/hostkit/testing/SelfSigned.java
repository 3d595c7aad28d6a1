package dev.hostkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A self-signed certificate and its key (mode 0600, as openssl writes it), made by the real openssl for one host name. */
public record SelfSigned(Path certificate, Path key) {
    public static SelfSigned create(Path dir, String hostName) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path certificate = dir.resolve(hostName + ".crt");
        Path key = dir.resolve(hostName + ".key");
        Commands.run(List.of(Tool.OPENSSL.path(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + hostName, "-addext", "subjectAltName=DNS:" + hostName,
                "-keyout", key.toString(), "-out", certificate.toString()), dir).orThrow();
        return new SelfSigned(certificate, key);
    }
}
