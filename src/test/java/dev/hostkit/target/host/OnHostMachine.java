package dev.hostkit.target.host;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Base of the install.sh tests: the sample app built once, and a fresh {@link HostMachine} for each test. */
abstract class OnHostMachine {
    @TempDir
    static Path appDir;
    static SampleApp app;

    @TempDir
    Path tempDir;
    HostMachine machine;
    Path root;

    @BeforeAll
    static void buildApp() {
        app = SampleApp.build(appDir);
    }

    @BeforeEach
    void machine() {
        machine = new HostMachine(tempDir, app);
        root = machine.root();
    }

    @AfterEach
    void stopInstances() {
        machine.close();
    }
}
