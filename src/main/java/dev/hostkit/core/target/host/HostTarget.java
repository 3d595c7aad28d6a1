package dev.hostkit.core.target.host;

import dev.hostkit.core.model.App;
import dev.hostkit.core.model.Nginx;
import dev.hostkit.core.model.Tls;
import dev.hostkit.core.runtime.Placement;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.ValueType;
import dev.hostkit.core.syntax.Quoting;
import dev.hostkit.core.target.Contribution;
import dev.hostkit.core.target.KitContext;
import dev.hostkit.core.target.NginxSite;
import dev.hostkit.core.target.NginxVersion;
import dev.hostkit.core.target.Target;

import javax.inject.Named;
import javax.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code host/}: a bare machine. systemd runs the app's instances on consecutive ports from
 * hosting.port, nginx balances over them and serves static files itself, install.sh puts it
 * all in place.
 */
@Named("host")
@Singleton
public final class HostTarget implements Target {
    /** The plain-HTTP site install.sh uses until Let's Encrypt has issued the first certificate. */
    static final String ACME_BOOTSTRAP_TEMPLATE = "host/nginx/{{app.name}}-acme-bootstrap.conf.mustache";

    public static final Setting<Integer> INSTANCES = Setting.value("instances", ValueType.wholeNumber(1, 64,
                    "Allowed: a whole number from 1 to 64 (app instances on consecutive ports from hosting.port)."),
            "`1`", "App instances on a bare machine, 1–64, on ports `port` … `port + instances - 1` (at most 65535).")
            .shownAs("host.instances");
    public static final Setting<String> INSTALL_PREFIX = Setting.value("installPrefix",
            ValueType.absolutePath("/opt/shop"), "`/opt/{appName}`", "Where install.sh puts the releases on a bare machine: an absolute path of letters, digits and `. _ -`.")
            .shownAs("host.prefix");
    public static final Setting<String> STATIC_DIRECTORY = Setting.value("staticDirectory",
            ValueType.absolutePath("/opt/shop/static"), "`{installPrefix}/static`",
            "The folder nginx serves `staticPath` from on a bare machine, an absolute path.")
            .shownAs("host.staticDirectory");
    public static final Setting<String> HOST_MEMORY_LIMIT = Setting.value("hostMemoryLimit", ValueType.memorySize(),
            "none", "The memory each instance may use on a bare machine (systemd `MemoryMax=`), such as `512m` or `2g`; "
                    + "the JVM's heap is `maxRamPercentage` of it. None: no limit.")
            .shownAs("host.memoryMax");
    public static final Setting<String> HOST_NGINX_VERSION = Setting.value("hostNginxVersion", NginxVersion.TYPE,
            "`1.22`", "The version of the machine's nginx (Debian bookworm's is 1.22, trixie's 1.26, Ubuntu 24.04's "
                    + "1.24); it decides how the site turns HTTP/2 on.")
            .shownAs("host.site.nginxVersion");

    @Override
    public String name() {
        return "host";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(INSTANCES, INSTALL_PREFIX, STATIC_DIRECTORY, HOST_MEMORY_LIMIT, HOST_NGINX_VERSION);
    }

    @Override
    public boolean shipsApplication() {
        return true;
    }

    @Override
    public Contribution contribute(KitContext kit) {
        App app = kit.shared().app();
        int instances = instances(kit);
        String name = app.name();
        String prefix = kit.settings().getOr(INSTALL_PREFIX, "/opt/" + name);
        String staticDirectory = kit.settings().getOr(STATIC_DIRECTORY, prefix + "/static");
        boolean templated = instances > 1;
        List<Integer> ports = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int port = app.port(); port < app.port() + instances; port++) {
            ports.add(port);
            servers.add(kit.runtime().machineEndpoint(port));
            units.add(templated ? name + "@" + port + ".service" : name + ".service");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("instances", instances);
        vars.put("templated", templated);
        vars.put("unitFile", templated ? name + "@.service" : name + ".service");
        vars.put("units", String.join(" ", units));
        vars.put("ports", ports);
        vars.put("user", name);
        vars.put("prefix", prefix);
        vars.put("current", prefix + "/current");
        vars.put("staticDirectory", staticDirectory);
        vars.put("envFile", "/etc/" + name + "/" + name + ".env");
        vars.put("secretsFile", "/etc/" + name + "/secrets.env");
        vars.put("versionShell", Quoting.shell(app.version()));
        // systemd's sizes: 512M, 2G
        kit.settings().get(HOST_MEMORY_LIMIT).ifPresent(limit -> vars.put("memoryMax", limit.toUpperCase(Locale.ROOT)));
        boolean acme = kit.shared().tls().filter(Tls::acme).isPresent();
        if (acme) {
            vars.put("acmeBootstrapSite", name + "-acme-bootstrap.conf");
        }
        vars.put("site", NginxSite.variables(kit.shared(), kit.shared().nginx().listenPort(),
                kit.shared().tls().map(Tls::port).orElse(443), servers,
                Map.of("path", kit.shared().nginx().staticPath(), "directory", staticDirectory),
                NginxVersion.parse(kit.settings().getOr(HOST_NGINX_VERSION, "1.22"))));
        return Contribution.of(vars)
                .withFiles(kit.runtime().files(Placement.MACHINE, "host/app/"))
                .skipping(acme ? Set.of() : Set.of(ACME_BOOTSTRAP_TEMPLATE));
    }

    private static int instances(KitContext kit) {
        int instances = kit.settings().getOr(INSTANCES, 1);
        int port = kit.shared().app().port();
        if (port + instances - 1 > 65535) {
            throw new InvalidSettingException(INSTANCES.label(), String.valueOf(instances),
                    "Allowed: at most " + (65535 - port + 1) + " instances from hosting.port " + port
                            + ", so that the last port (port + instances - 1) stays within 65535.");
        }
        // Instances behind unix sockets take no TCP port of the machine.
        if (!kit.runtime().machineEndpoint(port).startsWith("unix:")) {
            refuseNginxPortAmongInstances(Nginx.LISTEN_PORT.label(), kit.shared().nginx().listenPort(), port, instances);
            kit.shared().tls().ifPresent(tls -> refuseNginxPortAmongInstances(Tls.PORT.label(), tls.port(), port, instances));
        }
        if (instances > 1) {
            kit.runtime().singleInstanceReason().ifPresent(reason -> {
                throw new InvalidSettingException(INSTANCES.label(), String.valueOf(instances), reason);
            });
        }
        return instances;
    }

    /** nginx and the instances share the machine's ports: nginx cannot listen on one an instance takes. */
    private static void refuseNginxPortAmongInstances(String parameter, int nginxPort, int firstPort, int instances) {
        int lastPort = firstPort + instances - 1;
        if (nginxPort >= firstPort && nginxPort <= lastPort) {
            throw new InvalidSettingException(parameter, String.valueOf(nginxPort), "Allowed: a port outside "
                    + (instances == 1 ? "hosting.port (" + firstPort + ")" : "the instances' ports " + firstPort + "–" + lastPort
                    + " (hosting.port and hosting.instances)") + ": on a bare machine nginx and the app's instances listen on the same machine.");
        }
    }
}
