package dev.hostkit.core.runtime;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which runtime a kit gets: hosting.runtime, else the one that recognises the project, else the fallback. */
class RuntimesTest {
    @TempDir
    Path dir;

    private String select(HostingSettings settings, String packaging, boolean javaSources) {
        ProjectFacts project = new ProjectFacts("shop", "1.0.0", dir, null, List.of(), null, packaging, javaSources);
        return Runtimes.select(BuiltIns.load().runtimes(), SettingValues.parse(settings, BuiltIns.load().kitSettings()), project)
                .name();
    }

    @Test
    void aJarOrWarOrJavaSourcesIsJava() throws IOException {
        Files.writeString(dir.resolve("manage.py"), "");
        assertEquals("java", select(new HostingSettings(), "jar", false));
        assertEquals("java", select(new HostingSettings(), "war", false));
        assertEquals("java", select(new HostingSettings(), "pom", true));
    }

    @Test
    void pythonFilesWithoutJavaArePython() throws IOException {
        Files.writeString(dir.resolve("requirements.txt"), "gunicorn\n");
        assertEquals("python", select(new HostingSettings(), "pom", false));
    }

    @Test
    void theAppFolderIsWherePythonIsLookedFor() throws IOException {
        Files.createDirectories(dir.resolve("web"));
        Files.writeString(dir.resolve("web/manage.py"), "");
        assertEquals("java", select(new HostingSettings(), "pom", false), "nothing in the project folder itself: the fallback");
        assertEquals("python", select(new HostingSettings().set("appDirectory", "web"), "pom", false));
    }

    @Test
    void hostingRuntimeWinsAndNamesTheRuntimesThereAre() {
        assertEquals("python", select(new HostingSettings().set("runtime", "python"), "jar", true));
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> select(new HostingSettings().set("runtime", "ruby"), "jar", true));
        assertEquals("Invalid value for hosting.runtime: 'ruby'. Allowed: java or python.", e.getMessage());
    }

    @Test
    void twoRuntimesThatBothRecogniseTheProjectAskForAChoice() {
        ProjectFacts project = new ProjectFacts("shop", "1.0.0", dir, null, List.of(), null, "jar", true);
        List<AppRuntime> runtimes = List.of(new Recognising("node"), new Recognising("ruby"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Runtimes.select(runtimes,
                SettingValues.parse(new HostingSettings(), List.of(Runtimes.RUNTIME)), project));
        assertEquals("Invalid value for hosting.runtime: (none). The project looks like an app of [node, ruby]: set "
                + "hosting.runtime to one of them.", e.getMessage());
    }

    /** A runtime that recognises every project. */
    private record Recognising(String name) implements AppRuntime {
        @Override
        public List<Setting<?>> settings() {
            return List.of();
        }

        @Override
        public boolean detects(ProjectFacts project, SettingValues settings) {
            return true;
        }

        @Override
        public int defaultPort() {
            return 3000;
        }

        @Override
        public RuntimeApp resolve(SettingValues settings, ProjectFacts project, SharedModel shared, boolean shipped) {
            throw new UnsupportedOperationException();
        }
    }
}
