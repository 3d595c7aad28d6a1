package dev.hostkit.core.render;

import dev.hostkit.core.model.HostingModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The variables a template can read, built from the validated model. Every name here is
 * documented in the README's template-variable reference; keep the two in step.
 */
public final class TemplateVariables {
    private TemplateVariables() {}

    public static Map<String, Object> of(HostingModel model) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("app", app(model.app()));
        root.put("runtime", runtime(model));
        root.put("java", java(model.java()));
        model.python().ifPresent(python -> root.put("python", python(model, python)));
        root.put("docker", docker(model));
        root.put("nginx", nginx(model));
        root.put("compose", compose(model));
        root.put("host", host(model));
        model.tls().ifPresent(tls -> root.put("tls", tls(tls)));
        root.put("env", env(model));
        root.put("hasEnv", !model.env().isEmpty());
        root.put("values", new LinkedHashMap<>(model.values()));
        root.put("targets", model.targets());
        return root;
    }

    /** The variables for one template: the shared ones plus {@code template.*}. */
    public static Map<String, Object> forTemplate(Map<String, Object> shared, String templateName) {
        Map<String, Object> variables = new LinkedHashMap<>(shared);
        variables.put("template", Map.of(
                "name", templateName,
                "output", TemplateCatalog.outputPathOf(templateName)));
        return variables;
    }

    private static Map<String, Object> app(HostingModel.App app) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("name", app.name());
        vars.put("version", app.version());
        vars.put("port", app.port());
        vars.put("healthPath", app.healthPath());
        return vars;
    }

    private static Map<String, Object> java(HostingModel.JavaApp java) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("release", java.release());
        vars.put("mainClass", java.mainClass());
        vars.put("maxRamPercentage", java.maxRamPercentage());
        if (java.jar() != null) {
            vars.put("jar", java.jar().getFileName().toString());
        }
        vars.put("hasRuntimeJars", !java.runtimeJars().isEmpty());
        return vars;
    }

    private static Map<String, Object> docker(HostingModel model) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("baseImage", model.docker().baseImage());
        vars.put("uid", model.docker().uid());
        vars.put("image", model.app().name() + ":" + imageTag(model.app().version()));
        vars.put("healthcheck", healthcheck(model, false));
        vars.put("healthcheckTest", healthcheck(model, true));
        return vars;
    }

    private static Map<String, Object> nginx(HostingModel model) {
        HostingModel.Nginx nginx = model.nginx();
        Map<String, Object> vars = new LinkedHashMap<>();
        nginx.serverName().ifPresent(name -> vars.put("serverName", name));
        vars.put("listenPort", nginx.listenPort());
        vars.put("clientMaxBodySize", nginx.clientMaxBodySize());
        vars.put("proxyTimeout", nginx.proxyTimeoutSeconds());
        vars.put("image", nginx.image());
        String id = model.app().name().replace('-', '_');
        vars.put("upstream", id + "_app");
        // a name that starts with a digit would read as a regex capture ($2...)
        vars.put("connectionUpgrade", "connection_upgrade_" + id);
        return vars;
    }

    private static Map<String, Object> compose(HostingModel model) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("restartPolicy", model.compose().restartPolicy());
        // nginx runs in its own container and reaches the app by its service name
        // the python app's collected static files reach nginx through a shared volume
        vars.put("site", site(80, 443, model, List.of("app:" + model.app().port()),
                model.python().isPresent() ? Map.of("path", model.host().staticPath(), "directory", STATIC_VOLUME) : null));
        return vars;
    }

    private static Map<String, Object> host(HostingModel model) {
        HostingModel.Host host = model.host();
        String name = model.app().name();
        boolean templated = host.instances() > 1;
        List<Integer> ports = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < host.instances(); i++) {
            int port = model.app().port() + i;
            ports.add(port);
            servers.add(model.python().isPresent() ? "unix:" + gunicornSocket(name) : "127.0.0.1:" + port);
            units.add(templated ? name + "@" + port + ".service" : name + ".service");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("instances", host.instances());
        vars.put("templated", templated);
        vars.put("unitFile", templated ? name + "@.service" : name + ".service");
        vars.put("units", String.join(" ", units));
        vars.put("ports", ports);
        vars.put("user", name);
        vars.put("prefix", host.prefix());
        vars.put("current", host.prefix() + "/current");
        vars.put("staticDirectory", host.staticDirectory());
        vars.put("staticPath", host.staticPath());
        vars.put("javaCommand", host.javaCommand());
        vars.put("envFile", "/etc/" + name + "/" + name + ".env");
        vars.put("secretsFile", "/etc/" + name + "/secrets.env");
        vars.put("versionShell", Quoting.shell(model.app().version()));
        // the file name of the HTTP-only site install.sh uses until the first certificate; empty: no such file
        vars.put("acmeBootstrapSite", model.tls().filter(HostingModel.Tls::acme).map(tls -> name + "-acme-bootstrap.conf").orElse(""));
        vars.put("site", site(model.nginx().listenPort(), model.tls().map(HostingModel.Tls::port).orElse(443), model, servers,
                Map.of("path", host.staticPath(), "directory", host.staticDirectory())));
        return vars;
    }

    /** The directory the compose nginx container serves a python app's static files from. */
    static final String STATIC_VOLUME = "/srv/static";
    /** Where collectstatic puts the static files inside the python app's image. */
    static final String CONTAINER_STATIC_ROOT = "/app/staticfiles";

    private static String gunicornSocket(String appName) {
        return "/run/" + appName + "/gunicorn.sock";
    }

    private static Map<String, Object> runtime(HostingModel model) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("name", model.runtime().name().toLowerCase(Locale.ROOT));
        vars.put("java", model.runtime() == HostingModel.AppRuntime.JAVA);
        vars.put("python", model.runtime() == HostingModel.AppRuntime.PYTHON);
        // file name of gunicorn's config in the docker and host kits; empty: no such file
        vars.put("gunicornConf", model.python().isPresent() ? "gunicorn.conf.py" : "");
        return vars;
    }

    private static Map<String, Object> python(HostingModel model, HostingModel.PythonApp python) {
        String name = model.app().name();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("version", python.version());
        vars.put("wsgiModule", python.wsgiModule());
        python.workers().ifPresent(workers -> vars.put("workers", workers));
        vars.put("workersExpression", python.workers().isPresent()
                ? String.valueOf(python.workers().getAsInt()) : "multiprocessing.cpu_count() * 2 + 1");
        vars.put("workersComment", python.workers().isPresent()
                ? python.workers().getAsInt() + " (hosting.workers)" : "2 x cores + 1");
        vars.put("django", python.django());
        vars.put("allowedHosts", model.nginx().serverName().map(server -> server + ",").orElse("") + "localhost,127.0.0.1");
        vars.put("containerStaticRoot", CONTAINER_STATIC_ROOT);
        vars.put("staticVolume", STATIC_VOLUME);
        // each release has its own virtual environment, so a rollback restores its dependencies too
        vars.put("venv", model.host().prefix() + "/current/venv");
        vars.put("socket", gunicornSocket(name));
        // gunicorn in a container: reachable from nginx's container; worker heartbeat files in memory
        vars.put("container", Map.of("bind", "0.0.0.0:" + model.app().port(), "container", true));
        // on a machine: a unix socket in the unit's RuntimeDirectory
        vars.put("machine", Map.of("bind", "unix:" + gunicornSocket(name), "container", false));
        return vars;
    }

    /**
     * What the shared nginx partials need to know about one site.
     *
     * @param listen      the plain HTTP port nginx listens on
     * @param tlsListen   the HTTPS port nginx listens on (inside a container: not the published one)
     * @param staticFiles {@code path} (URL prefix) and {@code directory} nginx serves itself, or {@code null}
     */
    private static Map<String, Object> site(int listen, int tlsListen, HostingModel model, List<String> servers,
                                            Map<String, String> staticFiles) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("tlsListen", tlsListen);
        // redirects name the port clients reach, which for compose is the published one
        int publicTlsPort = model.tls().map(HostingModel.Tls::port).orElse(443);
        vars.put("httpsPortSuffix", publicTlsPort == 443 ? "" : ":" + publicTlsPort);
        vars.put("publicPort", model.tls().isPresent() ? publicTlsPort : model.nginx().listenPort());
        if (staticFiles != null) {
            vars.put("static", staticFiles);
        }
        vars.put("listen", listen);
        vars.put("servers", servers);
        // try each instance at most once before giving up on a request
        vars.put("upstreamTries", servers.size());
        return vars;
    }

    private static Map<String, Object> tls(HostingModel.Tls tls) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("certificate", tls.certificate());
        vars.put("certificateKey", tls.certificateKey());
        vars.put("certificateDirectory", tls.certificate().substring(0, tls.certificate().lastIndexOf('/')));
        vars.put("acme", tls.acme());
        tls.acmeEmail().ifPresent(email -> vars.put("acmeEmail", email));
        vars.put("acmeWebroot", tls.acmeWebroot());
        vars.put("port", tls.port());
        vars.put("hsts", "max-age=63072000" + (tls.hstsIncludeSubDomains() ? "; includeSubDomains" : ""));
        return vars;
    }

    private static List<Map<String, Object>> env(HostingModel model) {
        List<Map<String, Object>> entries = new ArrayList<>();
        model.env().forEach((name, value) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("value", value);
            entry.put("composeEnvFile", Quoting.composeEnvFile(value));
            entry.put("yaml", Quoting.composeYaml(value));
            entry.put("shell", Quoting.shell(value));
            entry.put("systemd", Quoting.systemdEnvFile(value));
            entries.add(entry);
        });
        return entries;
    }

    /**
     * The container health probe as a JSON exec array (valid in a Dockerfile and, as a flow
     * sequence, in YAML), with compose's leading "CMD" when {@code composeTest}. It speaks
     * HTTP over bash's /dev/tcp, so it needs no curl or wget: JRE images promise neither.
     */
    static String healthcheck(HostingModel model, boolean composeTest) {
        HostingModel.App app = model.app();
        String prefix = composeTest ? Quoting.json("CMD") + ", " : "";
        if (model.python().isPresent()) {
            // slim Python images have no curl: python itself; urlopen fails on 4xx and 5xx
            String probe = "import urllib.request; urllib.request.urlopen('http://127.0.0.1:" + app.port()
                    + app.healthPath() + "', timeout=2)";
            return "[" + prefix + String.join(", ", Quoting.json("python"), Quoting.json("-c"), Quoting.json(probe)) + "]";
        }
        String script = "exec 3<>/dev/tcp/127.0.0.1/" + app.port()
                + " && printf 'GET " + app.healthPath() + " HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3"
                + " && head -n 1 <&3 | grep -Eq '^HTTP/[0-9.]+ [23][0-9][0-9]'";
        String command = String.join(", ", Quoting.json("bash"), Quoting.json("-c"), Quoting.json(script));
        return "[" + prefix + command + "]";
    }

    /** A Docker tag from a Maven version: the characters a tag allows, at most 128. */
    static String imageTag(String version) {
        String tag = version.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (!tag.isEmpty() && (tag.charAt(0) == '.' || tag.charAt(0) == '-')) {
            tag = "v" + tag;
        }
        return tag.isEmpty() ? "latest" : tag.substring(0, Math.min(tag.length(), 128));
    }
}
