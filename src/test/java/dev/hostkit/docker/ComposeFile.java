package dev.hostkit.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hostkit.testing.Commands;
import dev.hostkit.testing.Tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compose file as docker compose v2 itself reads it: {@code docker-compose config --format json}
 * (the model compose runs, after its own validation, env files read, paths made absolute), for
 * the tests' assertions and for {@link ComposeProject}, which runs the file with the same compose.
 * A file compose refuses fails here with compose's message.
 */
final class ComposeFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Healthcheck(List<String> test) {}

    /**
     * A service as compose resolved it. {@code memLimit} is in bytes, as compose normalises
     * {@code mem_limit}; {@code ports} are the container ports the service publishes.
     */
    record Service(String name, String image, Path buildContext, Healthcheck healthcheck, Map<String, String> environment,
                   Map<String, String> dependsOn, List<Integer> ports, Long memLimit, Double cpus, JsonNode json) {}

    private final Path file;
    private final JsonNode model;

    private ComposeFile(Path file, JsonNode model) {
        this.file = file;
        this.model = model;
    }

    /** {@code docker-compose -f FILE config --format json}: fails with compose's message when compose refuses the file. */
    static ComposeFile read(Path composeFile) {
        Commands.Result config = Commands.run(List.of(Tools.fromGoProxy("docker-compose"), "--file", composeFile.toString(),
                "config", "--format", "json"), composeFile.toAbsolutePath().getParent(), Map.of(), Duration.ofSeconds(30));
        if (!config.ok()) {
            throw new IllegalArgumentException("docker compose refuses " + composeFile + ":\n" + config.describe());
        }
        try {
            return new ComposeFile(composeFile, JSON.readTree(config.stdout()));
        } catch (IOException e) {
            throw new UncheckedIOException("docker compose config printed no JSON for " + composeFile, e);
        }
    }

    Path file() {
        return file;
    }

    String name() {
        return model.path("name").asText();
    }

    /** The services, in the file's order (compose starts them by their depends_on). */
    List<Service> services() {
        List<Service> services = new ArrayList<>();
        model.path("services").fields().forEachRemaining(entry -> services.add(service(entry.getKey(), entry.getValue())));
        return services;
    }

    Service service(String serviceName) {
        JsonNode json = model.path("services").get(serviceName);
        if (json == null) {
            throw new IllegalArgumentException("no service " + serviceName + " in " + file);
        }
        return service(serviceName, json);
    }

    /** The named volumes of the top-level {@code volumes}, as the compose file names them. */
    List<String> volumes() {
        List<String> names = new ArrayList<>();
        model.path("volumes").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The docker volume compose creates for a named volume: {@code <project>_<volume>} unless it names one. */
    String volumeName(String volume) {
        return model.path("volumes").path(volume).path("name").asText(name() + "_" + volume);
    }

    /** The network compose creates for the project: {@code <name>_default}. */
    String network() {
        return model.path("networks").path("default").path("name").asText(name() + "_default");
    }

    /** Compose v2's container name: {@code <project>-<service>-1}. */
    String containerName(Service service) {
        return name() + "-" + service.name() + "-1";
    }

    /** The image compose runs: the service's {@code image}, or {@code <project>-<service>} for a build without one. */
    String imageOf(Service service) {
        return service.image() != null ? service.image() : name() + "-" + service.name();
    }

    private static Service service(String name, JsonNode json) {
        JsonNode build = json.get("build");
        JsonNode health = json.get("healthcheck");
        List<String> test = new ArrayList<>();
        if (health != null) {
            health.path("test").forEach(word -> test.add(word.asText()));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        // config's output escapes a literal $ as $$ (so that it reads back the same)
        json.path("environment").fields().forEachRemaining(entry -> environment.put(entry.getKey(),
                entry.getValue().asText().replace("$$", "$")));
        Map<String, String> dependsOn = new LinkedHashMap<>();
        json.path("depends_on").fields().forEachRemaining(entry -> dependsOn.put(entry.getKey(), entry.getValue().path("condition").asText()));
        List<Integer> ports = new ArrayList<>();
        json.path("ports").forEach(port -> ports.add(port.path("target").asInt()));
        return new Service(name, json.hasNonNull("image") ? json.get("image").asText() : null,
                build == null ? null : Path.of(build.path("context").asText()),
                health == null ? null : new Healthcheck(List.copyOf(test)), environment, dependsOn, List.copyOf(ports),
                json.hasNonNull("mem_limit") ? json.get("mem_limit").asLong() : null,
                json.hasNonNull("cpus") ? json.get("cpus").asDouble() : null, json);
    }
}
