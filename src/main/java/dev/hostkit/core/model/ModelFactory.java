package dev.hostkit.core.model;

import dev.hostkit.core.render.Quoting;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarFile;

import static dev.hostkit.core.model.Checks.orDefault;

/**
 * Turns what the user typed ({@link HostingSettings}) and what the build knows
 * ({@link ProjectFacts}) into a validated {@link HostingModel}, or fails with an
 * {@link InvalidSettingException} before anything is rendered or written.
 */
public final class ModelFactory {
    public static final List<String> DEFAULT_TARGETS = List.of("docker", "compose", "host");
    static final int DEFAULT_PORT = 8080;
    static final int DEFAULT_PYTHON_PORT = 8000;
    static final int DEFAULT_LISTEN_PORT = 80;
    static final int DEFAULT_JAVA_RELEASE = 17;
    static final int CONTAINER_UID = 10001;
    static final String DEFAULT_NGINX_IMAGE = "nginx:1.28";

    private final Collection<String> knownTargets;
    private final List<String> defaultTargets;

    /**
     * @param knownTargets   every target that has templates (built-in or the user's)
     * @param customTargets  the user's own target folders, rendered by default with the built-in defaults
     */
    public ModelFactory(Collection<String> knownTargets, Collection<String> customTargets) {
        this.knownTargets = List.copyOf(knownTargets);
        List<String> defaults = new ArrayList<>(DEFAULT_TARGETS);
        defaults.addAll(customTargets);
        this.defaultTargets = List.copyOf(defaults);
    }

    public HostingModel create(HostingSettings settings, ProjectFacts project) {
        List<String> targets = targets(settings.getTargets());
        Path appDirectory = appDirectory(settings.getAppDirectory(), project.baseDir());
        HostingModel.AppRuntime runtime = runtime(settings.getRuntime(), project, appDirectory);
        boolean python = runtime == HostingModel.AppRuntime.PYTHON;
        HostingModel.App app = new HostingModel.App(
                appName(settings.getAppName(), project.artifactId()),
                project.version(),
                settings.getPort() == null ? (python ? DEFAULT_PYTHON_PORT : DEFAULT_PORT) : Checks.port("hosting.port", settings.getPort()),
                Checks.matching("hosting.healthPath", orDefault(settings.getHealthPath(), "/"), Checks.URL_PATH,
                        "Allowed: a path that starts with '/' made of letters, digits and . _ ~ / -, "
                                + "optionally followed by ?query of the same and = &."));
        int release = javaRelease(settings.getJavaVersion(), project.javaRelease());
        boolean needsJar = !python && (targets.contains("docker") || targets.contains("host"));
        HostingModel.JavaApp java = new HostingModel.JavaApp(
                release,
                needsJar ? mainClass(settings.getMainClass(), project.artifactFile()) : orDefault(settings.getMainClass(), ""),
                needsJar ? project.artifactFile() : null,
                needsJar ? project.runtimeJars() : List.of(),
                Checks.intInRange("hosting.maxRamPercentage", orDefault(settings.getMaxRamPercentage(), "75"), 10, 95,
                        "Allowed: a whole number from 10 to 95 (the share of the container's memory the heap may use)."));
        Optional<HostingModel.PythonApp> pythonApp = python
                ? Optional.of(PythonProject.model(settings, appDirectory)) : Optional.empty();
        String defaultImage = pythonApp.map(p -> "python:" + p.version() + "-slim").orElse("eclipse-temurin:" + release + "-jre");
        HostingModel.Docker docker = new HostingModel.Docker(
                Checks.image("hosting.baseImage", orDefault(settings.getBaseImage(), defaultImage)),
                CONTAINER_UID);
        HostingModel.Nginx nginx = new HostingModel.Nginx(
                serverName(settings.getServerName()),
                settings.getListenPort() == null ? DEFAULT_LISTEN_PORT : Checks.port("hosting.listenPort", settings.getListenPort()),
                Checks.matching("hosting.clientMaxBodySize", orDefault(settings.getClientMaxBodySize(), "10m"), Checks.SIZE,
                        "Allowed: a size in nginx syntax, a number with an optional k, m or g suffix (such as 10m)."),
                Checks.intInRange("hosting.proxyTimeout", orDefault(settings.getProxyTimeout(), "60"), 1, 3600,
                        "Allowed: a whole number of seconds from 1 to 3600."),
                Checks.image("hosting.nginxImage", orDefault(settings.getNginxImage(), DEFAULT_NGINX_IMAGE)));
        HostingModel.Compose compose = new HostingModel.Compose(
                Checks.matching("hosting.restartPolicy", orDefault(settings.getRestartPolicy(), "unless-stopped"), Checks.RESTART,
                        "Allowed: no, always, unless-stopped, on-failure or on-failure:N."));
        HostingModel.Host host = host(settings, app);
        if (python && host.instances() > 1) {
            throw new InvalidSettingException("hosting.instances", String.valueOf(host.instances()),
                    "Allowed: 1 for a Python app: one gunicorn master scales with hosting.workers instead.");
        }
        return new HostingModel(app, runtime, java, pythonApp, docker, nginx, compose, host, tls(settings, nginx),
                env(settings.getEnv()), values(settings.getValues()), targets);
    }

