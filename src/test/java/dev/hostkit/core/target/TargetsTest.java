package dev.hostkit.core.target;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.SettingValues;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TargetsTest {
    private static List<String> select(List<String> userFolders, String... targets) {
        SettingValues settings = SettingValues.parse(new HostingSettings().setList("targets", List.of(targets)),
                BuiltIns.load().kitSettings());
        return Targets.select(BuiltIns.load().targets(), userFolders, settings).stream().map(Target::name).toList();
    }

    @Test
    void byDefaultEveryBuiltInTargetAndEveryUserFolderEachAfterWhatItNeeds() {
        assertEquals(List.of("docker", "compose", "host"), select(List.of()));
        assertEquals(List.of("docker", "compose", "host", "ansible", "scripts"), select(List.of("ansible", "scripts")));
        assertEquals(List.of("docker", "compose", "host"), select(List.of("docker")), "a user folder named like a built-in adds to it");
    }

    @Test
    void composeBringsDockerAndEachTargetComesOnce() {
        assertEquals(List.of("docker", "compose"), select(List.of(), "compose"));
        assertEquals(List.of("host", "docker"), select(List.of(), " host , docker", "host"));
        assertEquals(List.of("host", "docker", "compose"), select(List.of(), "host,compose"));
    }

    @Test
    void kubernetesIsOptInAndComesAloneWhenNamed() {
        assertFalse(select(List.of()).contains("kubernetes"), "the default kits stay as they were");
        assertEquals(List.of("kubernetes"), select(List.of(), "kubernetes"));
        assertEquals(List.of("docker", "kubernetes"), select(List.of(), "docker,kubernetes"));
    }

    @Test
    void anUnknownTargetIsRejectedWithTheKnownOnes() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> select(List.of("scripts"), "docker,helm"));
        assertEquals("Invalid value for hosting.targets: 'helm'. Allowed: a comma-separated list of compose, docker, host, kubernetes, scripts.",
                e.getMessage());
    }

    @Test
    void targetsThatNameNothingAreRejected() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> select(List.of(), " , ", ""));
        assertEquals("Invalid value for hosting.targets: ' , ,'. Allowed: at least one of compose, docker, host, kubernetes.", e.getMessage());
    }

    @Test
    void aUserFolderIsATargetWithNothingButTemplates() {
        Contribution contribution = new UserTarget("scripts").contribute(null);
        assertEquals(List.of(), contribution.files());
        assertEquals(java.util.Map.of(), contribution.variables());
    }
}
