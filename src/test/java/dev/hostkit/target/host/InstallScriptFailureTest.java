package dev.hostkit.target.host;

import dev.hostkit.testing.HostKit;
import dev.hostkit.testing.StubMachine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host kit's install.sh where a step fails ({@link HostMachine}): it stops, puts back what it
 * changed in nginx, names what failed and how to go on, and never says it installed anything.
 */
class InstallScriptFailureTest extends OnHostMachine {
    private static final Path DEFAULT_SITE = Path.of("/etc/nginx/sites-available/default");

    @Test
    void aNewSiteThatNginxRejectsIsRemovedAndDebiansDefaultSiteComesBack() throws Exception {
        machine.withDebianNginx().withInstancesAnswering();
        HostKit kit = machine.kit(2, "1");
        StubMachine.Script run = rejectedByNginx(kit);
        assertEquals("install.sh: nginx -t failed with the new shop site (its errors above); removed it again and re-enabled the "
                + "default site, and nginx still runs its old configuration. Fix " + kit.file("nginx/shop.conf")
                + " (or what nginx -t names), then run " + kit.file("install.sh") + " again\n", run.result().stderr());
        assertAll(
                () -> assertEquals(DEFAULT_SITE, Files.readSymbolicLink(root.resolve("etc/nginx/sites-enabled/default")), "default site enabled again"),
                () -> assertFalse(Files.exists(root.resolve("etc/nginx/sites-enabled/shop.conf"), LinkOption.NOFOLLOW_LINKS), "site link"),
                () -> assertFalse(Files.exists(root.resolve("etc/nginx/sites-available/shop.conf")), "site file"),
                () -> assertEquals(List.of(), systemctl(run), "nginx is not reloaded, nothing started"),
                () -> assertNeverInstalled(run));
    }

    @Test
    void aChangedSiteThatNginxRejectsGivesWayToThePreviousOne() throws Exception {
        machine.withDebianNginx().withInstancesAnswering();
        machine.installed(machine.kit(2, "1"), Map.of());
        Path site = root.resolve("etc/nginx/sites-available/shop.conf");
        String previous = "# the site of the release before\n" + Files.readString(site);
        Files.writeString(site, previous);
        StubMachine.Script run = rejectedByNginx(machine.kit(2, "2"));
        assertTrue(run.result().stderr().startsWith("install.sh: nginx -t failed with the new shop site (its errors above); "
                + "restored the previous /etc/nginx/sites-available/shop.conf, and nginx still runs its old configuration."), run.output());
        assertAll(
                () -> assertEquals(previous, Files.readString(site), "the previous site is back"),
                () -> assertEquals(Path.of("/etc/nginx/sites-available/shop.conf"), Files.readSymbolicLink(root.resolve("etc/nginx/sites-enabled/shop.conf"))),
                () -> assertFalse(Files.exists(root.resolve("etc/nginx/sites-enabled/default"), LinkOption.NOFOLLOW_LINKS),
                        "the default site stays disabled, as it was"),
                () -> assertEquals(List.of(), systemctl(run), "nginx is not reloaded, no instance restarted"),
                () -> assertNeverInstalled(run));
    }

    @Test
    void aFailingStepIsNamedWithHowToGoOn() throws Exception {
        machine.withDebianNginx().withInstancesAnswering();
        HostKit kit = machine.kit(2, "1");
        StubMachine.Script run = machine.install(kit, Map.of("STUB_FAIL", "chown root:shop */shop.env"));
        assertEquals(1, run.exitCode(), run.output());
        assertEquals("install.sh: failed: chown root:shop " + root + "/etc/shop/shop.env. Fix that, then run " + kit.file("install.sh")
                + " again (nothing after this step was done)\n", run.result().stderr());
        assertNeverInstalled(run);
    }

    @Test
    void anInstanceThatDoesNotAnswerIsNamedWithWhereToLook() throws Exception {
        machine.withDebianNginx();
        HostKit kit = machine.kit(2, "1");
        StubMachine.Script run = machine.install(kit, Map.of("READY_SECONDS", "1"));
        assertEquals(1, run.exitCode(), run.output());
        String unit = "shop@" + machine.base() + ".service";
        assertEquals("install.sh: " + unit + " does not answer GET / on port " + machine.base() + " after 1s; the instances after it "
                + "were left as they were. See why (journalctl -u " + unit + "), fix it, then run " + kit.file("install.sh") + " again\n",
                run.result().stderr());
        assertFalse(run.calls().contains("systemctl start shop@" + (machine.base() + 1) + ".service"), "the next instance was started");
        assertNeverInstalled(run);
    }

    /** install.sh of KIT where nginx -t fails: it must fail too. */
    private StubMachine.Script rejectedByNginx(HostKit kit) {
        StubMachine.Script run = machine.install(kit, Map.of("STUB_FAIL", "nginx -t"));
        assertEquals(1, run.exitCode(), run.output());
        return run;
    }

    private static List<String> systemctl(StubMachine.Script run) {
        return run.calls().stream().filter(call -> call.startsWith("systemctl")).toList();
    }

    private static void assertNeverInstalled(StubMachine.Script run) {
        assertEquals(List.of(), run.lines().stream().filter(line -> line.contains("installed")).toList(), run.output());
    }
}
