package dev.hostkit.target.docker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .dockerignore matcher the BUILD_CONTEXT rule relies on. */
class DockerIgnoreTest {
    /** The .dockerignore matcher itself, on Docker's documented semantics. */
    @Test
    void dockerignoreMatchingFollowsDocker() {
        DockerIgnore ignore = DockerIgnore.parse("# comment\n*\n!app.jar\n!lib/\nlib/*.tmp\n**/*.bak\n!keep/**/x.bak\n/target\n");
        assertFalse(ignore.excludes("app.jar"));
        assertTrue(ignore.excludes("other.jar"));
        assertTrue(ignore.excludes("sub/app.jar"), "'*' matches the folder sub, so all of it");
        assertFalse(ignore.excludes("lib/dep.jar"), "'!lib/' re-includes the folder's contents");
        assertTrue(ignore.excludes("lib/scratch.tmp"), "the last matching line wins");
        assertTrue(ignore.excludes("lib/a/b/old.bak"), "'**' crosses folders");
        assertFalse(ignore.excludes("keep/a/b/x.bak"));
        assertFalse(ignore.excludes("keep/x.bak"), "'**/' also matches no folder at all");
        assertTrue(DockerIgnore.parse("/target\n").excludes("target/classes/A.class"), "a leading '/' is the context root");
        assertTrue(DockerIgnore.parse("?.txt\n").excludes("a.txt"));
        assertFalse(DockerIgnore.parse("?.txt\n").excludes("ab.txt"));
        assertTrue(DockerIgnore.parse("[a-c].txt\n").excludes("b.txt"));
        assertFalse(DockerIgnore.parse("").excludes("anything"));
    }
}
