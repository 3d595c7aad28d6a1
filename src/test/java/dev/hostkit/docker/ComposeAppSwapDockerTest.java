package dev.hostkit.docker;

import dev.hostkit.testing.Http;
import dev.hostkit.testing.LoadRun;
import dev.hostkit.testing.ProjectDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The compose kit keeps serving when compose replaces the app's container (a deploy's
 * {@code docker compose up -d} after a new image or setting):
 * the new container has a new address, and nginx, which looks up {@code app} once when it
 * starts, is restarted by compose ({@code depends_on.app.restart: true}) once the new app is
 * healthy. Under load through nginx all the while: after the swap no request fails. The swap
 * itself is a gap with one app container; its length (first to last failed request) goes to
 * {@code target/bench/compose-app-swap.txt} ({@code bench/compose-app-swap.sh}, BENCHMARKS.md).
 * Without {@code restart: true} the same swap leaves nginx on the old address: requests still fail
 * after the new app is healthy, which is what the kit's line prevents.
 */
@Tag("docker")
@ExtendWith(PrivateDockerExtension.class)
class ComposeAppSwapDockerTest {
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);
    private static final String RESTART_LINE = "        restart: true\n";

    @Test
    void aReplacedAppContainerCostsNoRequestOnceHealthy(@TempDir Path dir, PrivateDocker docker) throws Exception {
        Path composeFile = renderKit(dir, docker);
        try (ComposeProject project = new ComposeProject(docker, ComposeFile.read(composeFile))) {
            int port = project.build().up(HEALTHY_WITHIN).publishedPort("nginx", 80);
            String before = address(docker, project);
            Duration gap;
            int failed;
            try (LoadRun swap = LoadRun.untilStopped(2, () -> Http.get(port, JavaSample.SERVER_NAME, "/"))) {
                replaceApp(docker, project);
                project.waitFor("nginx", "service_started", HEALTHY_WITHIN);
                ComposeProject.untilAnswered(() -> Http.get(port, JavaSample.SERVER_NAME, "/"));
                swap.stop();
                gap = swap.failingFor();
                failed = swap.failures().size();
            }
            assertNotEquals(before, address(docker, project), "the new app container has a new address (the case nginx must follow)");
            System.out.println("[compose-app-swap] app " + before + " -> " + address(docker, project) + "; " + failed
                    + " requests failed during the swap, for " + gap.toMillis() + " ms");

            try (LoadRun after = LoadRun.start(4, 50, () -> Http.get(port, JavaSample.SERVER_NAME, "/"))) {
                after.awaitEnd(Duration.ofSeconds(60));
                assertEquals(List.of(), after.failures(), "no request fails once the new app is healthy");
                assertEquals(200, after.byBody().values().stream().mapToInt(Integer::intValue).sum());
            }
            report(gap, failed);
        }
    }

    @Test
    void withoutRestartTrueNginxStaysOnTheOldAddress(@TempDir Path dir, PrivateDocker docker) throws Exception {
        Path composeFile = renderKit(dir, docker);
        String text = Files.readString(composeFile);
        assertFalse(!text.contains(RESTART_LINE), "the kit's depends_on has " + RESTART_LINE.strip());
        Files.writeString(composeFile, text.replace(RESTART_LINE, ""));
        try (ComposeProject project = new ComposeProject(docker, ComposeFile.read(composeFile))) {
            int port = project.build().up(HEALTHY_WITHIN).publishedPort("nginx", 80);
            replaceApp(docker, project);
            try (LoadRun after = LoadRun.start(2, 5, () -> Http.get(port, JavaSample.SERVER_NAME, "/"))) {
                after.awaitEnd(Duration.ofSeconds(90));
                assertEquals(10, after.failures().size(), () -> "nginx kept the old app's address: every request fails, got "
                        + after.byBody() + " " + after.failures());
            }
        }
    }

    private static Path renderKit(Path dir, PrivateDocker docker) {
        JavaSample sample = new JavaSample(dir);
        docker.ensureImages(sample.baseImages().toArray(String[]::new));
        return sample.renderKit().resolve("compose/compose.yaml");
    }

    /**
     * A deploy that changes the app alone: a new setting in app.env (as a new image would), then
     * {@code docker compose up -d}, which replaces the app's container and, by restart: true,
     * restarts nginx once the new one is healthy ({@code --no-deps app} would skip that restart:
     * nginx is not in such a run). With the network to itself the new container would get the
     * old one's address again (the daemon hands out the lowest free one); on a machine where
     * another container (a one-shot, another project's) took it meanwhile, it gets a new one. So
     * a neighbour container takes the old address between the app's stop and its replacement.
     */
    private static void replaceApp(PrivateDocker docker, ComposeProject project) throws IOException {
        project.compose(Duration.ofSeconds(60), "stop", "app").orThrow();
        docker.dockerOk("run", "--detach", "--name", project.file().name() + "-neighbour", "--network", project.file().network(),
                "--label", "com.docker.compose.project=" + project.file().name(), "--pull", "never",
                "--entrypoint", "sleep", BridgeNetwork.PROBE_IMAGE, "600");
        Files.writeString(project.file().file().resolveSibling("app.env"), "RELEASE=\"2\"\n", StandardOpenOption.APPEND);
        project.compose(HEALTHY_WITHIN.plusSeconds(30), "up", "--detach", "--no-build", "--pull", "never",
                "--wait", "--wait-timeout", Long.toString(HEALTHY_WITHIN.toSeconds())).orThrow();
        assertEquals("2", docker.dockerOk("exec", project.container("app"), "printenv", "RELEASE"), "the app's container was replaced");
    }

    private static String address(PrivateDocker docker, ComposeProject project) {
        return docker.dockerOk("inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", project.container("app"));
    }

    private static void report(Duration gap, int failed) throws IOException {
        Path file = ProjectDir.resolve("target/bench/compose-app-swap.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "RESULT gap_ms=" + gap.toMillis() + " failed_requests=" + failed + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
