package dev.hostkit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Strict JSON schemas for kubeconform, made offline from the pinned release's OpenAPI v2 spec
 * ({@link Tools#kubernetesOpenApi()}): one file per kind, named as kubeconform's
 * {@code {{ .ResourceKind }}{{ .KindSuffix }}.json} template names it, holding its definition and
 * every definition it reaches. Strict: an object with declared properties allows no others; an
 * int-or-string or a quantity is a string or a number, as the API server reads them.
 */
public final class KubernetesSchemas {
    /** kubeconform's -schema-location template under the folder {@link #write} fills. */
    public static final String TEMPLATE = "{{ .ResourceKind }}{{ .KindSuffix }}.json";
    private static final String REF = "#/definitions/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesSchemas() {}

    /** Writes the schema of every kind of the spec into DIR; returns DIR. */
    public static Path write(Path dir) {
        try {
            JsonNode definitions = JSON.readTree(Tools.kubernetesOpenApi().resolve("swagger.json").toFile()).path("definitions");
            Files.createDirectories(dir);
            for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> definition = it.next();
                for (JsonNode kind : definition.getValue().path("x-kubernetes-group-version-kind")) {
                    String file = kind.path("kind").asText().toLowerCase() + suffix(kind.path("group").asText(), kind.path("version").asText());
                    ObjectNode schema = strict(definition.getValue().deepCopy());
                    schema.set("definitions", reachable(definition.getValue(), definitions));
                    JSON.writeValue(dir.resolve(file + ".json").toFile(), schema);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kubeconform's KindSuffix: -version for the core group, else -FIRST_PART_OF_GROUP-version. */
    static String suffix(String group, String version) {
        return group.isEmpty() ? "-" + version : "-" + group.split("\\.")[0] + "-" + version;
    }

    private static ObjectNode reachable(JsonNode root, JsonNode definitions) {
        ObjectNode reached = JSON.createObjectNode();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(root);
        TreeSet<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            for (JsonNode ref : todo.pop().findValues("$ref")) {
                if (!ref.isTextual() || !ref.asText().startsWith(REF)) {
                    continue; // a property named $ref (CustomResourceDefinition's schema)
                }
                String name = ref.asText().substring(REF.length());
                if (seen.add(name)) {
                    JsonNode definition = definitions.path(name);
                    reached.set(name, strict(definition.deepCopy()));
                    todo.add(definition);
                }
            }
        }
        return reached;
    }

    /** Closes every object with properties; int-or-string and quantity formats take numbers too. */
    private static ObjectNode strict(ObjectNode schema) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(schema);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node instanceof ObjectNode object) {
                if (object.has("properties") && !object.has("additionalProperties")) {
                    object.put("additionalProperties", false);
                }
                String format = object.path("format").asText();
                if (format.equals("int-or-string") || object.path("description").asText().startsWith("Quantity is a fixed-point")) {
                    object.remove("type");
                    ArrayNode types = object.putArray("type");
                    types.add("string");
                    types.add(format.equals("int-or-string") ? "integer" : "number");
                }
                object.forEach(todo::add);
            } else if (node.isArray()) {
                node.forEach(todo::add);
            }
        }
        return schema;
    }
}
