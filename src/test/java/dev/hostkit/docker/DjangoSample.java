package dev.hostkit.docker;

import dev.hostkit.testing.KitGeneration;
import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Django sample of the container tests: a copy of examples/hello-django (Django 3.2, answers
 * / and /health, admin's static files collected at build), rendered with the python runtime by
 * the core ({@link KitGenerator}) as the Maven goal renders a pom-packaged project without Java
 * sources. Its image builds on the python:3.11-slim stand-in, whose Debian Django and gunicorn
 * satisfy requirements.txt offline.
 */
final class DjangoSample implements KitSample {
    static final String SERVER_NAME = "hello.example.com";
    static final String GREETING = "Hello from Django behind gunicorn and nginx\n";
    /** A file of Django's admin app: collectstatic puts it in the image, nginx serves it from the shared volume. */
    static final String STATIC_PATH = "/static/admin/css/base.css";
    private static final Path EXAMPLE = Path.of("examples/hello-django");

    private final Path dir;

    DjangoSample(Path dir) {
        this.dir = dir;
    }

    @Override
    public String name() {
        return "django";
    }

    @Override
    public List<String> baseImages() {
        return List.of("python:3.11-slim", "nginx:1.28");
    }

    @Override
    public String serverName() {
        return SERVER_NAME;
    }

    @Override
    public String healthPath() {
        return "/health";
    }

    @Override
    public String expectedBody(String path) {
        return path.equals("/health") ? "ok\n" : GREETING;
    }

    /** Django admin's base.css, as collectstatic put it into the image (and so into the volume). */
    @Override
    public StaticFile staticFile() {
        return new StaticFile(STATIC_PATH, "/app/staticfiles/admin/css/base.css");
    }

    /** gunicorn (PID 1) stops gracefully on SIGTERM and exits 0. */
    @Override
    public String stopExitCode() {
        return "0";
    }

    @Override
    public Path renderKit() {
        Path project = dir.resolve("hello-django");
        copyExample(project);
        ProjectFacts facts = new ProjectFacts("hello-django", "1.0.0", project, null, List.of(), null, "pom", false);
        HostingSettings settings = new HostingSettings()
                .set("serverName", SERVER_NAME)
                .set("healthPath", "/health")
                .set("workers", "3");
        Path output = project.resolve("target/hosting");
        KitGeneration.write(settings, facts, project.resolve("src/main/hosting"), output, false);
        return output;
    }

    private static void copyExample(Path project) {
        Path source = PrivateDocker.projectDir().resolve(EXAMPLE);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.filter(path -> !path.getFileName().toString().equals("target")
                    && !path.toString().contains("__pycache__")).toList()) {
                Path target = project.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
