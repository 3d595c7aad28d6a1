package dev.hostkit.tls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One request with the real curl to a name resolved to loopback, trusting one certificate. */
final class Curl {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/(\\S+) ([0-9]{3}).*");

    /** The answer: the protocol version, status, headers (lower-case names, every value) and body. */
    record Response(Command command, String protocol, int status, Map<String, List<String>> headers, String body) {
        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /** The header's only value, or {@code null} when missing; two values fail. */
        String header(String name) {
            List<String> values = all(name);
            if (values.size() > 1) {
                throw new AssertionError("header " + name + " appears " + values.size() + " times:\n" + this);
            }
            return values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString() {
            return command.describe();
        }
    }

    private Curl() {}

    /**
     * @param url   the address, its host resolved to 127.0.0.1 whatever it is
     * @param trust the certificate to trust for https
     * @param extra more curl options, such as {@code --http1.1} or {@code -H Host:...}
     */
    static Command run(String url, SelfSigned trust, String... extra) {
        Matcher hostPort = Pattern.compile("https?://([^:/]+):([0-9]+)/.*").matcher(url);
        if (!hostPort.matches()) {
            throw new IllegalArgumentException("an url with host and port: " + url);
        }
        List<String> command = new ArrayList<>(List.of(Tools.curl(), "-sS", "--max-time", "5", "-D", "-",
                "--resolve", hostPort.group(1) + ":" + hostPort.group(2) + ":127.0.0.1", "--cacert", trust.certificate().toString()));
        command.addAll(List.of(extra));
        command.add(url);
        return Command.run(command);
    }

    /** A request that must get an answer (curl exit code 0). */
    static Response get(String url, SelfSigned trust, String... extra) {
        Command result = run(url, trust, extra).assertSucceeded();
        String out = result.stdout();
        int end = out.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no header block:\n" + result.describe());
        }
        String[] lines = out.substring(0, end).split("\r\n");
        Matcher status = STATUS_LINE.matcher(lines[0]);
        if (!status.matches()) {
            throw new AssertionError("no status line:\n" + result.describe());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new Response(result, status.group(1), Integer.parseInt(status.group(2)), headers, out.substring(end + 4));
    }
}
