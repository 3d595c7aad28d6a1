package dev.hostkit.core.model;

import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.testing.SampleProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ModelFactoryTest {
    private static final List<String> BUILT_IN = List.of("compose", "docker", "host");
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    /** Every scalar setting by its {@code hosting.*} name. */
    private static final Map<String, BiConsumer<HostingSettings, String>> SETTERS = Map.ofEntries(
            entry("hosting.appName", HostingSettings::setAppName),
            entry("hosting.port", HostingSettings::setPort),
            entry("hosting.serverName", HostingSettings::setServerName),
            entry("hosting.listenPort", HostingSettings::setListenPort),
            entry("hosting.healthPath", HostingSettings::setHealthPath),
            entry("hosting.javaVersion", HostingSettings::setJavaVersion),
            entry("hosting.baseImage", HostingSettings::setBaseImage),
            entry("hosting.mainClass", HostingSettings::setMainClass),
            entry("hosting.nginxImage", HostingSettings::setNginxImage),
            entry("hosting.clientMaxBodySize", HostingSettings::setClientMaxBodySize),
            entry("hosting.proxyTimeout", HostingSettings::setProxyTimeout),
            entry("hosting.restartPolicy", HostingSettings::setRestartPolicy),
            entry("hosting.maxRamPercentage", HostingSettings::setMaxRamPercentage),
            entry("hosting.instances", HostingSettings::setInstances),
            entry("hosting.installPrefix", HostingSettings::setInstallPrefix),
            entry("hosting.staticDirectory", HostingSettings::setStaticDirectory),
            entry("hosting.staticPath", HostingSettings::setStaticPath),
            entry("hosting.javaCommand", HostingSettings::setJavaCommand),
            entry("hosting.tls.certificate", HostingSettings::setTlsCertificate),
            entry("hosting.tls.certificateKey", HostingSettings::setTlsCertificateKey),
            entry("hosting.tls.acme", HostingSettings::setTlsAcme),
            entry("hosting.tls.acmeEmail", HostingSettings::setTlsAcmeEmail),
            entry("hosting.tls.acmeWebroot", HostingSettings::setTlsAcmeWebroot),
            entry("hosting.tls.port", HostingSettings::setTlsPort),
            entry("hosting.tls.hstsIncludeSubDomains", HostingSettings::setTlsHstsIncludeSubDomains));

    @TempDir
    Path dir;

    private SampleProject project;

    @BeforeEach
    void createProject() {
        project = SampleProject.create(dir);
    }

    private HostingModel create(HostingSettings settings) {
        return create(settings, project.facts());
    }

    private static HostingModel create(HostingSettings settings, ProjectFacts facts) {
        return new ModelFactory(BUILT_IN, List.of()).create(settings, facts);
    }

    /** Settings with this one value; the TLS ones on top of a certificate, as they count only with TLS on. */
    private static HostingSettings with(String parameter, String value) {
        HostingSettings settings = parameter.startsWith("hosting.tls.") ? withCertificate() : new HostingSettings();
        SETTERS.get(parameter).accept(settings, value);
        return settings;
    }

    private static HostingSettings withCertificate() {
        return new HostingSettings().setTlsCertificate("/etc/ssl/shop/fullchain.pem").setTlsCertificateKey("/etc/ssl/shop/privkey.pem");
    }

    private ProjectFacts factsWith(String artifactId, Path jar, String javaRelease) {
        return new ProjectFacts(artifactId, "1.0.0", dir, jar, List.of(), javaRelease);
    }

    /** The value as InvalidSettingException shows it: in single quotes, control characters escaped. */
    private static String shown(String value) {
        return "'" + value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\u0001", "\\u0001") + "'";
    }

    /** Asserts the failure names the parameter, shows the value in quotes and says what is allowed. */
    private static InvalidSettingException assertRejected(Function<HostingSettings, HostingModel> create,
                                                          HostingSettings settings, String parameter, String value) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> create.apply(settings));
        assertEquals(parameter, e.parameter(), e.getMessage());
        String start = "Invalid value for " + parameter + ": " + shown(value) + ". Allowed: ";
        assertTrue(e.getMessage().startsWith(start), () -> "expected a message starting with\n" + start + "\nbut was\n" + e.getMessage());
        return e;
    }

    private InvalidSettingException assertRejected(HostingSettings settings, String parameter, String value) {
        return assertRejected(this::create, settings, parameter, value);
    }

    @Test
    void defaults() {
        HostingModel model = create(new HostingSettings());
        assertAll(
                () -> assertEquals(new HostingModel.App("shop", "1.0.0", 8080, "/"), model.app()),
                () -> assertEquals(new HostingModel.JavaApp(17, "com.example.shop.Main", project.jar(), List.of(), 75), model.java()),
                () -> assertEquals(new HostingModel.Docker("eclipse-temurin:17-jre", 10001), model.docker()),
                () -> assertEquals(new HostingModel.Nginx(Optional.empty(), 80, "10m", 60, "nginx:1.28"), model.nginx()),
                () -> assertEquals(new HostingModel.Compose("unless-stopped"), model.compose()),
                () -> assertEquals(new HostingModel.Host(1, "/opt/shop", "/opt/shop/static", "/static/", "/usr/bin/java"), model.host()),
                () -> assertEquals(Map.of(), model.env()),
                () -> assertEquals(Map.of(), model.values()),
                () -> assertEquals(List.of("docker", "compose", "host"), model.targets()));
    }

    @ParameterizedTest
    @CsvSource({
            "shop, shop",
            "My_Shop.App, my-shop-app",
            "--Shop--, shop",
            "shop__api..v2, shop-api-v2",
            "0shop9, 0shop9"})
    void appNameDefaultsToTheArtifactIdLowerCasedAndSanitized(String artifactId, String appName) {
        assertEquals(appName, create(new HostingSettings(), factsWith(artifactId, project.jar(), "17")).app().name());
    }

    @Test
    void aLongArtifactIdIsCutTo63CharactersWithoutATrailingDash() {
        String artifactId = "a".repeat(62) + "-b" + "c".repeat(10);
        assertEquals("a".repeat(62), create(new HostingSettings(), factsWith(artifactId, project.jar(), "17")).app().name());
    }

    @Test
    void anArtifactIdWithoutLettersOrDigitsAsksForAnAppName() {
        InvalidSettingException e = assertRejected(s -> create(s, factsWith("___", project.jar(), "17")),
                new HostingSettings(), "hosting.appName", "");
        assertTrue(e.getMessage().contains("The default comes from the artifactId '___'; set hosting.appName."), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "1.8, 8",
            "1.7, NULL",
            "11, 11",
            "' 21 ', 21",
            "NULL, 17",
            "'', 17"})
    void javaReleaseFromTheProject(String fromProject, Integer release) {
        ProjectFacts facts = factsWith("shop", project.jar(), fromProject);
        if (release == null) {
            InvalidSettingException e = assertRejected(s -> create(s, facts), new HostingSettings(), "hosting.javaVersion", "7");
            assertTrue(e.getMessage().contains("derived from maven.compiler.release/target '" + fromProject + "'; set hosting.javaVersion"),
                    e.getMessage());
            return;
        }
        HostingModel model = create(new HostingSettings(), facts);
        assertEquals(release, model.java().release());
        assertEquals("eclipse-temurin:" + release + "-jre", model.docker().baseImage());
    }

    @Test
    void configuredJavaVersionWinsOverTheProjectsRelease() {
        HostingModel model = create(new HostingSettings().setJavaVersion("21"), factsWith("shop", project.jar(), "11"));
        assertEquals(21, model.java().release());
        assertEquals("eclipse-temurin:21-jre", model.docker().baseImage());
    }

    @Test
    void everySettingIsTakenAsGiven() {
        HostingSettings settings = new HostingSettings()
                .setAppName("web").setPort("9000").setServerName("shop.example.com").setListenPort("8081")
                .setHealthPath("/actuator/health?probe=live&x=1").setJavaVersion("21")
                .setBaseImage("registry.example.com:5000/base/jre:21").setMainClass("com.example.Other")
                .setNginxImage("nginx:1.27-alpine").setClientMaxBodySize("1g").setProxyTimeout("120")
                .setRestartPolicy("on-failure:5").setMaxRamPercentage("50").setInstances("3")
                .setInstallPrefix("/srv/web/").setStaticDirectory("/var/www/web").setStaticPath("/assets/img/")
                .setJavaCommand("/usr/lib/jvm/java-21/bin/java");
        HostingModel model = create(settings);
        assertAll(
                () -> assertEquals(new HostingModel.App("web", "1.0.0", 9000, "/actuator/health?probe=live&x=1"), model.app()),
                () -> assertEquals(new HostingModel.JavaApp(21, "com.example.Other", project.jar(), List.of(), 50), model.java()),
                () -> assertEquals(new HostingModel.Docker("registry.example.com:5000/base/jre:21", 10001), model.docker()),
                () -> assertEquals(new HostingModel.Nginx(Optional.of("shop.example.com"), 8081, "1g", 120, "nginx:1.27-alpine"),
                        model.nginx()),
                () -> assertEquals(new HostingModel.Compose("on-failure:5"), model.compose()),
                () -> assertEquals(new HostingModel.Host(3, "/srv/web", "/var/www/web", "/assets/img/",
                        "/usr/lib/jvm/java-21/bin/java"), model.host()));
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("hosting.port", " 80 ", 80),
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
                arguments("hosting.restartPolicy", "always", "always"),
                arguments("hosting.restartPolicy", "on-failure", "on-failure"),
                arguments("hosting.restartPolicy", "on-failure:9999", "on-failure:9999"),
                arguments("hosting.maxRamPercentage", "10", 10),
                arguments("hosting.maxRamPercentage", "95", 95),
                arguments("hosting.instances", "64", 64),
                arguments("hosting.installPrefix", "/opt/shop/", "/opt/shop"),
                arguments("hosting.staticPath", "/a/b/", "/a/b/"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("accepted")
    void acceptedValues(String parameter, String value, Object expected) {
        HostingModel model = create(with(parameter, value));
        Object actual = switch (parameter) {
            case "hosting.port" -> model.app().port();
            case "hosting.listenPort" -> model.nginx().listenPort();
            case "hosting.serverName" -> model.nginx().serverName();
            case "hosting.healthPath" -> model.app().healthPath();
            case "hosting.baseImage" -> model.docker().baseImage();
            case "hosting.nginxImage" -> model.nginx().image();
            case "hosting.proxyTimeout" -> model.nginx().proxyTimeoutSeconds();
            case "hosting.clientMaxBodySize" -> model.nginx().clientMaxBodySize();
            case "hosting.restartPolicy" -> model.compose().restartPolicy();
            case "hosting.maxRamPercentage" -> model.java().maxRamPercentage();
            case "hosting.instances" -> model.host().instances();
            case "hosting.installPrefix" -> model.host().prefix();
            case "hosting.staticPath" -> model.host().staticPath();
            default -> throw new AssertionError("no accessor for " + parameter);
        };
        assertEquals(expected, actual);
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
                arguments("hosting.appName", "shop\n"),
                arguments("hosting.appName", "Shop"),
                arguments("hosting.appName", "-shop"),
                arguments("hosting.appName", "shop-"),
                arguments("hosting.appName", "a".repeat(64)),
                arguments("hosting.appName", ""),
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
                arguments("hosting.tls.certificateKey", "/etc/ssl/my key.pem"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("rejected")
    void rejectedValuesNameTheParameterTheValueAndWhatIsAllowed(String parameter, String value) {
        assertRejected(with(parameter, value), parameter, value);
    }

    @Test
    void aTooLongServerNameSaysSo() {
        String name = "a".repeat(250) + ".com";
        InvalidSettingException e = assertRejected(new HostingSettings().setServerName(name), "hosting.serverName", name);
        assertTrue(e.getMessage().endsWith("Allowed: a host name of at most 253 characters."), e.getMessage());
    }

    @Test
    void instancesMustKeepTheirLastPortWithin65535() {
        InvalidSettingException e = assertRejected(new HostingSettings().setPort("65530").setInstances("7"),
                "hosting.instances", "7");
        assertTrue(e.getMessage().contains("at most 6 instances from hosting.port 65530"), e.getMessage());
        assertEquals(6, create(new HostingSettings().setPort("65530").setInstances("6")).host().instances());
    }

    @Test
    void anUnknownTargetIsRejectedWithTheKnownOnes() {
        InvalidSettingException e = assertRejected(new HostingSettings().setTargets(List.of("docker,kubernetes")),
                "hosting.targets", "kubernetes");
        assertTrue(e.getMessage().endsWith("Allowed: a comma-separated list of compose, docker, host."), e.getMessage());
    }

    @Test
    void targetsThatNameNothingAreRejected() {
        InvalidSettingException e = assertRejected(new HostingSettings().setTargets(List.of(" , ", "")),
                "hosting.targets", " , ,");
        assertTrue(e.getMessage().endsWith("Allowed: at least one of compose, docker, host."), e.getMessage());
    }

    @Test
    void composeImpliesDockerAndTargetsAreListedOnce() {
        assertEquals(List.of("docker", "compose"), create(new HostingSettings().setTargets(List.of("compose"))).targets());
        assertEquals(List.of("host", "docker"),
                create(new HostingSettings().setTargets(List.of(" host , docker", "host"))).targets());
    }

    @Test
    void customTargetsAreAddedToTheDefaults() {
        ModelFactory factory = new ModelFactory(List.of("compose", "docker", "host", "k8s"), List.of("k8s"));
        assertEquals(List.of("docker", "compose", "host", "k8s"), factory.create(new HostingSettings(), project.facts()).targets());
    }

    @Test
    void aTargetWithoutTheJarNeedsNoJar() {
        ModelFactory factory = new ModelFactory(List.of("compose", "docker", "host", "k8s"), List.of("k8s"));
        HostingModel model = factory.create(new HostingSettings().setTargets(List.of("k8s")),
                factsWith("shop", null, "17"));
        assertNull(model.java().jar());
        assertEquals("", model.java().mainClass());
        assertEquals(List.of(), model.java().runtimeJars());
    }

    @Test
    void theJarMustExistForTargetsThatCopyIt() {
        Path missing = dir.resolve("target/missing-1.0.jar");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> create(new HostingSettings().setTargets(List.of("compose")), factsWith("shop", missing, "17")));
        assertEquals("hosting.jar", e.parameter());
        assertTrue(e.getMessage().startsWith("Invalid value for hosting.jar: '" + missing + "'. "), e.getMessage());
        assertTrue(e.getMessage().contains("mvn package hosting:generate"), e.getMessage());

        InvalidSettingException none = assertThrows(InvalidSettingException.class,
                () -> create(new HostingSettings().setTargets(List.of("host")), factsWith("shop", null, "17")));
        assertTrue(none.getMessage().startsWith("Invalid value for hosting.jar: (none). "), none.getMessage());
    }

    @Test
    void aJarWithoutMainClassAsksForHostingMainClass() {
        SampleProject noMain = SampleProject.create(dir.resolve("no-main"), null);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> create(new HostingSettings(), noMain.facts()));
        assertEquals("hosting.mainClass", e.parameter());
        assertTrue(e.getMessage().contains("The jar shop-1.0.0.jar has no Main-Class"), e.getMessage());
        assertTrue(e.getMessage().contains("Set hosting.mainClass"), e.getMessage());
    }

    @Test
    void hostingMainClassOverridesTheManifest() {
        SampleProject noMain = SampleProject.create(dir.resolve("no-main"), null);
        assertEquals("com.example.Other", create(new HostingSettings().setMainClass(" com.example.Other "), noMain.facts()).java().mainClass());
        assertEquals("com.example.Other", create(new HostingSettings().setMainClass("com.example.Other")).java().mainClass());
    }

    @Test
    void anInvalidMainClassInTheManifestIsRejected() {
        SampleProject badMain = SampleProject.create(dir.resolve("bad-main"), "com.example.Main; rm -rf /");
        assertRejected(s -> create(s, badMain.facts()), new HostingSettings(), "hosting.mainClass", "com.example.Main; rm -rf /");
    }

    @Test
    void runtimeJarsComeFromTheProject() {
        project.withDependency("lib-a-1.0.jar").withDependency("lib-b-2.0.jar");
        assertEquals(List.of(dir.resolve("repo/lib-a-1.0.jar"), dir.resolve("repo/lib-b-2.0.jar")),
                create(new HostingSettings()).java().runtimeJars());
    }

    @Test
    void envIsSortedAndKeepsWhatComposeAndSystemdCanHold() {
        HostingModel model = create(new HostingSettings().setEnv(mapOf(
                "ZED", "tab\there", "A_1", "$HOME", "_quoted", "say \"hi\" it's \\ fine", "EMPTY", null)));
        assertEquals(List.of("A_1", "EMPTY", "ZED", "_quoted"), List.copyOf(model.env().keySet()));
        assertEquals("tab\there", model.env().get("ZED"));
        assertEquals("$HOME", model.env().get("A_1"));
        assertEquals("say \"hi\" it's \\ fine", model.env().get("_quoted"));
        assertEquals("", model.env().get("EMPTY"));
    }

    @ParameterizedTest
    @CsvSource({"BAD-NAME", "1X", "'A B'", "'X='", "''"})
    void badEnvNames(String name) {
        assertRejected(new HostingSettings().setEnv(Map.of(name, "v")), "hosting.env", name);
    }

    static Stream<String> badEnvValues() {
        return Stream.of("a\u0001b", "two\nlines", "cr\rhere", "price $5 ends in \\", "$X\\'quoted");
    }

    @ParameterizedTest
    @MethodSource("badEnvValues")
    void badEnvValues(String value) {
        InvalidSettingException e = assertRejected(new HostingSettings().setEnv(Map.of("GREETING", value)), "hosting.env.GREETING", value);
        assertTrue(e.getMessage().contains("Allowed: one line of text without control characters other than tab; "
                + "a value with '$' cannot also have a backslash before a quote or at its end"), e.getMessage());
    }

    @Test
    void valueKeysMustBeTemplateNames() {
        InvalidSettingException e = assertRejected(new HostingSettings().setValues(Map.of("a.b", "x")), "hosting.values", "a.b");
        assertTrue(e.getMessage().contains("{{values.KEY}}"), e.getMessage());
    }

    @Test
    void valuesAreSortedAndNullBecomesEmpty() {
        HostingModel model = create(new HostingSettings().setValues(mapOf("zone", "eu-1", "Owner", "ops <ops@example.com>", "none", null)));
        assertEquals(List.of("Owner", "none", "zone"), List.copyOf(model.values().keySet()));
        assertEquals("ops <ops@example.com>", model.values().get("Owner"));
        assertEquals("", model.values().get("none"));
    }

    /** A map that, unlike Map.of, holds null values, in insertion order. */
    private static Map<String, String> mapOf(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void noTlsByDefault() {
        assertEquals(Optional.empty(), create(new HostingSettings()).tls());
    }

    @Test
    void tlsWithACertificate() {
        assertEquals(Optional.of(new HostingModel.Tls("/etc/ssl/shop/fullchain.pem", "/etc/ssl/shop/privkey.pem", false,
                Optional.empty(), "/var/www/letsencrypt", 443, false)), create(withCertificate()).tls());
    }

    @Test
    void tlsWithAcmeUsesCertbotsPaths() {
        HostingModel model = create(new HostingSettings().setTlsAcme("true").setServerName("shop.example.com")
                .setTlsAcmeEmail("ops@example.com").setTlsPort("8443").setTlsHstsIncludeSubDomains("true"));
        assertEquals(Optional.of(new HostingModel.Tls("/etc/letsencrypt/live/shop.example.com/fullchain.pem",
                "/etc/letsencrypt/live/shop.example.com/privkey.pem", true, Optional.of("ops@example.com"),
                "/var/www/letsencrypt", 8443, true)), model.tls());
    }

    @Test
    void theTlsPortMustDifferFromThePlainOne() {
        InvalidSettingException e = assertRejected(withCertificate().setListenPort("8443").setTlsPort("8443"), "hosting.tls.port", "8443");
        assertTrue(e.getMessage().endsWith("Allowed: a port other than hosting.listenPort (8443), which serves plain HTTP."), e.getMessage());
    }

    @Test
    void aCertificateNeedsItsKey() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> create(new HostingSettings().setTlsCertificate("/etc/ssl/shop/fullchain.pem")));
        assertEquals("hosting.tls.certificateKey", e.parameter());
        assertTrue(e.getMessage().contains("only hosting.tls.certificate is set"), e.getMessage());
    }

    @Test
    void acmeNeedsAServerNameWithoutWildcardAndNoCertificatePaths() {
        InvalidSettingException noName = assertThrows(InvalidSettingException.class, () -> create(new HostingSettings().setTlsAcme("true")));
        assertEquals("hosting.serverName", noName.parameter());
        assertTrue(noName.getMessage().contains("hosting.tls.acme=true needs the host name"), noName.getMessage());

        InvalidSettingException wildcard = assertThrows(InvalidSettingException.class,
                () -> create(new HostingSettings().setTlsAcme("true").setServerName("*.example.com")));
        assertTrue(wildcard.getMessage().startsWith("Invalid value for hosting.serverName: '*.example.com'. "
                + "Allowed with hosting.tls.acme=true: a host name without '*'"), wildcard.getMessage());
        assertRejected(withCertificate().setTlsAcme("true").setServerName("shop.example.com"),
                "hosting.tls.certificate", "/etc/ssl/shop/fullchain.pem");
    }
}
