package dev.hostkit.testing;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HOSTKIT_HIDE_TOOLS: which tools and files a hidden name makes count as missing. */
class RequiredToolTest {

    @Test
    void aHiddenNameHidesEveryPathWithThatSegment() {
        Set<String> hidden = Set.of("nginx", "gunicorn");
        assertTrue(RequiredTool.hides(hidden, "nginx"));
        assertTrue(RequiredTool.hides(hidden, "/etc/nginx/mime.types"));
        assertTrue(RequiredTool.hides(hidden, "/usr/bin/gunicorn"));
        assertFalse(RequiredTool.hides(hidden, "nginx-light"), "a segment, not a prefix");
        assertFalse(RequiredTool.hides(hidden, "/usr/bin/python3"));
        assertFalse(RequiredTool.hides(Set.of(""), "/usr/bin/python3"), "an empty HOSTKIT_HIDE_TOOLS hides nothing");
    }
}
