package dev.hostkit.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One HTTP/1.1 GET on this machine only (loopback or a unix socket), with any Host header
 * (the JDK's HttpClient refuses to set Host) and what came back, including nothing at all:
 * nginx's {@code return 444} closes the connection without an answer. Over TLS either with
 * the JDK (any certificate accepted) or with the real curl, which checks the certificate
 * and speaks HTTP/2.
 */
public final class Http {
    private static final Pattern URL_HOST_PORT = Pattern.compile("https?://([^:/]+):([0-9]+)/.*");
    /** Every request here gives up after seconds: 5 to connect, 15 for each read (or send). */
    private static final int CONNECT_MILLIS = 5000;
    private static final int READ_MILLIS = 15000;

    private Http() {}

    /** GET on 127.0.0.1:PORT; extra headers as "Name: value". */
    public static HttpResponse get(int port, String host, String path, String... headers) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_MILLIS);
            socket.setSoTimeout(READ_MILLIS);
            socket.getOutputStream().write(request(host, path, headers));
            return HttpResponse.parse(readAll(socket.getInputStream()), "GET http://127.0.0.1:" + port + path + " (Host: " + host + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("GET http://127.0.0.1:" + port + path + " (Host: " + host + ")", e);
        }
    }

    /** GET on a unix socket (gunicorn's bind), with the same time limits as over TCP. */
    public static HttpResponse get(Path unixSocket, String host, String path, String... headers) {
        String what = "GET " + path + " on " + unixSocket + " (Host: " + host + ")";
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX); Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
            if (!channel.connect(UnixDomainSocketAddress.of(unixSocket))) {
                await(key, SelectionKey.OP_CONNECT, CONNECT_MILLIS, what + ": connect");
                channel.finishConnect();
            }
            ByteBuffer request = ByteBuffer.wrap(request(host, path, headers));
            while (request.hasRemaining()) {
                if (channel.write(request) == 0) {
                    await(key, SelectionKey.OP_WRITE, READ_MILLIS, what + ": send");
                }
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(65536);
            for (int n; (n = channel.read(buffer)) >= 0; buffer.clear()) {
                if (n == 0) {
                    await(key, SelectionKey.OP_READ, READ_MILLIS, what + ": read");
                }
                response.write(buffer.array(), 0, buffer.position());
            }
            return HttpResponse.parse(response.toByteArray(), what);
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        }
    }

    /** Waits until the channel is ready for OPERATION, or fails like a blocking socket with a timeout. */
    private static void await(SelectionKey key, int operation, int millis, String what) throws IOException {
        key.interestOps(operation);
        if (key.selector().select(millis) == 0) {
            throw new SocketTimeoutException(what + ": nothing happened within " + millis + " ms");
        }
        key.selector().selectedKeys().clear();
    }

    /**
     * GET over TLS with {@code serverName} as SNI. The certificate is not checked (the test's
     * own self-signed one: use {@link #curl} to check it); a refused handshake throws {@link SSLException}.
     */
    public static HttpResponse getTls(int port, String serverName, String host, String path) throws SSLException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_MILLIS);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingManager()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(serverName)));
                socket.setSSLParameters(parameters);
                socket.setSoTimeout(READ_MILLIS);
                socket.startHandshake();
                socket.getOutputStream().write(request(host, path));
                return HttpResponse.parse(readAll(socket.getInputStream()),
                        "GET https://127.0.0.1:" + port + path + " (SNI and Host: " + host + ")");
            }
        } catch (SSLException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("GET https://127.0.0.1:" + port + path + " (SNI and Host: " + host + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The real curl, once, its URL's host resolved to 127.0.0.1 whatever it is, trusting one
     * certificate for https; its stdout is the header block ({@code -D -}) and the body.
     *
     * @param extra more curl options, such as {@code --http1.1} or {@code -H Host:...}
     */
    public static Commands.Result curl(String url, Path trustedCertificate, String... extra) {
        Matcher hostPort = URL_HOST_PORT.matcher(url);
        if (!hostPort.matches()) {
            throw new IllegalArgumentException("an url with host and port: " + url);
        }
        List<String> command = new ArrayList<>(List.of(Tool.CURL.path(), "-sS", "--max-time", "5", "-D", "-",
                "--resolve", hostPort.group(1) + ":" + hostPort.group(2) + ":127.0.0.1", "--cacert", trustedCertificate.toString()));
        command.addAll(List.of(extra));
        command.add(url);
        return Commands.run(command, null);
    }

    /** {@link #curl} for a request that must get an answer (curl exit code 0). */
    public static HttpResponse curlGet(String url, Path trustedCertificate, String... extra) {
        Commands.Result result = curl(url, trustedCertificate, extra);
        result.orThrow();
        HttpResponse response = HttpResponse.parse(result.stdout().getBytes(StandardCharsets.UTF_8), String.join(" ", result.command()));
        if (response.noAnswer()) {
            throw new AssertionError("curl printed no response:\n" + result.describe());
        }
        return response;
    }

    private static byte[] request(String host, String path, String... headers) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nUser-Agent: hostkit-test\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Everything until the server closes; a reset before any byte is no answer, like a close. */
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
}
