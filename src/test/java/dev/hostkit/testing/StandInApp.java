package dev.hostkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Stands in for an app instance where install.sh's tests need one that answers: HTTP 200 on a
 * loopback port or a unix socket (gunicorn's), each request line logged to the stand-ins' log
 * ({@link StubMachine#log()}) as "GET PATH on NAME", NAME being {@link #name()}.
 */
public final class StandInApp implements AutoCloseable {
    private final ServerSocketChannel server;
    private final String name;
    private final Thread thread;

    private StandInApp(ServerSocketChannel server, String name, Path log) {
        this.server = server;
        this.name = name;
        this.thread = new Thread(() -> serve(name, log), "socket-instance " + name);
        thread.setDaemon(true);
        thread.start();
    }

    public static StandInApp listen(Path socket, Path log) {
        try {
            Files.createDirectories(socket.getParent());
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            return new StandInApp(server, socket.toString(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StandInApp listen(int port, Path log) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
            server.bind(new InetSocketAddress("127.0.0.1", port));
            return new StandInApp(server, "127.0.0.1:" + port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the log names it: the socket's path, or 127.0.0.1:PORT. */
    public String name() {
        return name;
    }

    private void serve(String name, Path log) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                ByteBuffer request = ByteBuffer.allocate(4096);
                client.read(request);
                String line = new String(request.array(), 0, request.position(), StandardCharsets.ISO_8859_1).split("\r\n")[0];
                synchronized (StandInApp.class) {
                    Files.writeString(log, line.replaceAll(" HTTP/.*", "") + " on " + name + "\n", StandardOpenOption.APPEND);
                }
                client.write(ByteBuffer.wrap("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n".getBytes(StandardCharsets.ISO_8859_1)));
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            thread.join(5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
