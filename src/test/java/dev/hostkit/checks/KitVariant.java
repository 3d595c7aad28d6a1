package dev.hostkit.checks;

import dev.hostkit.core.settings.HostingSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One way of configuring the sample project "shop" 1.0.0, with what the kit must then contain.
 * The expectations are written out here, from the README's defaults, and never read back from
 * the plugin's own model: these tests are a second opinion.
 *
 * @param name        shown in test names
 * @param dependency  whether the project has a runtime dependency jar (dep-1.0.jar)
 * @param javaRelease the project's maven.compiler.release
 * @param configure   applied to fresh {@link HostingSettings}
 */
record KitVariant(String name, boolean dependency, String javaRelease, Consumer<HostingSettings> configure) {
    static final String DEPENDENCY_JAR = "dep-1.0.jar";
    static final String APP_JAR = "shop-1.0.0.jar";

    /** Values a compose env file must carry unchanged: quotes, backslashes, non-ASCII, '#', '$'. */
    static final Map<String, String> AWKWARD_ENV = awkwardEnv();

    /** The variants every check runs on. */
    static Stream<KitVariant> all() {
        return Stream.of(
                new KitVariant("defaults", false, "17", settings -> {}),
                new KitVariant("server-name", true, "17", settings -> settings.set("serverName", "shop.example.com")),
                new KitVariant("wildcard-server-name", false, "17", settings -> settings.set("serverName", "*.example.com")),
                new KitVariant("custom-ports-and-health-query", true, "17", settings -> settings
                        .set("port", "9090").set("listenPort", "8081").set("healthPath", "/actuator/health?probe=liveness&full=1")
                        .set("clientMaxBodySize", "25m").set("proxyTimeout", "120").set("restartPolicy", "on-failure:5")
                        .set("maxRamPercentage", "60")),
                new KitVariant("env-needing-quotes", true, "17", settings -> settings.setMap("env", AWKWARD_ENV)),
                new KitVariant("java-21", false, "21", settings -> {}),
                new KitVariant("base-image-override", true, "17", settings -> settings
                        .set("baseImage", "eclipse-temurin:21-jre-noble").set("nginxImage", "nginx:1.27.5")),
                // a YAML 1.1 reader takes a bare no for false and a bare 2048 for a number
                new KitVariant("restart-no", false, "17", settings -> settings.set("restartPolicy", "no")),
                new KitVariant("app-name-starting-with-digit", false, "17", settings -> settings.set("appName", "2048")));
    }

    /** The variant of {@link #all()} with this name. */
    static KitVariant named(String name) {
        return all().filter(variant -> variant.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No kit variant " + name));
    }

    /** This variant with more settings applied after its own. */
    KitVariant with(String suffix, Consumer<HostingSettings> more) {
        return new KitVariant(name + "+" + suffix, dependency, javaRelease, configure.andThen(more));
    }

    HostingSettings settings() {
        HostingSettings settings = new HostingSettings();
        configure.accept(settings);
        return settings;
    }

    private String setting(Function<HostingSettings, String> getter, String fallback) {
        return Optional.ofNullable(getter.apply(settings())).filter(value -> !value.isEmpty()).orElse(fallback);
    }

    String appName() {
        return setting(s -> s.get("appName"), "shop");
    }

    int port() {
        return Integer.parseInt(setting(s -> s.get("port"), "8080"));
    }

    int listenPort() {
        return Integer.parseInt(setting(s -> s.get("listenPort"), "80"));
    }

    String healthPath() {
        return setting(s -> s.get("healthPath"), "/");
    }

    Optional<String> serverName() {
        return Optional.ofNullable(settings().get("serverName")).filter(name -> !name.isEmpty());
    }

    String baseImage() {
        return setting(s -> s.get("baseImage"), "eclipse-temurin:" + javaRelease + "-jre");
    }

    String clientMaxBodySize() {
        return setting(s -> s.get("clientMaxBodySize"), "10m");
    }

    int proxyTimeoutSeconds() {
        return Integer.parseInt(setting(s -> s.get("proxyTimeout"), "60"));
    }

    String restartPolicy() {
        return setting(s -> s.get("restartPolicy"), "unless-stopped");
    }

    int maxRamPercentage() {
        return Integer.parseInt(setting(s -> s.get("maxRamPercentage"), "75"));
    }

    Map<String, String> env() {
        return settings().getMap("env");
    }

    /** The files the Dockerfile must COPY into the image, relative to docker/. */
    List<String> copiedFiles() {
        return dependency ? List.of("lib/" + DEPENDENCY_JAR, APP_JAR) : List.of(APP_JAR);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Map<String, String> awkwardEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUOTES_AND_BACKSLASH", "a \"b\" \\c");
        env.put("TAB", "a\tb");
        env.put("NON_ASCII", "Grüße, 世界 ✓ é");
        env.put("PADDED", "  spaces around  ");
        env.put("HASH", "value # not a comment");
        env.put("SINGLE_QUOTE", "it's");
        env.put("DOLLAR", "pa$$word and $HOME and ${USER}");
        env.put("EMPTY", "");
        env.put("EQUALS", "a=b=c");
        return Map.copyOf(env);
    }
}
