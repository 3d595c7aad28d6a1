package dev.hostkit.maven;

import dev.hostkit.core.BuildSettings;
import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.render.TemplateException;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.write.KitWriteException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.configuration.PlexusConfiguration;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters every hostkit goal shares: one field per declared setting, named like it and
 * documented with the declaration's text (a test keeps them in step), so that the plugin's
 * {@code <configuration>} means the same to generate, describe and eject. A goal maps them to
 * the core's settings and leaves the work to the core.
 */
public abstract class AbstractKitMojo extends AbstractMojo {
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
     * (compose brings docker). Default: every built-in target and your template folders.
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

    // ---- target docker ----

    /**
     * The base image of the app's container: an explicit tag or digest, not `latest`; Debian or Ubuntu based
     * (the Dockerfile runs useradd, the Java probe bash). Default: the runtime's:
     * `eclipse-temurin:{javaVersion}-jre`, `python:{pythonVersion}-slim`.
     */
    @Parameter(property = "hosting.baseImage")
    String baseImage;

    // ---- target compose ----

    /** The nginx image of the compose kit: an explicit tag or digest, not `latest`. Default: `nginx:1.28`. */
    @Parameter(property = "hosting.nginxImage")
    String nginxImage;

    /**
     * The compose restart policy of both services: `no`, `always`, `unless-stopped`, `on-failure[:N]`.
     * Default: `unless-stopped`.
     */
    @Parameter(property = "hosting.restartPolicy")
    String restartPolicy;

    /**
     * The app container's memory limit in compose (`mem_limit`), such as `512m` or `2g`; the JVM's heap is
     * `maxRamPercentage` of it. None: no limit. Default: none.
     */
    @Parameter(property = "hosting.memoryLimit")
    String memoryLimit;

    /** The CPUs the app container may use in compose (`cpus`), such as `0.5` or `2`. None: no limit. Default: none. */
    @Parameter(property = "hosting.cpuLimit")
    String cpuLimit;

    // ---- target host ----

    /**
     * App instances on a bare machine, 1–64, on ports `port` … `port + instances - 1` (at most 65535).
     * Default: `1`.
     */
    @Parameter(property = "hosting.instances")
    String instances;

    /**
     * Where install.sh puts the releases on a bare machine: an absolute path of letters, digits and `. _ -`.
     * Default: `/opt/{appName}`.
     */
    @Parameter(property = "hosting.installPrefix")
    String installPrefix;

    /**
     * The folder nginx serves `staticPath` from on a bare machine, an absolute path. Default:
     * `{installPrefix}/static`.
     */
    @Parameter(property = "hosting.staticDirectory")
    String staticDirectory;

    // ---- runtime java ----

    /**
     * The Java app's framework: `spring-boot`, `quarkus`, `micronaut` or `plain` (see the Java section).
     * Default: detected.
     */
    @Parameter(property = "hosting.framework")
    String framework;

    /**
     * The Java feature release (8–99) of the runtime image and of the machine's JRE. Default:
     * `maven.compiler.release` (or `.target`, `.source`), else `17`.
     */
    @Parameter(property = "hosting.javaVersion")
    String javaVersion;

    /** The class to run, fully qualified. Default: the jar manifest's `Main-Class`. */
    @Parameter(property = "hosting.mainClass")
    String mainClass;

    /** The share of the container's memory the JVM heap may take, 10–95 percent. Default: `75`. */
    @Parameter(property = "hosting.maxRamPercentage")
    String maxRamPercentage;

    /** The java launcher on a bare machine, an absolute path. Default: `/usr/bin/java`. */
    @Parameter(property = "hosting.javaCommand")
    String javaCommand;

    // ---- runtime python ----

    /**
     * The folder with the app's sources (`manage.py`, `requirements.txt`), absolute or relative to the
     * project; it must exist. Default: the project's folder.
     */
    @Parameter(property = "hosting.appDirectory")
    String appDirectory;

    /**
     * The WSGI callable gunicorn serves, `module:callable`. Default: `{settings package}.wsgi:application`
     * from `manage.py`, else the one `{package}/wsgi.py`.
     */
    @Parameter(property = "hosting.wsgiModule")
    String wsgiModule;

    /** gunicorn's worker processes, 1–256. Default: `2 x cores + 1` at run time (`WEB_CONCURRENCY` wins). */
    @Parameter(property = "hosting.workers")
    String workers;

    /** The Python version of the base image `python:{pythonVersion}-slim`, `3.N`. Default: `3.11`. */
    @Parameter(property = "hosting.pythonVersion")
    String pythonVersion;

    // ---- what Maven provides ----

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoFailureException, MojoExecutionException {
        try {
            run();
        } catch (InvalidSettingException | TemplateException | KitWriteException e) {
            throw new MojoFailureException("hosting: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("hosting: " + e.getMessage(), e);
        }
    }

    /** The goal's work; hostkit's errors become build failures with their message. */
    abstract void run();

    /** The kit settings as the parameters set them. */
    HostingSettings settings() {
        return parameters(BuiltIns.load().kitSettings()).settings();
    }

    /** The environments as {@code <environments>} declares them, values evaluated as Maven evaluates parameters. */
    List<HostingEnvironment> environments() {
        return new EnvironmentConfiguration(BuiltIns.load().kitSettings(),
                new PluginParameterExpressionEvaluator(session, mojoExecution)).read(environments);
    }

    /** Every setting of the build and of a kit, as its parameter holds it. */
    MojoParameters everyParameter() {
        List<Setting<?>> every = new ArrayList<>(BuildSettings.SETTINGS);
        every.addAll(BuiltIns.load().kitSettings());
        return parameters(every);
    }

    private MojoParameters parameters(List<Setting<?>> settings) {
        return new MojoParameters(this, settings);
    }

    /** Where the parameters got their values. */
    ParameterSources sources() {
        return new ParameterSources(everyParameter(), session, project, getLog());
    }
}
