package dev.hostkit.target.host;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.KitProject;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.Ports;
import dev.hostkit.testing.StandInApp;
import dev.hostkit.testing.StubMachine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The machine the host kit's install.sh runs on in these tests: a {@link StubMachine} with
 * stand-ins for useradd, chown, systemctl, nginx and getent (which answers from the useradd
 * log), two app instances on consecutive ports that answer once the script asks, and the kit
 * of {@link SampleApp} for it. The root starts out like a machine with Debian's nginx when
 * asked: sites-available/, sites-enabled/ and the stock default site enabled.
 */
final class HostMachine implements AutoCloseable {
    /** Calls that change the machine: a second run must make none. */
    static final List<String> MUTATING = List.of("useradd", "chown", "nginx -t", "systemctl reload",
            "systemctl daemon-reload", "systemctl enable", "systemctl start", "systemctl restart", "systemctl stop",
            "systemctl disable");

    private final Path dir;
    private final SampleApp app;
    private final StubMachine machine;
    private final int base;
    private final List<StandInApp> instances = new ArrayList<>();

    HostMachine(Path dir, SampleApp app) {
        this.dir = dir;
        this.app = app;
        this.machine = StubMachine.create(dir, List.of("getent", "systemctl", "useradd", "chown", "nginx"));
        this.base = Ports.consecutive(2);
    }

    Path root() {
        return machine.root();
    }

    /** The port of the first instance; the second is the next one. */
    int base() {
        return base;
    }

    /** The stub log's line for a request to the instance on this port. */
    static String request(String path, int port) {
        return "GET " + path + " on 127.0.0.1:" + port;
    }

    HostMachine withDebianNginx() {
        try {
            Path available = Files.createDirectories(root().resolve("etc/nginx/sites-available"));
            Files.writeString(available.resolve("default"), "server { listen 80 default_server; }\n");
            Path enabled = Files.createDirectories(root().resolve("etc/nginx/sites-enabled"));
            Files.createSymbolicLink(enabled.resolve("default"), Path.of("/etc/nginx/sites-available/default"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like the app would, each instance answers on its port once the script asks for it. */
    HostMachine withInstancesAnswering() {
        for (int port = base; port < base + 2; port++) {
            instances.add(machine.answerOn(port));
        }
        return this;
    }

    /** The host kit of INSTANCES instances of the app jar with this build id, rendered (again) into the one project. */
    HostKit kit(int instances, String build) {
        return kit(instances, build, "1.0.0");
    }

    /** The same of another version of the app. */
    HostKit kit(int instances, String build, String version) {
        return kit(instances, app.project(build, version), settings -> { });
    }

    /** The same kit with MORE settings on top. */
    HostKit kit(int instances, String build, Consumer<HostingSettings> more) {
        return kit(instances, app.project(build), more);
    }

    /** The host kit of INSTANCES instances of PROJECT with MORE settings. */
    HostKit kit(int instances, KitProject project, Consumer<HostingSettings> more) {
        return HostKit.of(new KitVariant("instances=" + instances, project, settings -> settings
                .setList("targets", List.of("host")).set("instances", String.valueOf(instances)).set("port", String.valueOf(base))
                .setMap("env", Map.of("GREETING", "hello"))).with("settings", more).render(dir.resolve("project")));
    }

    /** Every call the stand-ins logged so far. */
    List<String> calls() {
        return machine.calls();
    }

    StubMachine.Script install(HostKit kit, String... arguments) {
        return install(kit, Map.of(), arguments);
    }

    /** Runs the kit's install.sh and fails the test unless it succeeded. */
    StubMachine.Script installed(HostKit kit, Map<String, String> environment) {
        StubMachine.Script run = install(kit, environment);
        if (run.exitCode() != 0) {
            throw new AssertionError("install.sh failed:\n" + run.output());
        }
        return run;
    }

    /** Runs the kit's install.sh; without a REJOIN_SECONDS in ENVIRONMENT it waits 0 s for nginx between restarts. */
    StubMachine.Script install(HostKit kit, Map<String, String> environment, String... arguments) {
        Map<String, String> withRejoin = new HashMap<>(Map.of("REJOIN_SECONDS", "0"));
        withRejoin.putAll(environment);
        return machine.run(kit.file("install.sh"), withRejoin, arguments);
    }

    static List<String> mutations(List<String> calls) {
        return StubMachine.mutations(calls, MUTATING);
    }

    @Override
    public void close() {
        instances.forEach(StandInApp::close);
    }
}
