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

    /** The compose-spec JSON schema docker compose validates with (compose-go's, at the version the pinned compose requires). */
    public static Path composeSchema() {
        return RequiredTool.file(toolsCache().resolve("compose-spec/compose-spec.json"), "run: tools/go-tools.sh compose-spec");
    }

    /** Where tools/python-tools.sh and tools/go-tools.sh put their tools: $HOSTKIT_TOOLS_CACHE or /var/cache/hostkit-tools. */
    public static Path toolsCache() {
        String cache = System.getenv("HOSTKIT_TOOLS_CACHE");
        return Path.of(cache == null || cache.isBlank() ? "/var/cache/hostkit-tools" : cache);
    }

    /** A command from PyPI that tools/python-tools.sh installs (gixy, checkov, yamllint, certbot). */
    public static String fromPyPi(String command) {
        return RequiredTool.find(toolsCache().resolve("bin").resolve(command).toString(),
                "run: tools/python-tools.sh " + command).toString();
    }

    /** A command from the Go module proxy that tools/go-tools.sh builds (pebble, kubeconform, kube-score, docker-compose, ...). */
    public static String fromGoProxy(String command) {
        return RequiredTool.find(toolsCache().resolve("bin").resolve(command).toString(),
                "run: tools/go-tools.sh " + command).toString();
    }

    /**
     * nginx 1.26.3 as tools/nginx-source.sh builds it: the nginx of the nginx:1.28 stand-in image, which
     * checks and runs the compose kit's site (Debian bookworm's 1.22 does not know {@code http2 on;}).
     */
    public static String currentNginx() {
        return RequiredTool.find(toolsCache().resolve("bin/nginx-current").toString(), "run: tools/nginx-source.sh").toString();
    }

    /** The pinned Kubernetes release's OpenAPI spec (api/openapi-spec of k8s.io/kubernetes) that tools/go-tools.sh unpacks. */
    public static Path kubernetesOpenApi() {
        return RequiredTool.file(toolsCache().resolve("kubernetes-openapi/v3"), "run: tools/go-tools.sh openapi-spec").getParent();
    }
}
