package dev.hostkit.target.host;

import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.StubMachine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host kit's install.sh on a machine where the kit is installed already ({@link HostMachine}):
 * a new build restarts the instances one at a time, each only once the one before answers; a
 * step that fails stops the script before anything is started.
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

    @Test
    void aSiteThatNginxRejectsIsDisabledAgain() throws Exception {
        machine.withDebianNginx().withInstancesAnswering();
        StubMachine.Script run = machine.install(machine.kit(2, "1"), Map.of("STUB_FAIL", "nginx -t"));
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.result().stderr().contains("nginx rejected the configuration"), run.output());
        assertFalse(Files.exists(root.resolve("etc/nginx/sites-enabled/shop.conf"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of(), run.calls().stream().filter(call -> call.startsWith("systemctl")).toList());
    }
}
