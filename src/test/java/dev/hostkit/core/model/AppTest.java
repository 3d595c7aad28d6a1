package dev.hostkit.core.model;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.SettingValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AppTest {
    private static App resolve(HostingSettings settings, String artifactId, int defaultPort) {
        ProjectFacts project = new ProjectFacts(artifactId, "1.0.0", Path.of("/work/shop"), null, List.of(), null, "jar", true);
        return App.resolve(SettingValues.parse(settings, BuiltIns.load().kitSettings()), project, defaultPort);
    }

    @Test
    void defaultsComeFromTheProjectAndTheRuntime() {
        assertEquals(new App("shop", "1.0.0", 8080, "/"), resolve(new HostingSettings(), "shop", 8080));
        assertEquals(8000, resolve(new HostingSettings(), "shop", 8000).port());
    }

    @Test
    void settingsWin() {
        assertEquals(new App("web", "1.0.0", 9000, "/health?full=1"), resolve(new HostingSettings().set("appName", "web")
                .set("port", "9000").set("healthPath", "/health?full=1"), "shop", 8080));
    }

    @ParameterizedTest
    @CsvSource({"shop, shop", "My_Shop.App, my-shop-app", "--Shop--, shop", "shop__api..v2, shop-api-v2", "0shop9, 0shop9"})
    void theNameDefaultsToTheArtifactIdLowerCasedAndSanitized(String artifactId, String name) {
        assertEquals(name, resolve(new HostingSettings(), artifactId, 8080).name());
    }

    @Test
    void aLongArtifactIdIsCutTo63CharactersWithoutATrailingDash() {
        assertEquals("a".repeat(62), resolve(new HostingSettings(), "a".repeat(62) + "-b" + "c".repeat(10), 8080).name());
    }

    @Test
    void anArtifactIdWithoutLettersOrDigitsAsksForAnAppName() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> resolve(new HostingSettings(), "___", 8080));
        assertEquals("hosting.appName", e.parameter());
        assertEquals("Invalid value for hosting.appName: ''. " + App.NAME.allowed()
                + " The default comes from the artifactId '___'; set hosting.appName.", e.getMessage());
    }

    @Test
    void variables() {
        assertEquals(Map.of("name", "shop", "version", "1.0.0", "port", 8080, "healthPath", "/"),
                new App("shop", "1.0.0", 8080, "/").variables());
    }
}
