package dev.hostkit.core;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.testing.KitResolution;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every setting's values, through the real core (declarations, parsing, the targets and the
 * runtime): an accepted value reaches the template variable that carries it; a rejected one
 * fails with a message that names the property, shows the value and says what is allowed.
 */
class SettingValidationTest {
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    @TempDir
    Path dir;

    private SampleProject project;

    @BeforeEach
    void createProject() {
        project = SampleProject.create(dir);
    }

    /** Settings with this one value; the TLS ones on top of a certificate, as most count only with TLS on. */
    private static HostingSettings with(String property, String value) {
        HostingSettings settings = property.startsWith("hosting.tls.")
                ? new HostingSettings().set("tlsCertificate", "/etc/ssl/shop/fullchain.pem")
                        .set("tlsCertificateKey", "/etc/ssl/shop/privkey.pem")
                : new HostingSettings();
        // the kubernetes target is opt-in: its settings reach their variables only in a kit that has it
        return settings.setList("targets", List.of("docker", "compose", "host", "kubernetes")).set(setting(property).name(), value);
    }

    private static Setting<?> setting(String property) {
        return BuiltIns.load().kitSettings().stream().filter(setting -> setting.label().equals(property)).findFirst()
                .orElseThrow(() -> new AssertionError("no setting has the property " + property));
    }

