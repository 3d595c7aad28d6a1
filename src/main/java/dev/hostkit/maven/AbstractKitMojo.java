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
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters every hostkit goal shares: one field per declared setting, named like it and
 * documented with the declaration's text (a test keeps them in step), so that the plugin's
 * {@code <configuration>} means the same to generate, describe and eject. The build's and the
 * shared settings' fields are in {@link SharedParameters}, the kubernetes target's in
 * {@link KubernetesParameters}; the other targets' and runtimes' are here.
 * A goal maps them to the core's settings and leaves the work to the core.
 */
public abstract class AbstractKitMojo extends KubernetesParameters {
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
     * The version of nginx in `nginxImage`, such as `1.28`, for an image whose tag names none (a digest, `mainline`);
     * it decides how the site turns HTTP/2 on. Default: the `nginxImage` tag's version.
     */
    @Parameter(property = "hosting.composeNginxVersion")
    String composeNginxVersion;

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

    /**
     * The memory each instance may use on a bare machine (systemd `MemoryMax=`), such as `512m` or `2g`; the JVM's
     * heap is `maxRamPercentage` of it. None: no limit. Default: none.
     */
    @Parameter(property = "hosting.hostMemoryLimit")
    String hostMemoryLimit;

    /**
     * The version of the machine's nginx (Debian bookworm's is 1.22, trixie's 1.26, Ubuntu 24.04's 1.24); it decides
     * how the site turns HTTP/2 on. Default: `1.22`.
     */
    @Parameter(property = "hosting.hostNginxVersion")
    String hostNginxVersion;

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

    /**
     * The share of the container's memory (on a bare machine: of `hostMemoryLimit`, when set) the JVM heap may take,
     * 10–95 percent. Default: `75`.
     */
    @Parameter(property = "hosting.maxRamPercentage")
    String maxRamPercentage;

    /** The java launcher on a bare machine, an absolute path. Default: `/usr/bin/java`. */
    @Parameter(property = "hosting.javaCommand")
    String javaCommand;

    /**
     * Management paths nginx serves on purpose, such as `/actuator/health` (and what is under it); every other one
     * under `/actuator` (Spring Boot) or `/q` (Quarkus) answers 404 through nginx. Default: none.
     */
    @Parameter(property = "hosting.publicManagementPaths")
    List<String> publicManagementPaths;

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

    /**
     * Patterns in `.gitignore` syntax of sources that ship although a `.gitignore` ignores them; never what always
     * stays out (databases, env files, `.git/`, virtual environments: see Python apps). Default: none.
     */
    @Parameter(property = "hosting.sourceIncludes")
    List<String> sourceIncludes;

    /**
     * Patterns in `.gitignore` syntax of sources that never ship, besides the project's `.gitignore` files and what
     * always stays out. Default: none.
     */
    @Parameter(property = "hosting.sourceExcludes")
    List<String> sourceExcludes;

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