    private static HostingModel.Host host(HostingSettings settings, HostingModel.App app) {
        int instances = Checks.intInRange("hosting.instances", orDefault(settings.getInstances(), "1"), 1, 64,
                "Allowed: a whole number from 1 to 64 (app instances on consecutive ports from hosting.port).");
        if (app.port() + instances - 1 > 65535) {
            throw new InvalidSettingException("hosting.instances", String.valueOf(instances),
                    "Allowed: at most " + (65535 - app.port() + 1) + " instances from hosting.port " + app.port()
                            + ", so that the last port (port + instances - 1) stays within 65535.");
        }
        String pathRule = "Allowed: an absolute path made of letters, digits and . _ - between '/' "
                + "(no spaces, quotes, ';' or braces), such as /opt/shop.";
        String prefix = absolutePath("hosting.installPrefix", orDefault(settings.getInstallPrefix(), "/opt/" + app.name()), pathRule);
        return new HostingModel.Host(
                instances,
                prefix,
                absolutePath("hosting.staticDirectory", orDefault(settings.getStaticDirectory(), prefix + "/static"), pathRule),
                Checks.matching("hosting.staticPath", orDefault(settings.getStaticPath(), "/static/"), Checks.URL_PREFIX,
                        "Allowed: a URL path that starts and ends with '/', such as /static/ or /assets/img/."),
                absolutePath("hosting.javaCommand", orDefault(settings.getJavaCommand(), "/usr/bin/java"), pathRule));
    }

    private static Path appDirectory(String configured, Path baseDir) {
        if (configured == null || configured.isBlank()) {
            return baseDir;
        }
        Path directory = baseDir.resolve(configured.trim()).normalize();
        if (!Files.isDirectory(directory)) {
            throw new InvalidSettingException("hosting.appDirectory", configured,
                    "Allowed: an existing folder, absolute or relative to the project (" + baseDir + ").");
        }
        return directory;
    }

    private static HostingModel.AppRuntime runtime(String configured, ProjectFacts project, Path appDirectory) {
        if (configured != null && !configured.isBlank()) {
            return switch (configured.trim()) {
                case "java" -> HostingModel.AppRuntime.JAVA;
                case "python" -> HostingModel.AppRuntime.PYTHON;
                default -> throw new InvalidSettingException("hosting.runtime", configured, "Allowed: java or python.");
            };
        }
        boolean javaPackaging = project.packaging().equals("jar") || project.packaging().equals("war");
        boolean pythonFiles = Files.isRegularFile(appDirectory.resolve("manage.py"))
                || Files.isRegularFile(appDirectory.resolve("requirements.txt"));
        return !javaPackaging && pythonFiles && !project.hasJavaSources()
                ? HostingModel.AppRuntime.PYTHON : HostingModel.AppRuntime.JAVA;
    }

