package dev.hostkit.target.compose;

import dev.hostkit.testing.ComposeEnvFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The env file reader the compose rules rely on: compose v2's reading of app.env, as its docs describe it. */
class ComposeEnvFileTest {
    /** The env file reader itself, on the examples of the docs' "Syntax for environment files". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedEnvFileExamples")
    void envFileReaderFollowsComposeDocs(String line, String expected) {
        ComposeEnvFile.Parsed parsed = ComposeEnvFile.parse(line + "\n");
        assertEquals(Map.of("VAR", expected), parsed.values(), line);
    }

    static Stream<Arguments> documentedEnvFileExamples() {
        return Stream.of(
                Arguments.of("VAR=VAL", "VAL"),
                Arguments.of("VAR=\"VAL\"", "VAL"),
                Arguments.of("VAR='VAL'", "VAL"),
                Arguments.of("VAR=VAL # comment", "VAL"),
                Arguments.of("VAR=VAL# not a comment", "VAL# not a comment"),
                Arguments.of("VAR=\"VAL # not a comment\"", "VAL # not a comment"),
                Arguments.of("VAR=\"VAL\" # comment", "VAL"),
                Arguments.of("VAR='$OTHER'", "$OTHER"),
                Arguments.of("VAR='${OTHER}'", "${OTHER}"),
                Arguments.of("VAR='Let\\'s go!'", "Let's go!"),
                Arguments.of("VAR=\"{\\\"hello\\\": \\\"json\\\"}\"", "{\"hello\": \"json\"}"),
                Arguments.of("VAR=\"some\\tvalue\"", "some\tvalue"),
                Arguments.of("VAR='some\\tvalue'", "some\\tvalue"),
                Arguments.of("VAR=some\\tvalue", "some\\tvalue"),
                Arguments.of("VAR=\"a\\nb\"", "a\nb"),
                Arguments.of("VAR=\"$$literal\"", "$literal"),
                Arguments.of("VAR=\"\\$literal\"", "$literal"),
                Arguments.of("export VAR=VAL", "VAL"),
                Arguments.of("VAR=\"multi\nline\"", "multi\nline"));
    }

    @Test
    void envFileReaderReportsInterpolationAndBadSyntax() {
        ComposeEnvFile.Parsed parsed = ComposeEnvFile.parse("A=\"x $HOME\"\nB=${USER:-me}\nC='$NOT'\n");
        assertEquals(Map.of("A", "x ", "B", "", "C", "$NOT"), parsed.values());
        assertEquals(List.of("A: $HOME", "B: ${USER:-me}"), parsed.interpolated());
        assertThrows(IllegalArgumentException.class, () -> ComposeEnvFile.parse("A=\"open\n"));
        assertThrows(IllegalArgumentException.class, () -> ComposeEnvFile.parse("A=\"x\" y\n"));
        assertThrows(IllegalArgumentException.class, () -> ComposeEnvFile.parse("not an assignment\n"));
        assertTrue(ComposeEnvFile.parse("# only a comment\n\n").values().isEmpty());
    }
}