    /** The value as InvalidSettingException shows it: in single quotes, control characters escaped. */
    private static String shown(String value) {
        return "'" + value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\u0001", "\\u0001") + "'";
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("hosting.port", " 81 ", 81),
                arguments("hosting.port", "1", 1),
                arguments("hosting.port", "65535", 65535),
                arguments("hosting.listenPort", "443", 443),
                arguments("hosting.serverName", "*.example.com", Optional.of("*.example.com")),
                arguments("hosting.serverName", "localhost", Optional.of("localhost")),
                arguments("hosting.serverName", "", Optional.empty()),
                arguments("hosting.healthPath", "/health", "/health"),
                arguments("hosting.baseImage", "eclipse-temurin@" + DIGEST, "eclipse-temurin@" + DIGEST),
                arguments("hosting.baseImage", "eclipse-temurin:21-jre@" + DIGEST, "eclipse-temurin:21-jre@" + DIGEST),
                arguments("hosting.baseImage", " eclipse-temurin:21-jre ", "eclipse-temurin:21-jre"),
                arguments("hosting.nginxImage", "docker.io/library/nginx:1.28", "docker.io/library/nginx:1.28"),
                arguments("hosting.proxyTimeout", "1", 1),
                arguments("hosting.proxyTimeout", "3600", 3600),
                arguments("hosting.clientMaxBodySize", "0", "0"),
                arguments("hosting.clientMaxBodySize", "512K", "512K"),
                arguments("hosting.restartPolicy", "no", "no"),
                arguments("hosting.ipv6", "false", false),
                arguments("hosting.memoryLimit", "512m", "512m"),
                arguments("hosting.memoryLimit", "2g", "2g"),
                arguments("hosting.hostMemoryLimit", "512m", "512M"),
                arguments("hosting.hostMemoryLimit", "2g", "2G"),
                arguments("hosting.hostNginxVersion", "1.26.3", "1.26.3"),
                arguments("hosting.composeNginxVersion", "1.28", "1.28"),
                arguments("hosting.cpuLimit", "0.5", "0.5"),
                arguments("hosting.cpuLimit", "0.05", "0.05"),
                arguments("hosting.cpuLimit", "16", "16"),
                arguments("hosting.restartPolicy", "always", "always"),
                arguments("hosting.restartPolicy", "on-failure", "on-failure"),
                arguments("hosting.restartPolicy", "on-failure:9999", "on-failure:9999"),
                arguments("hosting.maxRamPercentage", "10", 10),
                arguments("hosting.maxRamPercentage", "95", 95),
                arguments("hosting.instances", "64", 64),
                arguments("hosting.installPrefix", "/opt/shop/", "/opt/shop"),
                arguments("hosting.staticPath", "/a/b/", "/a/b/"),
                arguments("hosting.appName", "", "shop"),
                arguments("hosting.port", "", 8080),
                arguments("hosting.javaVersion", "21", 21),
                arguments("hosting.framework", "micronaut", "micronaut"),
                arguments("hosting.framework", " spring-boot ", "spring-boot"),
                arguments("hosting.framework", "plain", "plain"),
                arguments("hosting.tls.port", "8443", 8443),
                arguments("hosting.tls.acmeEmail", "ops@example.com", "ops@example.com"),
                arguments("hosting.namespace", "shop-prod", "shop-prod"),
                arguments("hosting.namespace", "", "shop"),
                arguments("hosting.image", "registry.example.com:5000/team/shop", "registry.example.com:5000/team/shop:1.0.0"),
                arguments("hosting.image", "shop:2.1", "shop:2.1"),
                arguments("hosting.imagePullPolicy", "IfNotPresent", "IfNotPresent"),
                arguments("hosting.imagePullPolicy", "", "Always"),
                arguments("hosting.minReplicas", "3", 3),
                arguments("hosting.maxReplicas", "100", 100),
                arguments("hosting.targetCpuUtilization", "80", 80),
                arguments("hosting.podCpuRequest", "1500m", "1500m"),
                arguments("hosting.podCpuRequest", "0.25", "0.25"),
                arguments("hosting.podCpuRequest", "2", "2"),
                arguments("hosting.podMemoryRequest", "256Mi", "256Mi"),
                arguments("hosting.podMemoryRequest", "", "512Mi"),
                arguments("hosting.podMemoryLimit", "2Gi", "2Gi"),
                arguments("hosting.ingressClassName", "traefik", "traefik"),
                arguments("hosting.ingressNamespace", "kube-system", "kube-system"),
                arguments("hosting.envSecret", "shop-secrets", "shop-secrets"),
                arguments("hosting.envSecret", "", "shop-env"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("accepted")
    void acceptedValuesReachTheirVariable(String property, String value, Object expected) {
        String variable = setting(property).variable().orElseThrow(() -> new AssertionError(property + " shows in no variable"));
        Object shown = KitResolution.variable(KitResolution.variables(with(property, value), project.facts()), variable);
        assertEquals(expected instanceof java.util.Optional<?> optional ? optional.orElse(null) : expected, shown);
    }

    static Stream<Arguments> rejected() {
        String tooLongHost = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(63));
        return Stream.of(
                arguments("hosting.port", "abc"),
                arguments("hosting.port", "0"),
                arguments("hosting.port", "65536"),
                arguments("hosting.port", "-1"),
                arguments("hosting.port", "80.0"),
                arguments("hosting.port", "9999999999"),
                arguments("hosting.listenPort", "http"),
                arguments("hosting.listenPort", "0"),
                arguments("hosting.listenPort", "70000"),
                arguments("hosting.appName", "shop;rm"),
                arguments("hosting.appName", "shop{"),
                arguments("hosting.appName", "shop}"),
                arguments("hosting.appName", "shop\"x"),
                arguments("hosting.appName", "shop'x"),
                arguments("hosting.appName", "my shop"),
                arguments("hosting.appName", "Shop"),
                arguments("hosting.appName", "-shop"),
                arguments("hosting.appName", "shop-"),
                arguments("hosting.appName", "a".repeat(64)),
                arguments("hosting.serverName", "shop example.com"),
                arguments("hosting.serverName", "shop.example.com;"),
                arguments("hosting.serverName", "shop{.com"),
                arguments("hosting.serverName", "shop\".com"),
                arguments("hosting.serverName", "shop.example.com\nreturn 200"),
                arguments("hosting.serverName", "shop..example.com"),
                arguments("hosting.serverName", "-shop.example.com"),
                arguments("hosting.serverName", "*.*.example.com"),
                arguments("hosting.serverName", "a".repeat(64) + ".com"),
                arguments("hosting.serverName", tooLongHost),
                arguments("hosting.healthPath", "health"),
                arguments("hosting.healthPath", "/he\"alth"),
                arguments("hosting.healthPath", "/he alth"),
                arguments("hosting.healthPath", "/he%20alth"),
                arguments("hosting.healthPath", "/health;"),
                arguments("hosting.healthPath", "/health'"),
                arguments("hosting.javaVersion", "7"),
                arguments("hosting.javaVersion", "100"),
                arguments("hosting.javaVersion", "seventeen"),
                arguments("hosting.baseImage", "eclipse-temurin"),
                arguments("hosting.baseImage", "eclipse-temurin:latest"),
                arguments("hosting.baseImage", "eclipse temurin:21"),
                arguments("hosting.baseImage", "eclipse-temurin:21 jre"),
                arguments("hosting.baseImage", "Eclipse-Temurin:21"),
                arguments("hosting.baseImage", "eclipse-temurin:\"21\""),
                arguments("hosting.baseImage", "eclipse-temurin@sha256:abc"),
                arguments("hosting.nginxImage", "nginx"),
                arguments("hosting.nginxImage", "nginx:latest"),
                arguments("hosting.mainClass", "com.example.Main;"),
                arguments("hosting.mainClass", "com.example..Main"),
                arguments("hosting.mainClass", "com.example.Main -Dx=1"),
                arguments("hosting.clientMaxBodySize", "10 m"),
                arguments("hosting.clientMaxBodySize", "10mb"),
                arguments("hosting.clientMaxBodySize", "-1"),
                arguments("hosting.clientMaxBodySize", "10m;"),
                arguments("hosting.proxyTimeout", "0"),
                arguments("hosting.proxyTimeout", "3601"),
                arguments("hosting.proxyTimeout", "60s"),
                arguments("hosting.restartPolicy", "sometimes"),
                arguments("hosting.ipv6", "no"),
                arguments("hosting.memoryLimit", "512"),
                arguments("hosting.memoryLimit", "512MB"),
                arguments("hosting.memoryLimit", "0m"),
                arguments("hosting.hostMemoryLimit", "512"),
                arguments("hosting.hostMemoryLimit", "512MB"),
                arguments("hosting.hostMemoryLimit", "0m"),
                arguments("hosting.hostNginxVersion", "1"),
                arguments("hosting.hostNginxVersion", "v1.26"),
                arguments("hosting.composeNginxVersion", "latest"),
                arguments("hosting.cpuLimit", "0"),
                arguments("hosting.cpuLimit", "0.0"),
                arguments("hosting.cpuLimit", "1.234"),
                arguments("hosting.cpuLimit", "-1"),
                arguments("hosting.restartPolicy", "on-failure:0"),
                arguments("hosting.restartPolicy", "on-failure:10000"),
                arguments("hosting.restartPolicy", "Always"),
                arguments("hosting.maxRamPercentage", "9"),
                arguments("hosting.maxRamPercentage", "96"),
                arguments("hosting.maxRamPercentage", "75%"),
                arguments("hosting.instances", "0"),
                arguments("hosting.instances", "65"),
                arguments("hosting.installPrefix", "opt/shop"),
                arguments("hosting.installPrefix", "/"),
                arguments("hosting.installPrefix", "/opt/my shop"),
                arguments("hosting.installPrefix", "/opt/shop;"),
                arguments("hosting.installPrefix", "/opt/../etc"),
                arguments("hosting.installPrefix", "/opt/shop/.."),
                arguments("hosting.staticDirectory", "/var/www/{shop}"),
                arguments("hosting.staticDirectory", "/var/./www"),
                arguments("hosting.staticPath", "/static"),
                arguments("hosting.staticPath", "static/"),
                arguments("hosting.staticPath", "/"),
                arguments("hosting.staticPath", "/st atic/"),
                arguments("hosting.javaCommand", "java"),
                arguments("hosting.javaCommand", "/usr/bin/java -Xmx1g"),
                arguments("hosting.tls.acme", "yes"),
                arguments("hosting.tls.port", "0"),
                arguments("hosting.tls.port", "80"),
                arguments("hosting.tls.acmeEmail", "ops@"),
                arguments("hosting.tls.acmeEmail", "ops@example.com; rm"),
                arguments("hosting.tls.acmeWebroot", "var/www"),
                arguments("hosting.tls.hstsIncludeSubDomains", "yes"),
                arguments("hosting.tls.certificate", "fullchain.pem"),
                arguments("hosting.tls.certificateKey", "/etc/ssl/my key.pem"),
                arguments("hosting.runtime", "ruby"),
                arguments("hosting.framework", "spring"),
                arguments("hosting.framework", "Quarkus"),
                arguments("hosting.framework", "none"),
                arguments("hosting.appDirectory", "no/such/folder"),
                arguments("hosting.wsgiModule", "mysite.wsgi"),
                arguments("hosting.wsgiModule", "mysite.wsgi:app lication"),
                arguments("hosting.workers", "0"),
                arguments("hosting.workers", "257"),
                arguments("hosting.workers", "two"),
                arguments("hosting.pythonVersion", "2.7"),
                arguments("hosting.pythonVersion", "3"),
                arguments("hosting.namespace", "Shop"),
                arguments("hosting.namespace", "shop_prod"),
                arguments("hosting.namespace", "-shop"),
                arguments("hosting.namespace", "a".repeat(64)),
                arguments("hosting.image", "shop:latest"),
                arguments("hosting.image", "Shop"),
                arguments("hosting.image", "shop:1 0"),
                arguments("hosting.imagePullPolicy", "always"),
                arguments("hosting.minReplicas", "1"),
                arguments("hosting.minReplicas", "101"),
                arguments("hosting.maxReplicas", "1"),
                arguments("hosting.maxReplicas", "many"),
                arguments("hosting.targetCpuUtilization", "5"),
                arguments("hosting.targetCpuUtilization", "101"),
                arguments("hosting.podCpuRequest", "2 cores"),
                arguments("hosting.podCpuRequest", "0"),
                arguments("hosting.podCpuRequest", "-1"),
                arguments("hosting.podMemoryRequest", "512MB"),
                arguments("hosting.podMemoryLimit", "512m"),
                arguments("hosting.podMemoryLimit", "512MB"),
                arguments("hosting.podMemoryLimit", "1.5Gi"),
                arguments("hosting.ingressClassName", "Nginx"),
                arguments("hosting.ingressNamespace", "ingress.nginx"),
                arguments("hosting.envSecret", "shop secrets"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("rejected")
    void rejectedValuesNameTheParameterTheValueAndWhatIsAllowed(String property, String value) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> KitResolution.variables(with(property, value), project.facts()));
        assertEquals(property, e.parameter(), e.getMessage());
        String start = "Invalid value for " + property + ": " + shown(value.trim()) + ". Allowed: ";
        assertTrue(e.getMessage().startsWith(start), () -> "expected a message starting with\n" + start + "\nbut was\n" + e.getMessage());
    }

    /** A Java kit sets PORT for each instance itself: {@code <env><PORT>} would take every instance to one port. */
    @Test
    void portIsNoEnvEntry() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> KitResolution.variables(
                new HostingSettings().setMap("env", Map.of("PORT", "9000")), project.facts()));
        assertEquals("Invalid value for hosting.env: 'PORT'. Allowed: names of variables the kit does not set itself "
                + "(BIND_ADDRESS, PORT). hostkit sets PORT from hosting.port (on a bare machine, one port per instance): "
                + "set that instead.", e.getMessage());
    }

