package dev.hostkit.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the build and of the settings every kit shares (the app, nginx, HTTPS), one
 * field per declared setting, named like it and documented with the declaration's text.
 * {@link AbstractKitMojo} adds the targets' and runtimes' parameters and the goals' common work.
 */
abstract class SharedParameters extends AbstractMojo {
    // ---- the build ----

    /** Skip rendering the kit: `true` or `false`. Default: `false`. */
    @Parameter(property = "hosting.skip")
    String skip;

    /**
     * Where the kit is written (one folder per environment when there are environments). Default:
     * `${project.build.directory}/hosting`.
     */
    @Parameter(property = "hosting.outputDirectory", defaultValue = "${project.build.directory}/hosting", required = true)
    File outputDirectory;

    /**
     * Your templates: a file here overrides the built-in one of the same name; other `*.mustache` files are
     * rendered too. Default: `${project.basedir}/src/main/hosting`.
     */
    @Parameter(property = "hosting.templateDirectory", defaultValue = "${project.basedir}/src/main/hosting", required = true)
    File templateDirectory;

    /**
     * `true` replaces files in the output directory that hostkit did not generate or that were changed by
     * hand. Default: `false`.
     */
    @Parameter(property = "hosting.overwrite")
    String overwrite;

    /**
     * Named environments, each an `environment` element with a `name` and any kit setting: a kit of its own in
     * `{outputDirectory}/{name}`. Default: none.
     */
    @Parameter
    PlexusConfiguration environments;

    /**
     * Render only these environments (a comma list of declared names); the other kits stay as they are.
     * Default: all declared.
     */
    @Parameter(property = "hosting.environments")
    List<String> selectedEnvironments;

    /**
     * `true` packs each kit into a zip attached with classifier `hosting` (or `hosting-{environment}`), so
     * that install and deploy publish it. Default: `true` in the lifecycle, `false` from the command line.
     */
    @Parameter(property = "hosting.attach")
    String attach;

    // ---- the app ----

    /**
     * The targets to render: built-in ones and folders of your own templates; a target brings those it needs
     * (compose brings docker). `kubernetes` is opt-in: only a list that names it renders it. Default: every
     * built-in target but `kubernetes`, and your template folders.
     */
    @Parameter(property = "hosting.targets")
    List<String> targets;

    /** The app's runtime: `java` or `python` (see their sections). Default: detected. */
    @Parameter(property = "hosting.runtime")
    String runtime;

    /**
     * The application's name (image, compose project, nginx upstream, system user and unit): 1–63 of `a-z 0-9
     * -`, not starting or ending with `-`. Default: the artifactId, lower-cased, other characters → `-`.
     */
    @Parameter(property = "hosting.appName")
    String appName;

    /**
     * The TCP port the application listens on, 1–65535. Default: the port the app's own configuration sets
     * (Java), else `8080` for Java, `8000` for Python.
     */
    @Parameter(property = "hosting.port")
    String port;

    /**
     * The path the health probes request, which must answer 2xx or 3xx: `/` and letters, digits, `. _ ~ / -`,
     * optionally `?query` (adding `= &`). Default: the framework's readiness path (Java, see its section), else
     * `/`.
     */
    @Parameter(property = "hosting.healthPath")
    String healthPath;

    /**
     * Environment variables of the app, written into the kit (no secrets). Names match
     * `[A-Za-z_][A-Za-z0-9_]*` and are none the kit sets itself (for Java the framework's port, bind and proxy
     * variables, such as `PORT` and `BIND_ADDRESS`; for Python `PORT`, `DJANGO_ALLOWED_HOSTS`,
     * `DJANGO_STATIC_ROOT`); values are one line without control characters (tab allowed), and a value with
     * `$` cannot also have a backslash before a quote or at its end. Default: none.
     */
    @Parameter
    Map<String, String> env;

    /** Free values for your templates, read as `{{values.KEY}}`; keys match `[A-Za-z_][A-Za-z0-9_]*`. Default: none. */
    @Parameter
    Map<String, String> values;

    // ---- nginx ----

    /**
     * The public host name nginx answers for, `*.` wildcard allowed; a request for any other Host gets no
     * answer. Default: none: nginx answers any Host.
     */
    @Parameter(property = "hosting.serverName")
    String serverName;

    /**
     * The port nginx publishes for plain HTTP, 1–65535; on a bare machine none of the instances' ports.
     * Default: `80`.
     */
    @Parameter(property = "hosting.listenPort")
    String listenPort;

    /** The largest request body nginx accepts: a number with an optional `k`, `m` or `g`. Default: `10m`. */
    @Parameter(property = "hosting.clientMaxBodySize")
    String clientMaxBodySize;

    /** Seconds nginx waits for the app to read a request and to answer, 1–3600 (connecting: 5 s). Default: `60`. */
    @Parameter(property = "hosting.proxyTimeout")
    String proxyTimeout;

    /** The URL prefix of the static files nginx serves itself, starting and ending with `/`. Default: `/static/`. */
    @Parameter(property = "hosting.staticPath")
    String staticPath;

    /** `true`: nginx listens on IPv6 (`[::]`) beside IPv4; `false` for a machine or container without IPv6. Default: `true`. */
    @Parameter(property = "hosting.ipv6")
    String ipv6;

    // ---- HTTPS ----

    /**
     * The certificate chain (PEM) on the machine, an absolute path; with `tlsCertificateKey` it turns HTTPS
     * on. Default: none.
     */
    @Parameter(property = "hosting.tls.certificate")
    String tlsCertificate;

    /** The private key (PEM) of `tlsCertificate` on the machine, an absolute path: both or neither. Default: none. */
    @Parameter(property = "hosting.tls.certificateKey")
    String tlsCertificateKey;

    /**
     * `true`: HTTPS with Let's Encrypt certificates from certbot's webroot mode (needs serverName, no
     * wildcard, no certificate paths). Default: `false`.
     */
    @Parameter(property = "hosting.tls.acme")
    String tlsAcme;

    /** The ACME account's e-mail address, for expiry notices. Default: none. */
    @Parameter(property = "hosting.tls.acmeEmail")
    String tlsAcmeEmail;

    /** The folder nginx serves ACME challenges from. Default: `/var/www/letsencrypt`. */
    @Parameter(property = "hosting.tls.acmeWebroot")
    String tlsAcmeWebroot;

    /**
     * The HTTPS port nginx publishes, 1–65535, not `listenPort`; on a bare machine none of the instances'
     * ports. Default: `443`.
     */
    @Parameter(property = "hosting.tls.port")
    String tlsPort;

    /** `true` adds `includeSubDomains` to the HSTS header. Default: `false`. */
    @Parameter(property = "hosting.tls.hstsIncludeSubDomains")
    String tlsHstsIncludeSubDomains;
}
