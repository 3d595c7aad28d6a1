package dev.hostkit.target.host;

import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.KitProject;
import dev.hostkit.testing.SampleKit;
import dev.hostkit.testing.SampleProject;
import dev.hostkit.testing.StubMachine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host kit's install.sh on a machine where the kit is installed already ({@link HostMachine}):
 * a new build restarts the instances one at a time, each only once the one before answers and
 * nginx can use it again; a step that fails stops the script before anything is started; one
 * instance becomes two; a -SNAPSHOT is rebuilt.
 */
class InstallScriptUpdateTest extends OnHostMachine {
    @Test
    void aChangedJarRestartsTheInstancesOneAtATime() throws Exception {
        machine.withDebianNginx().withInstancesAnswering();
        assertEquals(0, machine.install(machine.kit(2, "1")).exitCode());
        HostKit rebuilt = machine.kit(2, "2");
        StubMachine.Script third = machine.install(rebuilt);
        assertEquals(0, third.exitCode(), third.output());
        assertArrayEquals(Files.readAllBytes(rebuilt.file("app/sample-app-1.0.0.jar")),
                Files.readAllBytes(root.resolve("opt/shop/releases/1.0.0/app.jar")));
        assertEquals(List.of("systemctl restart shop@" + machine.base() + ".service", "systemctl restart shop@" + (machine.base() + 1) + ".service"),
                HostMachine.mutations(third.calls()).stream().filter(call -> !call.startsWith("chown ")).toList(),
                "only the instances restart, one after the other:\n" + third.output());
    }

    /**
     * With Type=exec, "systemctl restart" returns once the JVM is started, long before the app
     * listens: restarting the next instance right away leaves none serving. The script must
     * wait until each restarted instance answers before it restarts the next.
     */
    @Test
    void eachRestartedInstanceAnswersBeforeTheNextOneRestarts() throws Exception {
        machine.withDebianNginx().withInstancesAnswering();
        assertEquals(0, machine.install(machine.kit(2, "1")).exitCode());
        StubMachine.Script third = machine.install(machine.kit(2, "2"));
        assertEquals(0, third.exitCode(), third.output());
        List<String> calls = third.calls();
        int restart1 = calls.indexOf("systemctl restart shop@" + machine.base() + ".service");
        int restart2 = calls.indexOf("systemctl restart shop@" + (machine.base() + 1) + ".service");
        int answered1 = calls.indexOf(HostMachine.request("/", machine.base()));
        assertTrue(restart1 >= 0 && restart1 < answered1 && answered1 < restart2,
                "expected: restart the first, GET / on its port, then restart the second; was:\n" + String.join("\n", calls));
        assertTrue(calls.indexOf(HostMachine.request("/", machine.base() + 1)) > restart2, "the second instance is checked too");
    }

    /** A step that fails stops the script: nothing is started or restarted on a half-installed release. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chown root:root */app.jar", "chown root:root */shop.conf", "chown root:shop */secrets.env"})
    void aFailingStepStopsTheInstall(String failingCall) throws Exception {
        machine.withDebianNginx().withInstancesAnswering();
        StubMachine.Script run = machine.install(machine.kit(2, "1"), Map.of("STUB_FAIL", failingCall));
        assertNotEquals(0, run.exitCode(), "install.sh went on after '" + failingCall + "' failed:\n" + run.output());
        assertEquals(List.of(), run.calls().stream().filter(call -> call.startsWith("systemctl")).toList(),
                "nothing may be reloaded or started after a failed step:\n" + run.output());
    }

    /**
     * nginx sets a restarted instance aside for fail_timeout after it failed: the next instance
     * goes down only after the script waited that out (REJOIN_SECONDS), never right after the
     * one before answers its health path.
     */
    @Test
    void theNextInstanceGoesDownOnlyOnceNginxCanUseTheOneBefore() throws Exception {
        machine.withDebianNginx().withInstancesAnswering().installed(machine.kit(2, "1"), Map.of());
        StubMachine.Script third = machine.installed(machine.kit(2, "2"), Map.of("REJOIN_SECONDS", "1"));
        String unit1 = "shop@" + machine.base() + ".service";
        String unit2 = "shop@" + (machine.base() + 1) + ".service";
        List<String> lines = third.lines();
        int ready1 = lines.indexOf("ready: " + unit1 + " answers on port " + machine.base());
        int waited = lines.indexOf("wait: 1s for nginx to send requests to " + unit1 + " again, before " + unit2 + " goes down");
        int restart2 = lines.indexOf("run: systemctl restart " + unit2);
        assertTrue(ready1 >= 0 && ready1 < waited && waited < restart2, "expected: " + unit1 + " ready, the wait, then "
                + unit2 + " restarts; was:\n" + third.output());
        assertEquals(1, lines.stream().filter(line -> line.startsWith("wait: ")).count(), "no wait after the last one:\n" + third.output());
    }