    /** The framework decides the variables: a Spring Boot app's port is SERVER_PORT, and PORT is the app's own. */
    @Test
    void theFrameworksVariablesAreNoEnvEntries() {
        HostingSettings springBoot = new HostingSettings().set("framework", "spring-boot");
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> KitResolution.variables(
                springBoot.overlay(new HostingSettings().setMap("env", Map.of("SERVER_ADDRESS", "0.0.0.0"))), project.facts()));
        assertEquals("Invalid value for hosting.env: 'SERVER_ADDRESS'. Allowed: names of variables the kit does not set itself "
                + "(SERVER_ADDRESS, SERVER_FORWARD_HEADERS_STRATEGY, SERVER_PORT). hostkit sets SERVER_ADDRESS from "
                + "hosting.framework (spring-boot: 127.0.0.1 on a bare machine, loopback only): set that instead.", e.getMessage());
        assertDoesNotThrow(() -> KitResolution.variables(springBoot.overlay(new HostingSettings().setMap("env",
                Map.of("PORT", "9000"))), project.facts()), "PORT is the app's own variable then");
    }

    /** Each declared setting's variable is one a real kit has: its resolved value, default or set. */
    @Test
    void everySettingsVariableExistsInAKitThatUsesIt() {
        HostingSettings acme = new HostingSettings().set("serverName", "shop.example.com").set("tlsAcme", "true")
                .set("tlsAcmeEmail", "ops@example.com").set("memoryLimit", "512m").set("cpuLimit", "1").set("hostMemoryLimit", "512m")
                .setList("targets", List.of("docker", "compose", "host", "kubernetes"));
        Map<String, Object> java = KitResolution.variables(acme, project.facts());
        for (Setting<?> setting : BuiltIns.load().kitSettings()) {
            setting.variable().filter(path -> !path.startsWith("python."))
                    .ifPresent(path -> assertTrue(KitResolution.variable(java, path) != null, setting + ": no variable " + path));
        }
    }

    /** A setting added later gets its bad values here too. */
    @Test
    void everySingleValueSettingHasARejectedValueAbove() {
        Set<String> rejected = rejected().map(arguments -> (String) arguments.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = BuiltIns.load().kitSettings().stream().filter(setting -> setting.shape() == Setting.Shape.VALUE)
                .map(Setting::label).collect(Collectors.toCollection(TreeSet::new));
        declared.removeAll(rejected);
        assertEquals(Set.of(), declared, "settings without a rejected value in rejected()");
    }
}
