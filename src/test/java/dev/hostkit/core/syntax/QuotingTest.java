package dev.hostkit.core.syntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotingTest {

    @Test
    void json() {
        assertEquals("\"plain\"", Quoting.json("plain"));
        assertEquals("\"\"", Quoting.json(""));
        assertEquals("\"say \\\"hi\\\" \\\\o/\"", Quoting.json("say \"hi\" \\o/"));
        assertEquals("\"a\\nb\\rc\\td\\u0001e\\u001f\"", Quoting.json("a\nb\rc\td\u0001e\u001f"));
        assertEquals("\"it's $5 & <b> ü\"", Quoting.json("it's $5 & <b> ü"));
    }

    @Test
    void composeYamlDoublesEveryDollar() {
        assertEquals("\"$$HOME and $${X} cost $$$$\"", Quoting.composeYaml("$HOME and ${X} cost $$"));
        assertEquals("\"say \\\"$$x\\\"\"", Quoting.composeYaml("say \"$x\""));
        assertEquals("\"no dollar\"", Quoting.composeYaml("no dollar"));
    }

    @Test
    void composeEnvFileUsesDoubleQuotesWithEscapesWithoutDollar() {
        assertEquals("\"plain\"", Quoting.composeEnvFile("plain"));
        assertEquals("\"say \\\"hi\\\" it's C:\\\\dir\"", Quoting.composeEnvFile("say \"hi\" it's C:\\dir"));
        assertEquals("\"\"", Quoting.composeEnvFile(""));
    }

    @Test
    void composeEnvFileUsesSingleQuotesForADollar() {
        assertEquals("'$HOME/bin'", Quoting.composeEnvFile("$HOME/bin"));
        assertEquals("'pa$$word with \"double\" quotes'", Quoting.composeEnvFile("pa$$word with \"double\" quotes"));
        assertEquals("'it\\'s $5'", Quoting.composeEnvFile("it's $5"));
        assertEquals("'$HOME\\bin'", Quoting.composeEnvFile("$HOME\\bin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$A\\'B", "ends in $\\", "$A\nB", "$A\rB"})
    void composeEnvFileCannotHoldDollarWithAmbiguousBackslashOrLineBreak(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quoting.composeEnvFile(value));
        assertTrue(e.getMessage().contains("cannot hold a value that has '$' together with a backslash before a quote "
                + "or at its end, or a line break"), e.getMessage());
    }

    @Test
    void systemdEnvFileEscapesWhatSystemdUnescapes() {
        assertEquals("\"a\\\"b\\\\c\\$d\\`e 'f'\"", Quoting.systemdEnvFile("a\"b\\c$d`e 'f'"));
        assertEquals("\"\"", Quoting.systemdEnvFile(""));
    }

    @Test
    void shell() {
        assertEquals("'plain'", Quoting.shell("plain"));
        assertEquals("''", Quoting.shell(""));
        assertEquals("'it'\\''s'", Quoting.shell("it's"));
        assertEquals("'$HOME \"`id`\" \\n; rm -rf /'", Quoting.shell("$HOME \"`id`\" \\n; rm -rf /"));
    }
}