    private static Optional<HostingModel.Tls> tls(HostingSettings settings, HostingModel.Nginx nginx) {
        boolean acme = Boolean.parseBoolean(Checks.matching("hosting.tls.acme", orDefault(settings.getTlsAcme(), "false"),
                Checks.BOOLEAN, "Allowed: true or false."));
        // checked even while HTTPS is off: a bad value is an error wherever it is
        Optional<String> email = Optional.ofNullable(blankToNull(settings.getTlsAcmeEmail()))
                .map(value -> Checks.matching("hosting.tls.acmeEmail", value, Checks.EMAIL,
                        "Allowed: an e-mail address such as ops@example.com (Let's Encrypt sends expiry notices there)."));
        String webroot = absolutePath("hosting.tls.acmeWebroot", orDefault(settings.getTlsAcmeWebroot(), "/var/www/letsencrypt"),
                "Allowed: an absolute path made of letters, digits and . _ - between '/', such as /var/www/letsencrypt.");
        int port = settings.getTlsPort() == null ? 443 : Checks.port("hosting.tls.port", settings.getTlsPort());
        boolean includeSubDomains = Boolean.parseBoolean(Checks.matching("hosting.tls.hstsIncludeSubDomains",
                orDefault(settings.getTlsHstsIncludeSubDomains(), "false"), Checks.BOOLEAN, "Allowed: true or false."));
        String certificate = blankToNull(settings.getTlsCertificate());
        String key = blankToNull(settings.getTlsCertificateKey());
        if (!acme && certificate == null && key == null) {
            return Optional.empty();
        }
        String pathRule = "Allowed: the absolute path of a PEM file on the machine, made of letters, digits and . _ - "
                + "between '/', such as /etc/ssl/shop/fullchain.pem.";
        if (acme) {
            if (certificate != null || key != null) {
                throw new InvalidSettingException(certificate != null ? "hosting.tls.certificate" : "hosting.tls.certificateKey",
                        certificate != null ? certificate : key,
                        "Allowed: no certificate paths with hosting.tls.acme=true: certbot keeps them under /etc/letsencrypt/live/.");
            }
            String serverName = nginx.serverName().orElseThrow(() -> new InvalidSettingException("hosting.serverName", null,
                    "hosting.tls.acme=true needs the host name to request a certificate for: set hosting.serverName."));
            if (serverName.startsWith("*.")) {
                throw new InvalidSettingException("hosting.serverName", serverName,
                        "Allowed with hosting.tls.acme=true: a host name without '*': HTTP-01 challenges cannot prove wildcards.");
            }
            certificate = "/etc/letsencrypt/live/" + serverName + "/fullchain.pem";
            key = "/etc/letsencrypt/live/" + serverName + "/privkey.pem";
        } else if (certificate == null || key == null) {
            throw new InvalidSettingException(certificate == null ? "hosting.tls.certificate" : "hosting.tls.certificateKey", null,
                    "TLS needs both hosting.tls.certificate and hosting.tls.certificateKey (or hosting.tls.acme=true); "
                            + "only " + (certificate == null ? "hosting.tls.certificateKey" : "hosting.tls.certificate") + " is set.");
        } else {
            certificate = absolutePath("hosting.tls.certificate", certificate, pathRule);
            key = absolutePath("hosting.tls.certificateKey", key, pathRule);
        }
        if (port == nginx.listenPort()) {
            throw new InvalidSettingException("hosting.tls.port", String.valueOf(port),
                    "Allowed: a port other than hosting.listenPort (" + nginx.listenPort() + "), which serves plain HTTP.");
        }
        return Optional.of(new HostingModel.Tls(certificate, key, acme, email, webroot, port, includeSubDomains));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String absolutePath(String parameter, String value, String allowed) {
        String path = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        if (path.contains("/./") || path.contains("/../") || path.endsWith("/..") || path.endsWith("/.")) {
            throw new InvalidSettingException(parameter, value, allowed + " No '.' or '..' segments.");
        }
        return Checks.matching(parameter, path, Checks.ABSOLUTE_PATH, allowed);
    }

    private List<String> targets(List<String> requested) {
        List<String> targets = new ArrayList<>();
        for (String entry : requested == null || requested.isEmpty() ? defaultTargets : requested) {
            for (String target : entry.split(",")) {
                String name = target.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (!knownTargets.contains(name)) {
                    throw new InvalidSettingException("hosting.targets", name,
                            "Allowed: a comma-separated list of " + String.join(", ", knownTargets) + ".");
                }
                if (!targets.contains(name)) {
                    targets.add(name);
                }
            }
        }
        if (targets.isEmpty()) {
            throw new InvalidSettingException("hosting.targets", String.join(",", requested),
                    "Allowed: at least one of " + String.join(", ", knownTargets) + ".");
        }
        if (targets.contains("compose") && !targets.contains("docker")) {
            targets.add(0, "docker"); // compose builds its app image from ../docker
        }
        return List.copyOf(targets);
    }

    private static String appName(String configured, String artifactId) {
        String allowed = "Allowed: 1 to 63 lower-case letters, digits and '-', starting and ending with a letter "
                + "or digit (it names the image, the compose project, the nginx upstream and later units).";
        if (configured != null) {
            return Checks.matching("hosting.appName", configured, Checks.APP_NAME, allowed);
        }
        String derived = artifactId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (derived.length() > 63) {
            derived = derived.substring(0, 63).replaceAll("-+$", "");
        }
        return Checks.matching("hosting.appName", derived, Checks.APP_NAME,
                allowed + " The default comes from the artifactId '" + artifactId + "'; set hosting.appName.");
    }

    private static Optional<String> serverName(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 253) {
            throw new InvalidSettingException("hosting.serverName", value, "Allowed: a host name of at most 253 characters.");
        }
        return Optional.of(Checks.matching("hosting.serverName", value, Checks.HOST_NAME,
                "Allowed: one host name such as shop.example.com or *.example.com "
                        + "(letters, digits, '-' and '.', no spaces, quotes, ';' or braces)."));
    }

