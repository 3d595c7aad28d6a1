package dev.hostkit.core.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The validated description of one hosting kit. Every value in here is safe to place in
 * nginx, YAML, Dockerfile and shell syntax as the templates do.
 */
public record HostingModel(
        App app,
        AppRuntime runtime,
        JavaApp java,
        Optional<PythonApp> python,
        Docker docker,
        Nginx nginx,
        Compose compose,
        Host host,
        Optional<Tls> tls,
        SortedMap<String, String> env,
        SortedMap<String, String> values,
        List<String> targets) {

    /** The application as every target sees it. */
    public record App(String name, String version, int port, String healthPath) {}

    /**
     * A JVM application packaged as a jar.
     *
     * @param jar         the packaged jar, or {@code null} when no target needs it
     * @param runtimeJars its runtime dependencies, copied into their own image layer
     */
    public record JavaApp(int release, String mainClass, Path jar, List<Path> runtimeJars, int maxRamPercentage) {}

    /** What runs the app. */
    public enum AppRuntime { JAVA, PYTHON }

    /**
     * A Python WSGI app (Django or any other) run by gunicorn.
     *
     * @param appDirectory    the folder with the app's sources (manage.py, requirements.txt, packages)
     * @param wsgiModule      the WSGI callable, module:attribute
     * @param workers         gunicorn workers, or empty for 2 x cores + 1 at run time
     * @param django          whether it is a Django project (manage.py): collectstatic runs at build and install
     */
    public record PythonApp(String version, Path appDirectory, String wsgiModule, java.util.OptionalInt workers,
                            boolean django) {}

    /** The container image that runs the app. */
    public record Docker(String baseImage, int uid) {}

    /** The reverse proxy in front of the app. */
    public record Nginx(Optional<String> serverName, int listenPort, String clientMaxBodySize,
                        int proxyTimeoutSeconds, String image) {}

    /** Settings only the compose kit uses. */
    public record Compose(String restartPolicy) {}

    /**
     * HTTPS in every nginx the kit renders.
     *
     * @param certificate    the certificate chain (PEM) on the machine
     * @param certificateKey its private key
     * @param acme           certificates come from Let's Encrypt through certbot's webroot mode
     * @param acmeEmail      the ACME account's address, optional
     * @param acmeWebroot    the folder nginx serves /.well-known/acme-challenge/ from
     * @param port           the HTTPS port nginx publishes
     */
    public record Tls(String certificate, String certificateKey, boolean acme, Optional<String> acmeEmail,
                      String acmeWebroot, int port, boolean hstsIncludeSubDomains) {}

    /**
     * A bare machine: systemd runs {@code instances} copies of the app on consecutive ports
     * from {@link App#port()}, nginx balances over them and serves static files itself.
     *
     * @param prefix          where releases are installed, e.g. /opt/shop
     * @param staticDirectory the directory nginx serves under {@code staticPath}, no trailing slash
     * @param staticPath      the URL prefix of static files, with leading and trailing slash
     * @param javaCommand     the absolute path of the java launcher
     */
    public record Host(int instances, String prefix, String staticDirectory, String staticPath, String javaCommand) {}
}
