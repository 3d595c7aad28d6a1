package dev.hostkit.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The variants every rule of the docker and compose kits runs on: Java's and Python's. */
public final class KitVariants {
    /** Values a compose env file must carry unchanged: quotes, backslashes, non-ASCII, '#', '$'. */
    public static final Map<String, String> AWKWARD_ENV = awkwardEnv();

    private KitVariants() {}

    /** Every variant, Java's first. */
    public static Stream<KitVariant> all() {
        return Stream.concat(java(), python());
    }

    public static Stream<KitVariant> java() {
        return Stream.of(
                KitVariant.java("defaults", settings -> {}),
                withDependency(KitVariant.java("server-name", settings -> settings.set("serverName", "shop.example.com"))),
                KitVariant.java("wildcard-server-name", settings -> settings.set("serverName", "*.example.com")),
                withDependency(KitVariant.java("custom-ports-and-health-query", settings -> settings
                        .set("port", "9090").set("listenPort", "8081").set("healthPath", "/actuator/health?probe=liveness&full=1")
                        .set("clientMaxBodySize", "25m").set("proxyTimeout", "120").set("restartPolicy", "on-failure:5")
                        .set("maxRamPercentage", "60").set("memoryLimit", "768m").set("cpuLimit", "1.5"))),
                withDependency(KitVariant.java("env-needing-quotes", settings -> settings.setMap("env", AWKWARD_ENV))),
                new KitVariant("java-21", KitProject.placeholderJar("21", false), settings -> {}),
                withDependency(KitVariant.java("base-image-override", settings -> settings
                        .set("baseImage", "eclipse-temurin:21-jre-noble").set("nginxImage", "nginx:1.27.5"))),
                // a YAML 1.1 reader takes a bare no for false and a bare 2048 for a number
                KitVariant.java("restart-no", settings -> settings.set("restartPolicy", "no")),
                KitVariant.java("app-name-starting-with-digit", settings -> settings.set("appName", "2048")),
                // each framework's port, bind and proxy variables in the Dockerfile and the units
                KitVariant.java("spring-boot", settings -> settings.set("framework", "spring-boot").set("instances", "2")),
                new KitVariant("quarkus", KitProject.built(SampleProject::builtByQuarkus, "quarkus-app/app/",
                        SampleProject.QUARKUS_APP), settings -> settings.set("framework", "quarkus")),
                // Spring Boot's layers, extracted in a build stage
                new KitVariant("spring-boot-layers", KitProject.built(project -> project.layeredBySpringBoot("3.3.5"),
                        "/build/extracted/application/", List.of(KitVariant.APP_JAR)), settings -> settings.set("framework", "spring-boot")),
                KitVariant.java("micronaut", settings -> settings.set("framework", "micronaut").set("instances", "2")),
                // a management path opened on purpose: a location nested in the private one
                KitVariant.java("spring-boot-public-health", settings -> settings.set("framework", "spring-boot")
                        .setList("publicManagementPaths", List.of("/actuator/health"))),
                // MemoryMax= in the unit and the heap a share of it
                KitVariant.java("host-memory-limit", settings -> settings.set("instances", "2").set("hostMemoryLimit", "512m")));
    }

    public static Stream<KitVariant> python() {
        return Stream.of(
                KitVariant.python("python-defaults", settings -> {}),
                KitVariant.python("python-configured", settings -> settings.set("port", "9000").set("pythonVersion", "3.12")
                        .set("serverName", "hello.example.com").set("listenPort", "8081").set("workers", "3")
                        .set("healthPath", "/health").set("restartPolicy", "on-failure:5").setMap("env", Map.of("GREETING", "hi there"))
                        .set("memoryLimit", "1g").set("cpuLimit", "0.25")));
    }

    /** The variant of {@link #all()} with this name. */
    public static KitVariant named(String name) {
        return all().filter(variant -> variant.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No kit variant " + name));
    }

    private static KitVariant withDependency(KitVariant variant) {
        return new KitVariant(variant.name(), KitProject.placeholderJar("17", true), variant.configure());
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
