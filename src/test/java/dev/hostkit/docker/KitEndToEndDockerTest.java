package dev.hostkit.docker;

import dev.hostkit.testing.Commands;
import dev.hostkit.testing.Http;
import dev.hostkit.testing.HttpResponse;
import dev.hostkit.testing.Poll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated kit, for real: {@code docker build} of its docker/ context, its compose.yaml
 * started (by docker compose v2, {@link ComposeProject}), the app healthy by its
 * HEALTHCHECK, and requests through the nginx container. Then what the kit promises about the
 * running containers: non-root processes, read-only root file system, no capabilities, no new
 * privileges, a clean stop on SIGTERM.
 */
@Tag("docker")
@ExtendWith(PrivateDockerExtension.class)
class KitEndToEndDockerTest {
    /**
     * Long enough for the kit's healthcheck: the first probe runs after its interval (10 s); an
     * app that fails it is unhealthy after start_period (30 s) and 3 retries.
     */
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);

    static Stream<String> samples() {
        return Stream.of("java", "django");
    }

    static KitSample sample(String name, Path dir) {
        return switch (name) {
            case "java" -> new JavaSample(dir);
            case "django" -> new DjangoSample(dir);
            default -> throw new IllegalArgumentException("no sample " + name);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void kitBuildsRunsAndServesThroughNginx(String name, @TempDir Path dir, PrivateDocker docker) {
        KitSample sample = sample(name, dir);
        docker.ensureImages(sample.baseImages().toArray(String[]::new));
        Path kit = sample.renderKit();
        ComposeFile compose = ComposeFile.read(kit.resolve("compose/compose.yaml"));

        try (ComposeProject project = new ComposeProject(docker, compose)) {
            project.build();
            String image = compose.imageOf(compose.service("app"));
            // The image's own HEALTHCHECK (exec form, no compose override) must turn healthy too.
            docker.dockerOk("run", "--detach", "--name", compose.name() + "-image-check",
                    "--label", "com.docker.compose.project=" + compose.name(), "--pull", "never", image);

            project.up(HEALTHY_WITHIN);
            project.waitFor("app", "service_healthy", HEALTHY_WITHIN);
            project.waitFor("nginx", "service_started", HEALTHY_WITHIN);
            waitHealthy(docker, compose.name() + "-image-check");
            assertEquals(compose.service("app").healthcheck().test(),
                    jsonList(docker.dockerOk("image", "inspect", "--format", "{{json .Config.Healthcheck.Test}}", image)),
                    "compose's healthcheck is the image's HEALTHCHECK");

            int port = project.publishedPort("nginx", 80);
            dynamicPagesThroughNginx(sample, port);
            foreignHostIsRejected(port);
            staticFileServedByNginx(docker, project, sample, port);
            processesRunAsNonRoot(docker, project);
            rootFileSystemIsReadOnly(docker, project);
            if (sample instanceof DjangoSample) {
                gunicornWorkersBeatInDevShm(docker, project);
            }
            noCapabilitiesNoNewPrivileges(docker, project);
            theKernelLimitsTheAppAsConfigured(docker, project, compose.service("app"));
            appStopsCleanlyOnSigterm(docker, project, sample);
        }
    }

    private static void dynamicPagesThroughNginx(KitSample sample, int port) {
        for (String path : List.of("/", sample.healthPath())) {
            HttpResponse response = ComposeProject.untilAnswered(() -> Http.get(port, sample.serverName(), path));
            assertEquals(200, response.status(), () -> "GET " + path + ": " + response);
            assertEquals(sample.expectedBody(path), response.text(), "GET " + path);
            assertEquals("nosniff", response.header("X-Content-Type-Options"),
                    "security headers on proxied answers, once (nginx must not pass on the app's own copy: proxy_hide_header)");
            // Once each: an app's own copy (Django sends X-Frame-Options: DENY) would contradict nginx's.
            assertEquals("SAMEORIGIN", response.header("X-Frame-Options"), "one X-Frame-Options, nginx's");
            assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"), "one Referrer-Policy, nginx's");
            assertEquals("nginx", response.header("Server"), "server_tokens off: no version");
        }
        HttpResponse dotfile = Http.get(port, sample.serverName(), "/.env");
        assertEquals(403, dotfile.status(), () -> "dotfiles are denied: " + dotfile);
    }

    private static void foreignHostIsRejected(int port) {
        HttpResponse foreign = Http.get(port, "attacker.example", "/");
        assertTrue(foreign.noAnswer(), () -> "a foreign Host gets no answer (444), got " + foreign);
        HttpResponse byAddress = Http.get(port, "127.0.0.1", "/");
        assertTrue(byAddress.noAnswer(), () -> "a bare IP Host gets no answer (444), got " + byAddress);
    }

    /**
     * nginx answers a static file itself, from the volume the app's collected files fill: the
     * same bytes as in the app's container, and the request never reaches gunicorn (its access
     * log, docker logs of the app, does not show it while it shows the dynamic pages).
     */
    private static void staticFileServedByNginx(PrivateDocker docker, ComposeProject project, KitSample sample, int port) {
        KitSample.StaticFile file = sample.staticFile();
        if (file == null) {
            return;
        }
        String app = project.container("app");
        String expected = docker.docker("exec", app, "cat", file.appFile()).orThrow();
        assertFalse(expected.isEmpty(), file.appFile() + " is empty");
        HttpResponse response = Http.get(port, sample.serverName(), file.urlPath());
        assertEquals(200, response.status(), () -> "GET " + file.urlPath() + ": " + response);
        assertEquals(expected, response.text(), "GET " + file.urlPath() + " answers the collected file");
        assertTrue(response.header("Cache-Control") != null, "static files carry expires 30d");
        Commands.Result logs = docker.docker("logs", app);
        String appLog = logs.stdout() + logs.stderr();
        assertTrue(appLog.contains("\"GET " + sample.healthPath() + " "), () -> "the app logs its requests:\n" + appLog);
        assertFalse(appLog.contains(file.urlPath()), () -> "nginx, not the app, serves " + file.urlPath() + ":\n" + appLog);
    }

    private static void processesRunAsNonRoot(PrivateDocker docker, ComposeProject project) {
        String app = project.container("app");
        assertEquals("10001", docker.dockerOk("exec", app, "id", "-u"), "docker exec runs as the image's user");
        List<String[]> appProcesses = top(docker, app);
        assertFalse(appProcesses.isEmpty());
        appProcesses.forEach(process -> assertEquals("10001", process[0], () -> "app process as uid " + process[0] + ": " + process[1]));

        // nginx: the official image's model, kept by the kit: only the master is root (it binds
        // port 80 and reads the config); every worker, which handles requests, is nginx (101).
        List<String[]> nginxProcesses = top(docker, project.container("nginx"));
        List<String[]> workers = nginxProcesses.stream().filter(process -> process[1].contains("worker process")).toList();
        assertFalse(workers.isEmpty(), "nginx runs workers");
        workers.forEach(worker -> assertEquals("101", worker[0], "nginx workers run as the nginx user"));
        nginxProcesses.stream().filter(process -> process[0].equals("0"))
                .forEach(root -> assertTrue(root[1].contains("master process"), () -> "only nginx's master is root: " + root[1]));
    }

    private static void rootFileSystemIsReadOnly(PrivateDocker docker, ComposeProject project) {
        String app = project.container("app");
        Commands.Result write = docker.docker("exec", app, "sh", "-c", "echo x > /app/x");
        assertFalse(write.ok(), "the root file system is read-only");
        assertTrue(write.stderr().contains("Read-only file system"), write::describe);
        docker.docker("exec", app, "sh", "-c", "echo x > /tmp/x && rm /tmp/x").orThrow();
        Commands.Result nginxWrite = docker.docker("exec", project.container("nginx"), "sh", "-c", "echo x > /etc/nginx/x");
        assertFalse(nginxWrite.ok(), "nginx's root file system is read-only too");
    }

    private static void noCapabilitiesNoNewPrivileges(PrivateDocker docker, ComposeProject project) {
        String status = docker.dockerOk("exec", project.container("app"), "cat", "/proc/1/status");
        assertTrue(status.contains("CapEff:\t0000000000000000"), () -> "the app has no capabilities:\n" + status);
        assertTrue(status.contains("NoNewPrivs:\t1"), () -> "no-new-privileges:\n" + status);
    }

    /** The app's cgroup holds compose's mem_limit and cpus (cgroup v2 files, else v1's). */
    private static void theKernelLimitsTheAppAsConfigured(PrivateDocker docker, ComposeProject project, ComposeFile.Service app) {
        assertTrue(app.memLimit() != null && app.cpus() != null, "the sample sets memoryLimit and cpuLimit");
        String memory = docker.dockerOk("exec", project.container("app"), "sh", "-c",
                "cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes");
        assertEquals(String.valueOf(app.memLimit()), memory.trim(), "the app's memory limit, " + app.memLimit() + " bytes");
        String cpu = docker.dockerOk("exec", project.container("app"), "sh", "-c", "cat /sys/fs/cgroup/cpu.max 2>/dev/null"
                + " || echo \"$(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us) $(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us)\"");
        String[] quotaAndPeriod = cpu.trim().split(" ");
        assertEquals(app.cpus(), Double.parseDouble(quotaAndPeriod[0]) / Double.parseDouble(quotaAndPeriod[1]),
                0.001, "the app's CPUs (quota / period: " + cpu.trim() + ")");
    }

    /**
     * gunicorn's workers keep their heartbeat files in /dev/shm (worker_tmp_dir), a tmpfs, not in
     * the read-only root file system: each worker holds one open (unlinked at once).
     */
    private static void gunicornWorkersBeatInDevShm(PrivateDocker docker, ComposeProject project) {
        String fds = docker.dockerOk("exec", project.container("app"), "sh", "-c", "ls -l /proc/[0-9]*/fd/ 2>/dev/null | grep -c ' /dev/shm/' || true");
        assertTrue(Integer.parseInt(fds.strip()) >= 1, "gunicorn workers' heartbeat files in /dev/shm: " + fds);
    }

    /**
     * The app is PID 1 and stops on SIGTERM long before docker's 10 s SIGKILL (137): the JVM at
     * once (143), gunicorn gracefully after its workers (0).
     */
    private static void appStopsCleanlyOnSigterm(PrivateDocker docker, ComposeProject project, KitSample sample) {
        String app = project.container("app");
        long started = System.nanoTime();
        docker.dockerOk("stop", app);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(sample.stopExitCode(), docker.dockerOk("inspect", "--format", "{{.State.ExitCode}}", app),
                "the app ended on SIGTERM, not SIGKILL");
        assertTrue(seconds < 8, "stopped in " + seconds + " s");
    }

    /** docker top's processes as {uid, command line} (docker needs the pid column). */
    private static List<String[]> top(PrivateDocker docker, String container) {
        return docker.dockerOk("top", container, "-eo", "uid,pid,args").lines().skip(1)
                .map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+", 3)).map(fields -> new String[] {fields[0], fields[2]}).toList();
    }

    private static void waitHealthy(PrivateDocker docker, String container) {
        Poll.until(container + " to turn healthy by its image's HEALTHCHECK", HEALTHY_WITHIN, left -> {
            String health = docker.docker(Poll.atMost(left, Duration.ofSeconds(10)), null, "inspect", "--format",
                    "{{.State.Health.Status}}", container).orThrow().trim();
            assertFalse(health.equals("unhealthy"), () -> container + " is unhealthy: "
                    + docker.docker("inspect", "--format", "{{json .State.Health}}", container).stdout());
            if (!health.equals("healthy")) {
                throw new Poll.NotYet("health " + health);
            }
            return health;
        });
    }

    private static List<String> jsonList(String json) {
        try {
            return List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, String[].class));
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON list: " + json, e);
        }
    }
}
