package dev.hostkit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine for running a kit's install.sh for real: a temp root (HOSTKIT_ROOT) and stand-ins
 * on PATH, from src/test/resources/stubs, for the commands that would change the machine.
 * A command without a stand-in of its own gets {@code record}, which only logs. Every stand-in
 * logs its call to one file, in order, so the tests see exactly what the script asked the
 * system to do; {@link StandInApp}s answering for the app log there too.
 *
 * @param root  the machine's file system (HOSTKIT_ROOT)
 * @param stubs the folder of the stand-ins, first on PATH
 * @param log   the file every stand-in logs its calls to
 */
public record StubMachine(Path root, Path stubs, Path log) {
    /** Under DIR: root/, stubs/ with a stand-in for each of COMMANDS, and calls.log. */
    public static StubMachine create(Path dir, List<String> commands) {
        try {
            Path root = Files.createDirectories(dir.resolve("root"));
            Path stubs = Files.createDirectories(dir.resolve("stubs"));
            Path log = Files.createFile(dir.resolve("calls.log"));
            for (String command : commands) {
                InputStream own = StubMachine.class.getResourceAsStream("/stubs/" + command);
                try (InputStream in = own != null ? own : StubMachine.class.getResourceAsStream("/stubs/record")) {
                    Files.write(stubs.resolve(command), in.readAllBytes());
                }
                Files.setPosixFilePermissions(stubs.resolve(command), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new StubMachine(root, stubs, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every call logged so far. */
    public List<String> calls() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An app instance that answers on the loopback port (see {@link StandInApp}). */
    public StandInApp answerOn(int port) {
        return StandInApp.listen(port, log);
    }

    /** An app instance that answers on the unix socket. */
    public StandInApp answerOn(Path socket) {
        return StandInApp.listen(socket, log);
    }

    /** Runs SCRIPT (install.sh) with these arguments on this machine, EXTRA added to its environment. */
    public Script run(Path script, Map<String, String> extra, String... arguments) {
        int before = calls().size();
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(arguments));
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("HOSTKIT_ROOT", root.toString());
        environment.put("STUB_LOG", log.toString());
        environment.put("PATH", stubs + ":" + System.getenv("PATH"));
        Commands.Result result = Commands.run(command, script.getParent(), environment);
        List<String> all = calls();
        return new Script(result, all.subList(before, all.size()));
    }

    /** The calls that change the machine: those starting with one of MUTATING. */
    public static List<String> mutations(List<String> calls, List<String> mutating) {
        return calls.stream().filter(call -> mutating.stream().anyMatch(call::startsWith)).toList();
    }

    /** One run of the script: its result and the calls logged during it. */
    public record Script(Commands.Result result, List<String> calls) {
        public int exitCode() {
            return result.exitCode();
        }

        public String output() {
            return result.describe();
        }

        public String stdout() {
            return result.stdout();
        }

        public List<String> lines() {
            return result.stdout().lines().toList();
        }
    }
}
