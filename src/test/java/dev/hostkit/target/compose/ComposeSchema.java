package dev.hostkit.target.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.hostkit.testing.Tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose-spec JSON schema docker compose itself validates with (schema/compose-spec.json of
 * the compose-go version the pinned docker compose requires, {@link Tools#composeSchema()}), with
 * its one format, {@code duration}, asserted as compose checks it (Go's time.ParseDuration).
 */
final class ComposeSchema {
    static final ObjectMapper YAML = new YAMLMapper();

    /** Go's time.ParseDuration syntax, which compose uses. */
    static final Pattern DURATION = Pattern.compile("0|[-+]?(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|ms|s|m|h))+");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9.]+)(ms|s|m|h)");

    private static JsonSchema schema;

    private ComposeSchema() {}

    /** Parses compose YAML as jackson-dataformat-yaml does (YAML 1.1 scalars). */
    static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("compose.yaml is not YAML", e);
        }
    }

    /** Schema errors, one message each, with the JSON path of what breaks the schema. */
    static List<String> validate(JsonNode compose) {
        return load().validate(compose).stream().map(ValidationMessage::getMessage).toList();
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
            JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .format(new ComposeFormat("duration", DURATION))
                    .build();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.metaSchema(meta));
            // the schema's $id is relative (compose_spec.json): resolved against the file's location
            schema = factory.getSchema(SchemaLocation.of(Tools.composeSchema().toUri().toString()), schemaNode,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
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
