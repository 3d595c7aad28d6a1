package dev.hostkit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Reads an analyzer's JSON report, failing with the whole command's output when it is not JSON. */
final class AnalyzerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnalyzerJson() {}

    static JsonNode read(String json, Commands.Result from) {
        try {
            return MAPPER.readTree(json.isBlank() ? "[]" : json);
        } catch (IOException e) {
            throw new AssertionError("not a JSON report (" + e.getMessage() + "): " + from.describe(), e);
        }
    }
}
