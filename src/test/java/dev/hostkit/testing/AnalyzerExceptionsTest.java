package dev.hostkit.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerExceptionsTest {
    private final AnalyzerExceptions exceptions = AnalyzerExceptions.parse(List.of(
            "# comment",
            "gixy\tadd_header_redefinition\tcompose/nginx/*.conf\tthe reason",
            ""));

    @Test
    void aFindingIsCoveredOnlyByItsToolCheckAndFiles() {
        AnalyzerFinding listed = new AnalyzerFinding("gixy", "add_header_redefinition", "compose/nginx/default.conf", "m");
        List<AnalyzerFinding> unlisted = List.of(
                new AnalyzerFinding("gixy", "add_header_redefinition", "host/nginx/shop.conf", "m"),
                new AnalyzerFinding("gixy", "host_spoofing", "compose/nginx/default.conf", "m"),
                new AnalyzerFinding("checkov", "add_header_redefinition", "compose/nginx/default.conf", "m"));
        List<AnalyzerFinding> all = new java.util.ArrayList<>(unlisted);
        all.add(0, listed);
        assertEquals(unlisted, exceptions.unlisted(all));
        assertEquals(1, exceptions.of("gixy").size());
    }

    @Test
    void aLineWithoutAReasonIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AnalyzerExceptions.parse(List.of("gixy\tx\t*.conf")));
        assertTrue(refused.getMessage().contains("line 1"), refused.getMessage());
    }

    @Test
    void theProjectsFileParses() {
        assertTrue(AnalyzerExceptions.load().of("no-such-tool").isEmpty());
    }

    @Test
    void anExceptionThatCoversNoFindingIsStale() {
        AnalyzerFinding elsewhere = new AnalyzerFinding("gixy", "add_header_redefinition", "host/nginx/shop.conf", "m");
        assertEquals(exceptions.of("gixy"), exceptions.stale("gixy", List.of(elsewhere)));
        assertEquals(List.of(), exceptions.stale("gixy",
                List.of(new AnalyzerFinding("gixy", "add_header_redefinition", "compose/nginx/default.conf", "m"))));
    }
}
