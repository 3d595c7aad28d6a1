package dev.hostkit.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hostkit.docker.ComposeFile.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hostkit.docker.ComposeValues.map;
import static dev.hostkit.docker.ComposeValues.requireKnown;
import static dev.hostkit.docker.ComposeValues.string;

/**
 * Reads a compose file into a {@link ComposeFile}, strictly: a key it does not know fails,
 * naming the key, so a template that starts using new compose features cannot pass untested.
 * Interpolation: {@code $$} is a literal {@code $}; a variable reference fails.
 */
final class ComposeFileReader {
    private static final Set<String> TOP_LEVEL = Set.of("name", "services", "volumes");

    private ComposeFileReader() {}

    static ComposeFile read(Path composeFile) {
        Map<String, Object> root;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = new ObjectMapper(new YAMLFactory()).readValue(composeFile.toFile(), Map.class);
            root = parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + composeFile, e);
        }
        Path dir = composeFile.toAbsolutePath().getParent();
        requireKnown(root.keySet(), TOP_LEVEL, "top level");
        String name = string(root.get("name"), "name");
        if (name == null) {
            name = dir.getFileName().toString();
        }
        List<String> volumes = volumes(root.get("volumes"));
        String project = name;
        Map<String, Object> services = map(root.get("services"), "services");
        List<Service> parsed = new ArrayList<>();
        services.forEach((serviceName, definition) -> parsed.add(ComposeServiceReader.service(serviceName, map(definition, serviceName), dir, project, volumes)));
        return new ComposeFile(composeFile, name, startOrder(parsed), volumes);
    }

    /**
     * The top-level named volumes. Only compose's defaults are supported (local driver, no
     * options, created by the project): {@code static: {}} or {@code static:}. A key such as
     * {@code external}, {@code driver} or {@code name} fails, as every unknown key does.
     */
    private static List<String> volumes(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        map(value, "volumes").forEach((volume, definition) -> {
            if (definition != null) {
                requireKnown(map(definition, "volumes." + volume).keySet(), Set.of(), "volumes." + volume);
            }
            names.add(volume);
        });
        return List.copyOf(names);
    }

    private static List<Service> startOrder(List<Service> services) {
        Map<String, Service> byName = new LinkedHashMap<>();
        services.forEach(service -> byName.put(service.name(), service));
        Set<String> done = new LinkedHashSet<>();
        for (Service service : services) {
            visit(service, byName, done, new LinkedHashSet<>());
        }
        return done.stream().map(byName::get).toList();
    }

    private static void visit(Service service, Map<String, Service> byName, Set<String> done, Set<String> path) {
        if (done.contains(service.name())) {
            return;
        }
        if (!path.add(service.name())) {
            throw new IllegalArgumentException("depends_on cycle: " + path);
        }
        for (String dependency : service.dependsOn().keySet()) {
            Service required = byName.get(dependency);
            if (required == null) {
                throw new IllegalArgumentException("service " + service.name() + " depends on unknown service " + dependency);
            }
            visit(required, byName, done, path);
        }
        done.add(service.name());
    }
}
