package dev.hostkit.docker;

import dev.hostkit.testing.DjangoExample;
import dev.hostkit.testing.KitProject;
import dev.hostkit.testing.KitVariant;

import java.nio.file.Path;
import java.util.List;

/**
 * The Django sample of the container tests: the {@link DjangoExample} (Django 3.2, answers / and
 * /health, admin's static files collected at build), rendered with the python runtime as the
 * goal renders a pom-packaged project without Java sources. Its image builds on the
 * python:3.11-slim stand-in, whose Debian Django and gunicorn satisfy requirements.txt offline.
 */
final class DjangoSample implements KitSample {
    static final String SERVER_NAME = "hello.example.com";
    static final String GREETING = "Hello from Django behind gunicorn and nginx\n";
    /** A file of Django's admin app: collectstatic puts it in the image, nginx serves it from the shared volume. */
    static final String STATIC_PATH = "/static/admin/css/base.css";

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
        return new KitVariant(name(), KitProject.django("hello-django"), settings -> settings
                .set("serverName", SERVER_NAME).set("healthPath", "/health").set("workers", "3")
                .set("memoryLimit", "256m").set("cpuLimit", "0.5"))
                .render(dir.resolve("hello-django")).root();
    }
}
