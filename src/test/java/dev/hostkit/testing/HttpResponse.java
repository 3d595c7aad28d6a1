package dev.hostkit.testing;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link Http} got back: protocol, status, headers (lower-case names, every value in
 * order) and body. Status 0 is no answer at all: the server closed the connection.
 */
public record HttpResponse(String protocol, int status, Map<String, List<String>> headers, byte[] body, String request) {
    /** No status line: the server closed (or reset) the connection without answering. */
    public boolean noAnswer() {
        return status == 0;
    }

    /** Every value of a header, in order. */
    public List<String> all(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The header's only value, or {@code null} when missing; a header sent twice fails. */
    public String header(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new AssertionError("header " + name + " appears " + values.size() + " times:\n" + this);
        }
        return values.isEmpty() ? null : values.get(0);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return request + " -> " + (noAnswer() ? "(connection closed without an answer)" : protocol + " " + status + " " + headers + "\n" + text());
    }

    /** Parses a raw response; a body shorter than its Content-Length (cut off) fails. */
    static HttpResponse parse(byte[] raw, String request) {
        if (raw.length == 0) {
            return new HttpResponse("", 0, Map.of(), new byte[0], request);
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new UncheckedIOException(new IOException("no complete header block from " + request + ": " + text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = dechunk(body);
        }
        List<String> length = headers.getOrDefault("content-length", List.of());
        if (length.size() == 1 && body.length < Long.parseLong(length.get(0))) {
            throw new UncheckedIOException(new IOException(request + ": the body was cut off after " + body.length + " of "
                    + length.get(0) + " bytes"));
        }
        return new HttpResponse(statusLine[0].replaceFirst("^HTTP/", ""), Integer.parseInt(statusLine[1]), headers, body, request);
    }

    private static byte[] dechunk(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