    private static int javaRelease(String configured, String fromProject) {
        String allowed = "Allowed: a Java feature release from 8 to 99, such as 17 or 21.";
        if (configured != null) {
            return Checks.intInRange("hosting.javaVersion", configured, 8, 99, allowed);
        }
        if (fromProject == null || fromProject.isBlank()) {
            return DEFAULT_JAVA_RELEASE;
        }
        String release = fromProject.trim().startsWith("1.") ? fromProject.trim().substring(2) : fromProject.trim();
        return Checks.intInRange("hosting.javaVersion", release, 8, 99,
                allowed + " It was derived from maven.compiler.release/target '" + fromProject + "'; set hosting.javaVersion.");
    }

    private static String mainClass(String configured, Path jar) {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new InvalidSettingException("hosting.jar", jar == null ? null : jar.toString(),
                    "The docker, compose and host targets copy the project's jar, so it must exist: run the goal in the "
                            + "package phase (mvn package) or after it (mvn package hosting:generate).");
        }
        String allowed = "Allowed: a fully qualified class name such as com.example.Main. Set hosting.mainClass, "
                + "or a Main-Class in the jar's manifest (maven-jar-plugin archive/manifest/mainClass).";
        if (configured != null && !configured.isBlank()) {
            return Checks.matching("hosting.mainClass", configured.trim(), Checks.CLASS_NAME, allowed);
        }
        String fromManifest;
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            var manifest = jarFile.getManifest();
            fromManifest = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + jar, e);
        }
        if (fromManifest == null) {
            throw new InvalidSettingException("hosting.mainClass", null,
                    allowed.replace("Allowed: a", "The jar " + jar.getFileName() + " has no Main-Class; expected a"));
        }
        return Checks.matching("hosting.mainClass", fromManifest.trim(), Checks.CLASS_NAME, allowed);
    }

    private static SortedMap<String, String> env(Map<String, String> env) {
        SortedMap<String, String> checked = new TreeMap<>();
        env.forEach((name, value) -> {
            Checks.matching("hosting.env", name, Checks.ENV_NAME,
                    "Allowed: environment variable names matching [A-Za-z_][A-Za-z0-9_]*.");
            String text = value == null ? "" : value;
            String allowed = "Allowed: one line of text without control characters other than tab; "
                    + "a value with '$' cannot also have a backslash before a quote or at its end (compose env file).";
            if (text.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw new InvalidSettingException("hosting.env." + name, text, allowed);
            }
            try {
                Quoting.composeEnvFile(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("hosting.env." + name, text, allowed);
            }
            checked.put(name, text);
        });
        return checked;
    }

    private static SortedMap<String, String> values(Map<String, String> values) {
        SortedMap<String, String> checked = new TreeMap<>();
        values.forEach((key, value) -> checked.put(
                Checks.matching("hosting.values", key, Checks.ENV_NAME,
                        "Allowed: keys matching [A-Za-z_][A-Za-z0-9_]* (templates read them as {{values.KEY}})."),
                value == null ? "" : value));
        return checked;
    }
}
