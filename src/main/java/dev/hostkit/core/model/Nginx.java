package dev.hostkit.core.model;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.settings.ValueType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxy in front of the app, the same in every target that runs one.
 *
 * @param serverName        the one host name nginx answers for; empty: any
 * @param listenPort        the plain HTTP port clients reach
 * @param proxyTimeoutSeconds how long nginx waits for the app to accept, read and answer
 * @param staticPath        the URL prefix nginx serves static files under, with leading and trailing '/'
 * @param ipv6              whether nginx listens on IPv6 too
 */
public record Nginx(Optional<String> serverName, int listenPort, String clientMaxBodySize, int proxyTimeoutSeconds,
                    String staticPath, boolean ipv6) {
    private static final String LABEL = "[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";

    public static final Setting<String> SERVER_NAME = Setting.value("serverName", hostName(),
            "none: nginx answers any Host", "The public host name nginx answers for, `*.` wildcard allowed; a request for any other Host gets "
                    + "no answer.")
            .shownAs("nginx.serverName");
    public static final Setting<Integer> LISTEN_PORT = Setting.value("listenPort", ValueType.port(), "`80`",
            "The port nginx publishes for plain HTTP, 1–65535; on a bare machine none of the instances' ports.")
            .shownAs("nginx.listenPort");
    public static final Setting<String> CLIENT_MAX_BODY_SIZE = Setting.value("clientMaxBodySize", ValueType.matching(
                    Pattern.compile("[0-9]{1,9}[kKmMgG]?"),
                    "Allowed: a size in nginx syntax, a number with an optional k, m or g suffix (such as 10m)."),
            "`10m`", "The largest request body nginx accepts: a number with an optional `k`, `m` or `g`.")
            .shownAs("nginx.clientMaxBodySize");
    public static final Setting<Integer> PROXY_TIMEOUT = Setting.value("proxyTimeout",
            ValueType.wholeNumber(1, 3600, "Allowed: a whole number of seconds from 1 to 3600."),
            "`60`", "Seconds nginx waits for the app to read a request and to answer, 1–3600 (connecting: 5 s).")
            .shownAs("nginx.proxyTimeout");
    public static final Setting<String> STATIC_PATH = Setting.value("staticPath", ValueType.matching(
                    Pattern.compile("/([A-Za-z0-9._~-]+/)+"),
                    "Allowed: a URL path that starts and ends with '/', such as /static/ or /assets/img/."),
            "`/static/`", "The URL prefix of the static files nginx serves itself, starting and ending with `/`.")
            .shownAs("nginx.staticPath");
    public static final Setting<Boolean> IPV6 = Setting.value("ipv6", ValueType.bool(), "`true`",
            "`true`: nginx listens on IPv6 (`[::]`) beside IPv4; `false` for a machine or container without IPv6.")
            .shownAs("nginx.ipv6");
    public static final List<Setting<?>> SETTINGS = List.of(SERVER_NAME, LISTEN_PORT, CLIENT_MAX_BODY_SIZE, PROXY_TIMEOUT,
            STATIC_PATH, IPV6);

    /** One host name, a leading "*." allowed, at most 253 characters. */
    private static ValueType<String> hostName() {
        Pattern pattern = Pattern.compile("(\\*\\.)?" + LABEL + "(\\." + LABEL + ")*");
        ValueType<String> name = ValueType.matching(pattern, "Allowed: one host name such as shop.example.com or *.example.com "
                + "(letters, digits, '-' and '.', no spaces, quotes, ';' or braces).");
        return new ValueType<>() {
            @Override
            public String parse(String label, String value) {
                if (value.length() > 253) {
                    throw new InvalidSettingException(label, value, "Allowed: a host name of at most 253 characters.");
                }
                return name.parse(label, value);
            }

            @Override
            public String allowed() {
                return name.allowed();
            }
        };
    }

    public static Nginx resolve(SettingValues settings) {
        return new Nginx(settings.get(SERVER_NAME), settings.getOr(LISTEN_PORT, 80),
                settings.getOr(CLIENT_MAX_BODY_SIZE, "10m"), settings.getOr(PROXY_TIMEOUT, 60),
                settings.getOr(STATIC_PATH, "/static/"), settings.getOr(IPV6, true));
    }

    /** The variables of every nginx site: the settings, and the names the generated config uses. */
    public Map<String, Object> variables(App app) {
        Map<String, Object> vars = new LinkedHashMap<>();
        serverName.ifPresent(name -> vars.put("serverName", name));
        vars.put("listenPort", listenPort);
        vars.put("clientMaxBodySize", clientMaxBodySize);
        vars.put("proxyTimeout", proxyTimeoutSeconds);
        vars.put("staticPath", staticPath);
        vars.put("ipv6", ipv6);
        String id = app.name().replace('-', '_');
        vars.put("upstream", id + "_app");
        // a name that starts with a digit would read as a regex capture ($2...)
        vars.put("connectionUpgrade", "connection_upgrade_" + id);
        return vars;
    }
}