    /** The wait outlasts the time the generated nginx site sets a failed instance aside, however that is changed. */
    @Test
    void theDefaultWaitOutlastsNginxsFailTimeout() {
        HostKit kit = machine.kit(2, "1");
        Matcher failTimeout = Pattern.compile("fail_timeout=(\\d+)s").matcher(kit.read("nginx/shop.conf"));
        Matcher rejoin = Pattern.compile("REJOIN_SECONDS=\\$\\{REJOIN_SECONDS:-(\\d+)}").matcher(kit.read("install.sh"));
        assertTrue(failTimeout.find() && rejoin.find(), "fail_timeout in the site, REJOIN_SECONDS in install.sh");
        assertTrue(Integer.parseInt(rejoin.group(1)) > Integer.parseInt(failTimeout.group(1)),
                "REJOIN_SECONDS " + rejoin.group(1) + " must outlast fail_timeout " + failTimeout.group(1));
    }

    /** From one instance to two: the second starts first, then shop.service stops for good and the first takes its port. */
    @Test
    void goingFromOneInstanceToTwoStopsAndDisablesTheSingleUnit() throws Exception {
        machine.withDebianNginx().withInstancesAnswering().installed(machine.kit(1, "1"), Map.of());
        HostKit twoInstances = machine.kit(2, "1");
        StubMachine.Script two = machine.installed(twoInstances, Map.of());
        String unit1 = "shop@" + machine.base() + ".service";
        String unit2 = "shop@" + (machine.base() + 1) + ".service";
        assertEquals(List.of("systemctl reload nginx", "systemctl daemon-reload", "systemctl enable " + unit2, "systemctl start " + unit2, "systemctl enable " + unit1,
                        "systemctl disable --now shop.service", "systemctl start " + unit1),
                HostMachine.mutations(two.calls()).stream().filter(call -> call.startsWith("systemctl")).toList(), two.output());
        assertTrue(two.lines().contains("wait: 0s for nginx to send requests to " + unit2 + " again, before shop.service goes down"),
                two.output());
        StubMachine.Script again = machine.install(twoInstances);
        assertEquals(List.of(), HostMachine.mutations(again.calls()), "the run after changed the system:\n" + again.output());
    }

    /** Each build of a -SNAPSHOT gets a release folder of its own, so that current can go back to the one before. */
    @Test
    void eachBuildOfASnapshotHasAReleaseFolderOfItsOwn() throws Exception {
        machine.withDebianNginx().withInstancesAnswering().installed(machine.kit(2, "1", "1.1-SNAPSHOT"), Map.of());
        Path first = Files.readSymbolicLink(root.resolve("opt/shop/current"));
        HostKit rebuilt = machine.kit(2, "2", "1.1-SNAPSHOT");
        machine.installed(rebuilt, Map.of());
        Path current = Files.readSymbolicLink(root.resolve("opt/shop/current"));
        assertTrue(first.getFileName().toString().matches("1\\.1-SNAPSHOT-[0-9a-f]{12}"), first.toString());
        assertTrue(current.getFileName().toString().matches("1\\.1-SNAPSHOT-[0-9a-f]{12}"), current.toString());
        assertNotEquals(first, current, "the rebuild went into the first build's folder");
        assertArrayEquals(Files.readAllBytes(rebuilt.file("app/sample-app-1.0.0.jar")),
                Files.readAllBytes(root.resolve(current.toString().substring(1)).resolve("app.jar")));
        assertTrue(Files.isRegularFile(root.resolve(first.toString().substring(1)).resolve("app.jar")), "the first build is kept");
        StubMachine.Script again = machine.install(rebuilt);
        assertEquals(List.of(), HostMachine.mutations(again.calls()), "the same build again changed the system:\n" + again.output());
    }

    /** A Quarkus release holds the fast-jar folder as the kit has it; a file the next build no longer has leaves it. */
    @Test
    void aQuarkusReleaseHoldsItsFastJarFolder() throws Exception {
        machine.withDebianNginx().withInstancesAnswering();
        String dropped = SampleProject.QUARKUS_APP.get(2);
        KitProject built = KitProject.built(SampleProject::builtByQuarkus, "quarkus-app/app/", SampleProject.QUARKUS_APP);
        machine.installed(machine.kit(2, built, settings -> settings.set("framework", "quarkus")), Map.of());
        Path release = root.resolve("opt/shop/releases/1.0.0");
        assertEquals(SampleProject.QUARKUS_APP, SampleKit.filesUnder(release.resolve("quarkus-app")).stream()
                .map(file -> "quarkus-app/" + file).toList());
        assertFalse(Files.exists(release.resolve("app.jar")), "no thin jar");

        KitProject rebuilt = KitProject.built(project -> {
            project.builtByQuarkus();
            try {
                Files.delete(project.jar().resolveSibling(dropped));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return project;
        }, "quarkus-app/app/", SampleProject.QUARKUS_APP);
        StubMachine.Script second = machine.installed(machine.kit(2, rebuilt, settings -> settings.set("framework", "quarkus")),
                Map.of());
        assertFalse(Files.exists(release.resolve(dropped)), second.output());
        assertTrue(Files.isRegularFile(release.resolve("quarkus-app/quarkus-run.jar")));
    }
}
