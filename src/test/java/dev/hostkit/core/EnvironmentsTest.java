package dev.hostkit.core;

import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentsTest {
    private static final List<String> RESERVED = List.of("compose", "docker", "host", "partials");

    private static HostingEnvironment environment(String name) {
        return new HostingEnvironment(name, new HostingSettings());
    }

    private static List<String> select(List<HostingEnvironment> declared, String... selected) {
        return Environments.select(declared, List.of(selected), RESERVED).stream().map(HostingEnvironment::name).toList();
    }

    private static String failure(List<HostingEnvironment> declared, String... selected) {
        return assertThrows(InvalidSettingException.class, () -> select(declared, selected)).getMessage();
    }

    @Test
    void noSelectionRendersAllInDeclarationOrder() {
        List<HostingEnvironment> declared = List.of(environment("prod"), environment("dev"), environment("eu-2"));
        assertEquals(List.of("prod", "dev", "eu-2"), select(declared));
        assertEquals(List.of("prod", "dev", "eu-2"), select(declared, " , "));
        assertEquals(List.of(), select(List.of()));
    }

    @Test
    void aSelectionPicksInItsOwnOrderOnce() {
        List<HostingEnvironment> declared = List.of(environment("prod"), environment("dev"), environment("stage"));
        assertEquals(List.of("dev", "prod"), select(declared, " dev ,prod", "dev"));
    }

    @Test
    void selectingAnUndeclaredEnvironmentListsTheDeclaredOnes() {
        assertEquals("Invalid value for hosting.environments: 'qa'. Allowed: the declared environments prod, dev.",
                failure(List.of(environment("prod"), environment("dev")), "prod,qa"));
        assertEquals("Invalid value for hosting.environments: 'prod'. "
                + "Allowed: names of <environments> in the plugin configuration, and none are declared.", failure(List.of(), "prod"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Prod", "pr_od", "-prod", "prod-", "", "prod/x", "../x", "abcdefghijklmnopqrstuvwxyz0123456"})
    void environmentNamesMustBeFolderNames(String name) {
        assertEquals("Invalid value for environments/environment/name: '" + name + "'. Allowed: 1 to 32 lower-case letters, "
                + "digits and '-', starting and ending with a letter or digit (it names the kit's folder and the attached "
                + "zip's classifier).", failure(List.of(environment(name))));
    }

    @Test
    void anEnvironmentNeedsAName() {
        String message = failure(List.of(environment(null)));
        assertTrue(message.startsWith("Invalid value for environments/environment/name: (none). Allowed: 1 to 32 "), message);
    }

    @Test
    void anEnvironmentCannotTakeTheNameOfATargetFolder() {
        assertEquals("Invalid value for environments/environment/name: 'docker'. Allowed: a name that is not a target or "
                + "template folder (compose, docker, host, partials): src/main/hosting/<environment>/ holds the environment's "
                + "template overrides.", failure(List.of(environment("dev"), environment("docker"))));
    }

    @Test
    void anEnvironmentIsDeclaredOnce() {
        assertEquals("Invalid value for environments/environment/name: 'dev'. Allowed: each environment name once; "
                + "'dev' is declared twice.", failure(List.of(environment("dev"), environment("prod"), environment("dev"))));
    }

    @Test
    void aMessageCanSayWhichEnvironmentItIsAbout() {
        InvalidSettingException e = new InvalidSettingException("hosting.port", "x$1", "Allowed: a port.").inEnvironment("prod");
        assertEquals("Invalid value for hosting.port in environment 'prod': 'x$1'. Allowed: a port.", e.getMessage());
        assertEquals("hosting.port", e.parameter());
    }
}
