package dev.hostkit.target.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostkit.testing.ComposeEnvFile;
import dev.hostkit.testing.KitRule;
import dev.hostkit.testing.NginxConf;
import dev.hostkit.testing.SampleKit;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The rules a generated compose/ folder follows: compose.yaml, app.env and what compose reads of the nginx site. */
enum ComposeRule implements KitRule {
    /** Compose.yaml, the name compose looks for first, and no obsolete top-level version. */
    FILE_NAME_AND_NO_VERSION {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            for (String legacy : List.of("compose.yml", "docker-compose.yaml", "docker-compose.yml")) {
                if (Files.exists(kit.path("compose/" + legacy))) {
                    problems.add("compose/" + legacy + " exists next to compose.yaml");
                }
            }
            if (compose.has("version")) {
                problems.add("top-level version: " + compose.get("version") + " is obsolete");
            }
        }
    },
    /** The project name is the app's name, as a string. */
    PROJECT_NAME {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            JsonNode name = compose.path("name");
            if (!name.isTextual() || !name.asText().equals(kit.variant().appName())) {
                problems.add("name is " + describe(name) + ", expected the string '" + kit.variant().appName() + "'");
            }
        }
    },
    /** The app's health check, in exec form, with every timing set. */
    APP_HEALTHCHECK {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            JsonNode healthcheck = compose.path("services").path("app").path("healthcheck");
            JsonNode test = healthcheck.path("test");
            if (!test.isArray() || test.size() < 2 || !"CMD".equals(test.get(0).asText())) {
                problems.add("app healthcheck test is " + test + ", expected [\"CMD\", program, args...]");
            }
            for (String timing : List.of("interval", "timeout", "start_period")) {
                JsonNode value = healthcheck.path(timing);
                if (!value.isTextual() || !ComposeSchema.DURATION.matcher(value.asText()).matches()) {
                    problems.add("app healthcheck " + timing + " is " + describe(value) + ", expected a duration such as 10s");
                }
            }
            if (!healthcheck.path("retries").canConvertToInt() || healthcheck.path("retries").asInt() < 1) {
                problems.add("app healthcheck retries is " + describe(healthcheck.path("retries")) + ", expected a number >= 1");
            }
            if (ComposeSchema.seconds(healthcheck.path("timeout").asText()) >= ComposeSchema.seconds(healthcheck.path("interval").asText())) {
                problems.add("app healthcheck timeout " + healthcheck.path("timeout") + " is not shorter than its interval "
                        + healthcheck.path("interval"));
            }
        }
    },
    /** Nginx takes traffic only once the app is healthy. */
    NGINX_WAITS_FOR_HEALTHY_APP {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            JsonNode condition = compose.path("services").path("nginx").path("depends_on").path("app").path("condition");
            if (!"service_healthy".equals(condition.asText())) {
                problems.add("nginx depends_on app with condition " + describe(condition) + ", expected service_healthy");
            }
        }
    },
    /** A restart policy compose knows (the schema only says string), as a string. */
    RESTART_POLICY {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            services(compose).forEach(service -> {
                JsonNode restart = service.getValue().path("restart");
                if (!restart.isTextual() || !restart.asText().matches("no|always|unless-stopped|on-failure(:[0-9]+)?")) {
                    problems.add(service.getKey() + " restart is " + describe(restart)
                            + ", expected the string no, always, on-failure[:N] or unless-stopped");
                } else if (!restart.asText().equals(kit.variant().restartPolicy())) {
                    problems.add(service.getKey() + " restart is " + restart + ", expected the configured " + kit.variant().restartPolicy());
                }
            });
        }
    },
    /** Only nginx publishes ports, on the configured host port; the app only exposes its port. */
    PORTS {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            services(compose).filter(service -> !service.getKey().equals("nginx") && service.getValue().has("ports"))
                    .forEach(service -> problems.add(service.getKey() + " publishes ports " + service.getValue().get("ports")));
            List<String> ports = strings(compose.path("services").path("nginx").path("ports"));
            String published = kit.variant().listenPort() + ":80";
            if (!ports.contains(published)) {
                problems.add("nginx publishes " + ports + ", expected \"" + published + "\"");
            }
            List<String> expose = strings(compose.path("services").path("app").path("expose"));
            if (!expose.equals(List.of(String.valueOf(kit.variant().port())))) {
                problems.add("app exposes " + expose + ", expected [\"" + kit.variant().port() + "\"]");
            }
            NginxConf.Directive site = NginxConf.parse(kit.read(SITE));
            site.descendants("listen").filter(listen -> !listen.args().contains("ssl"))
                    .filter(listen -> !listen.arg(0).equals("80") && !listen.arg(0).equals("[::]:80"))
                    .forEach(listen -> problems.add(SITE + " " + listen + " is not the container port 80 compose publishes"));
        }
    },
    /** Mounted config files exist and are read-only. */
    READ_ONLY_MOUNTS {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            services(compose).forEach(service -> strings(service.getValue().path("volumes")).forEach(volume -> {
                String[] parts = volume.split(":");
                if (parts.length < 3 || !List.of(parts[2].split(",")).contains("ro")) {
                    problems.add(service.getKey() + " mounts " + volume + " writable, expected :ro");
                }
                if (parts[0].startsWith(".") && !Files.exists(kit.path("compose").resolve(parts[0]).normalize())) {
                    problems.add(service.getKey() + " mounts " + parts[0] + ", which is not in the kit");
                }
            }));
        }
    },
    /** Read-only root, a tmpfs /tmp, no capabilities, no privilege escalation. */
    HARDENING {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            for (String name : List.of("app", "nginx")) {
                JsonNode service = compose.path("services").path(name);
                if (!service.path("read_only").asBoolean(false)) {
                    problems.add(name + " has read_only " + describe(service.path("read_only")) + ", expected true");
                }
                if (!strings(service.path("tmpfs")).contains("/tmp")) {
                    problems.add(name + " has tmpfs " + service.path("tmpfs") + ", expected /tmp among them");
                }
                if (!strings(service.path("cap_drop")).contains("ALL")) {
                    problems.add(name + " has cap_drop " + service.path("cap_drop") + ", expected ALL");
                }
                if (!strings(service.path("security_opt")).contains("no-new-privileges:true")) {
                    problems.add(name + " has security_opt " + service.path("security_opt") + ", expected no-new-privileges:true");
                }
            }
            if (compose.path("services").path("app").has("cap_add")) {
                problems.add("app adds capabilities " + compose.path("services").path("app").get("cap_add"));
            }
        }
    },
    /** The environment comes from env files that exist; no inline values; the build context exists. */
    ENV_FROM_FILE {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            services(compose).filter(service -> service.getValue().has("environment"))
                    .forEach(service -> problems.add(service.getKey() + " has inline environment " + service.getValue().get("environment")));
            List<String> envFiles = strings(compose.path("services").path("app").path("env_file"));
            if (!envFiles.equals(List.of("app.env"))) {
                problems.add("app env_file is " + envFiles + ", expected [app.env]");
            }
            envFiles.stream().filter(file -> !Files.isRegularFile(kit.path("compose").resolve(file)))
                    .forEach(file -> problems.add("env_file " + file + " is not in the kit"));
            String context = compose.path("services").path("app").path("build").path("context").asText();
            if (!Files.isRegularFile(kit.path("compose").resolve(context).resolve("Dockerfile"))) {
                problems.add("app build context " + context + " has no Dockerfile");
            }
        }
    },
    /** Compose reads back from app.env exactly the configured values, with nothing interpolated. */
    ENV_ROUND_TRIP {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            ComposeEnvFile.Parsed parsed;
            try {
                parsed = ComposeEnvFile.parse(kit.read(APP_ENV));
            } catch (IllegalArgumentException e) {
                problems.add(APP_ENV + " is not a valid env file: " + e.getMessage());
                return;
            }
            if (!parsed.interpolated().isEmpty()) {
                problems.add(APP_ENV + " lets compose interpolate " + parsed.interpolated());
            }
            Map<String, String> expected = kit.variant().env();
            if (!parsed.values().equals(expected)) {
                problems.add(APP_ENV + " reads back as " + parsed.values() + ", expected " + expected);
            }
        }
    },
    /** Compose interpolates '$' in every value of compose.yaml: none may be there unescaped. */
    NO_INTERPOLATION {
        @Override
        void check(SampleKit kit, JsonNode compose, List<String> problems) {
            List<String> found = new ArrayList<>();
            collectInterpolations("", compose, found);
            found.forEach(where -> problems.add("compose would interpolate " + where));
        }

        private void collectInterpolations(String path, JsonNode node, List<String> found) {
            if (node.isTextual() && node.asText().replace("$$", "").matches("(?s).*\\$[{_A-Za-z].*")) {
                found.add(path + ": " + node.asText());
            }
            node.fields().forEachRemaining(field -> collectInterpolations(path + "/" + field.getKey(), field.getValue(), found));
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                collectInterpolations(path + "/" + i, node.get(i), found);
            }
        }
    };

    static final String COMPOSE = "compose/compose.yaml";
    static final String APP_ENV = "compose/app.env";
    static final String SITE = "compose/nginx/default.conf";

    abstract void check(SampleKit kit, JsonNode compose, List<String> problems);

    @Override
    public List<String> check(SampleKit kit) {
        List<String> problems = new ArrayList<>();
        check(kit, ComposeSchema.parse(kit.read(COMPOSE)), problems);
        return problems;
    }

    private static Stream<Map.Entry<String, JsonNode>> services(JsonNode compose) {
        Iterable<Map.Entry<String, JsonNode>> services = () -> compose.path("services").fields();
        return StreamSupport.stream(services.spliterator(), false);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** A node for a message, with its YAML type when that is not a string. */
    private static String describe(JsonNode node) {
        if (node.isMissingNode()) {
            return "(not set)";
        }
        return node.isTextual() ? "'" + node.asText() + "'" : node + " (a YAML " + node.getNodeType().name().toLowerCase(Locale.ROOT) + ": quote it)";
    }
}
