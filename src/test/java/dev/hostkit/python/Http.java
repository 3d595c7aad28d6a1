package dev.hostkit.python;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.0 GET on loopback or a unix socket, with any Host header and extra headers (the JDK
 * client refuses to set Host). The server closes the connection after the response.
 */
record Http(int status, Map<String, String> headers, byte[] body) {
    static Http get(int port, String host, String path, String... extraHeaders) {
        return get(new InetSocketAddress("127.0.0.1", port), host, path, extraHeaders);
    }

    static Http get(Path unixSocket, String host, String path, String... extraHeaders) {
        return get(UnixDomainSocketAddress.of(unixSocket), host, path, extraHeaders);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Http get(SocketAddress address, String host, String path, String... extraHeaders) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        try (SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open()) {
            channel.connect(address);
            channel.write(ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.ISO_8859_1)));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(65536);
            while (channel.read(buffer) >= 0) {
                response.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return parse(response.toByteArray(), address + " " + path);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " on " + address + " failed", e);
        }
    }

    private static Http parse(byte[] raw, String what) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no complete HTTP response from " + what + ": " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        return new Http(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }
}
