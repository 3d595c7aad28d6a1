package dev.hostkit.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One HTTP/1.1 request over a plain socket to a loopback port, with any Host header (the JDK's
 * HttpClient refuses to set Host), and what came back, including nothing at all: nginx's
 * {@code return 444} closes the connection without an answer.
 */
final class HttpProbe {
    private HttpProbe() {}

    record Response(int status, Map<String, String> headers, String body) {
        /** No status line: the server closed (or reset) the connection without answering. */
        boolean noAnswer() {
            return status == 0;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return noAnswer() ? "(connection closed without an answer)" : status + " " + headers + "\n" + body;
        }
    }

    /**
     * Right after nginx's container starts, docker-proxy may accept a connection and close it
     * before nginx listens: such a request is repeated, for up to 5 s.
     */
    static Response untilAnswered(java.util.function.Supplier<Response> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                Response response = request.get();
                if (!response.noAnswer() || attempt == 20) {
                    return response;
                }
            } catch (UncheckedIOException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    static Response get(int port, String host, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return exchange(socket, host, path);
        } catch (IOException e) {
            throw new UncheckedIOException("GET http://127.0.0.1:" + port + path + " (Host: " + host + ")", e);
        }
    }

    /**
     * The same over TLS, with {@code serverName} as SNI. The certificate is not checked (the
     * test's own self-signed one); a refused handshake throws {@link SSLException}.
     */
    static Response getTls(int port, String serverName, String host, String path) throws SSLException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingManager()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(serverName)));
                socket.setSSLParameters(parameters);
                socket.setSoTimeout(15000);
                socket.startHandshake();
                return exchange(socket, host, path);
            }
        } catch (SSLException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("GET https://127.0.0.1:" + port + path + " (SNI and Host: " + host + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response exchange(Socket socket, String host, String path) throws IOException {
        socket.setSoTimeout(15000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: hostkit-test\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] raw = readAll(socket.getInputStream());
        return parse(new String(raw, StandardCharsets.UTF_8));
    }

    /** Accepts any server certificate: the tests talk to their own nginx with a self-signed one. */
    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                buffer.write(chunk, 0, n);
            }
        } catch (SocketException reset) {
            if (buffer.size() > 0) {
                throw reset;
            }
        }
        return buffer.toByteArray();
    }

    private static Response parse(String raw) {
        if (raw.isEmpty()) {
            return new Response(0, Map.of(), "");
        }
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(Integer.parseInt(statusLine[1]), headers, body);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
