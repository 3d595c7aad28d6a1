package dev.hostkit.testing;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.KitProject.Runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One way of configuring a sample project, with what its kit must then contain. The
 * expectations are written out here, from the README's defaults, and never read back from the
 * plugin's own model: these tests are a second opinion.
 *
 * @param name      shown in test names
 * @param project   the project the kit is rendered for
 * @param configure applied to fresh {@link HostingSettings}
 */
public record KitVariant(String name, KitProject project, Consumer<HostingSettings> configure) {
    /** The placeholder jar of {@link KitProject#placeholderJar} projects. */
    public static final String APP_JAR = "shop-1.0.0.jar";
    /** What {@link #withCertificate()} configures: paths only (nothing reads them while rendering). */
    public static final String CERTIFICATE = "/etc/ssl/shop/fullchain.pem";
    public static final String CERTIFICATE_KEY = "/etc/ssl/shop/privkey.pem";

    /** How a kit serves HTTPS. */
    public enum Tls { OFF, CERTIFICATE, ACME }

    /** The placeholder "shop" jar project, Java release 17, without dependencies. */
    public static KitVariant java(String name, Consumer<HostingSettings> configure) {
        return new KitVariant(name, KitProject.placeholderJar("17", false), configure);
    }

    /** The Django example as the pom project "shop". */
    public static KitVariant python(String name, Consumer<HostingSettings> configure) {
        return new KitVariant(name, KitProject.django("shop"), configure);
    }

    /** This variant with more settings applied after its own. */
    public KitVariant with(String suffix, Consumer<HostingSettings> more) {
        return new KitVariant(name + "+" + suffix, project, configure.andThen(more));
    }

    /** HTTPS from a certificate and key at {@link #CERTIFICATE} and {@link #CERTIFICATE_KEY}. */
    public KitVariant withCertificate() {
        return with("certificate", settings -> settings.set("tlsCertificate", CERTIFICATE).set("tlsCertificateKey", CERTIFICATE_KEY));
    }

    /** HTTPS from Let's Encrypt (needs a server name). */
    public KitVariant withAcme() {
        return with("acme", settings -> settings.set("tlsAcme", "true"));
    }

    public HostingSettings settings() {
        HostingSettings settings = new HostingSettings();
        configure.accept(settings);
        return settings;
    }

    /** Makes the project in DIR and renders its kit into DIR/target/hosting, as the goal does. */
    public SampleKit render(Path dir) {
        return SampleKit.render(this, dir);
    }

    public boolean isPython() {
        return project.runtime() == Runtime.PYTHON;
    }

    private String setting(String name, String fallback) {
        return Optional.ofNullable(settings().get(name)).filter(value -> !value.isEmpty()).orElse(fallback);
    }

    public String appName() {
        return setting("appName", project.artifactId());
    }

    public int port() {
        return Integer.parseInt(setting("port", isPython() ? "8000" : "8080"));
    }

    public int listenPort() {
        return Integer.parseInt(setting("listenPort", "80"));
    }

    public String healthPath() {
        return setting("healthPath", "/");
    }

    public Optional<String> serverName() {
        return Optional.ofNullable(settings().get("serverName")).filter(name -> !name.isEmpty());
    }

    /** The Java release of a placeholder jar project (17 for others). */
    public String javaRelease() {
        return project instanceof KitProject.PlaceholderJar jar ? jar.javaRelease() : "17";
    }

    public String baseImage() {
        return setting("baseImage", isPython() ? "python:" + setting("pythonVersion", "3.11") + "-slim"
                : "eclipse-temurin:" + javaRelease() + "-jre");
    }

    public String clientMaxBodySize() {
        return setting("clientMaxBodySize", "10m");
    }

    public int proxyTimeoutSeconds() {
        return Integer.parseInt(setting("proxyTimeout", "60"));
    }

    public String restartPolicy() {
        return setting("restartPolicy", "unless-stopped");
    }

    public int maxRamPercentage() {
        return Integer.parseInt(setting("maxRamPercentage", "75"));
    }

    public Map<String, String> env() {
        return settings().getMap("env");
    }

    public int instances() {
        return Integer.parseInt(setting("instances", "1"));
    }

    public Tls tls() {
        if ("true".equals(settings().get("tlsAcme"))) {
            return Tls.ACME;
        }
        return settings().get("tlsCertificate") != null ? Tls.CERTIFICATE : Tls.OFF;
    }

    public int tlsPort() {
        return Integer.parseInt(setting("tlsPort", "443"));
    }

    /** The Strict-Transport-Security value: two years, and includeSubDomains only when asked. */
    public String hsts() {
        return "max-age=63072000" + ("true".equals(settings().get("tlsHstsIncludeSubDomains")) ? "; includeSubDomains" : "");
    }

    public String acmeWebroot() {
        return setting("tlsAcmeWebroot", "/var/www/letsencrypt");
    }

    /** Whether a placeholder jar project has its dependency jar. */
    public boolean dependency() {
        return project instanceof KitProject.PlaceholderJar jar && jar.dependency();
    }

    /** The files a Java project's Dockerfile must COPY into the image, relative to docker/. */
    public List<String> copiedFiles() {
        if (project instanceof KitProject.Built built) {
            return built.contextFiles();
        }
        return dependency() ? List.of("lib/" + KitProject.DEPENDENCY_JAR, APP_JAR) : List.of(APP_JAR);
    }

    /** The source of a Java image's last COPY, the app's own code: its jar unless its framework's build splits it. */
    public String appLayer() {
        return project instanceof KitProject.Built built ? built.appLayer() : APP_JAR;
    }

    @Override
    public String toString() {
        return name;
    }
}
