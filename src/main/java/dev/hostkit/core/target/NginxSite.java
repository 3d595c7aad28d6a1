package dev.hostkit.core.target;

import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.model.Tls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the shared nginx partials ({@code partials/nginx/site}) read about one site, for the
 * targets that run nginx: a template uses it as a section, {@code {{#host.site}}{{> nginx/site}}{{/host.site}}}.
 */
public final class NginxSite {
    private NginxSite() {}

    /**
     * @param listen      the plain HTTP port nginx listens on
     * @param tlsListen   the HTTPS port nginx listens on (inside a container: not the published one)
     * @param servers     the upstream servers, {@code host:port} or {@code unix:path}
     * @param staticFiles {@code path} (URL prefix) and {@code directory} nginx serves itself, or {@code null}
     * @param version     the version of the nginx that runs the site
     */
    public static Map<String, Object> variables(SharedModel shared, int listen, int tlsListen, List<String> servers,
                                                Map<String, String> staticFiles, NginxVersion version) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("nginxVersion", version.toString());
        vars.put("http2Directive", version.hasHttp2Directive());
        vars.put("tlsListen", tlsListen);
        // redirects name the port clients reach, which for compose is the published one
        int publicTlsPort = shared.tls().map(Tls::port).orElse(443);
        vars.put("httpsPortSuffix", publicTlsPort == 443 ? "" : ":" + publicTlsPort);
        vars.put("publicPort", shared.tls().isPresent() ? publicTlsPort : shared.nginx().listenPort());
        if (staticFiles != null) {
            vars.put("static", staticFiles);
        }
        vars.put("listen", listen);
        vars.put("servers", servers);
        // try each instance at most once before giving up on a request
        vars.put("upstreamTries", servers.size());
        return vars;
    }
}
