package dev.hostkit.maven;

import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.KitRequest;
import dev.hostkit.core.KitResult;
import dev.hostkit.core.model.InvalidSettingException;
import dev.hostkit.core.render.TemplateException;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.write.KitWriteException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import javax.inject.Inject;
import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * Renders the hosting kit (Dockerfile, compose.yaml, nginx site, ...) into
 * {@code ${project.build.directory}/hosting}. Maps parameters to {@link HostingSettings}
 * and leaves the work to {@link KitGenerator}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class GenerateMojo extends AbstractMojo {

    /** Skip rendering the kit. */
    @Parameter(property = "hosting.skip", defaultValue = "false")
    boolean skip;

    /** Where the kit is written. */
    @Parameter(property = "hosting.outputDirectory", defaultValue = "${project.build.directory}/hosting", required = true)
    File outputDirectory;

    /** Your templates: a file here overrides the built-in one at the same path; other *.mustache files are rendered too. */
    @Parameter(property = "hosting.templateDirectory", defaultValue = "${project.basedir}/src/main/hosting", required = true)
    File templateDirectory;

    /** The artifact sets to render (comma list): docker, compose, and any folder of your own templates. */
    @Parameter(property = "hosting.targets")
    List<String> targets;

    /** The application's name: image, compose project, nginx upstream. Default: the artifactId, lower-cased. */
    @Parameter(property = "hosting.appName")
    String appName;

    /** The TCP port the application listens on. Default 8080. */
    @Parameter(property = "hosting.port")
    String port;

    /** The public host name nginx answers for; other Host headers are rejected. Default: none (answer any). */
    @Parameter(property = "hosting.serverName")
    String serverName;

    /** The port nginx publishes. Default 80. */
    @Parameter(property = "hosting.listenPort")
    String listenPort;

    /** The path the health probes request. Default /. */
    @Parameter(property = "hosting.healthPath")
    String healthPath;

    /** The Java feature release of the runtime image. Default: maven.compiler.release (or target), else 17. */
    @Parameter(property = "hosting.javaVersion")
    String javaVersion;

    /** The base image of the app's container. Default eclipse-temurin:&lt;javaVersion&gt;-jre. */
    @Parameter(property = "hosting.baseImage")
    String baseImage;

    /** The class to run. Default: Main-Class of the jar's manifest. */
    @Parameter(property = "hosting.mainClass")
    String mainClass;

    /** The nginx image of the compose kit. Default nginx:1.28. */
    @Parameter(property = "hosting.nginxImage")
    String nginxImage;

    /** nginx client_max_body_size. Default 10m. */
    @Parameter(property = "hosting.clientMaxBodySize")
    String clientMaxBodySize;

    /** Seconds nginx waits for the app to accept, send and answer. Default 60. */
    @Parameter(property = "hosting.proxyTimeout")
    String proxyTimeout;

    /** compose restart policy of the services. Default unless-stopped. */
    @Parameter(property = "hosting.restartPolicy")
    String restartPolicy;

    /** Share of the container's memory the JVM heap may take, in percent. Default 75. */
    @Parameter(property = "hosting.maxRamPercentage")
    String maxRamPercentage;

    /** Environment variables for the app (no secrets: they are written into the kit). */
    @Parameter
    Map<String, String> env;

    /** Free values any template can read as {{values.KEY}}. */
    @Parameter
    Map<String, String> values;

    /** Replace files in the output directory that hostkit did not generate or that were changed by hand. */
    @Parameter(property = "hosting.overwrite", defaultValue = "false")
    boolean overwrite;

    /** Number of app instances on a bare machine (consecutive ports from port). Default 1. */
    @Parameter(property = "hosting.instances")
    String instances;

    /** Where install.sh puts releases on a bare machine. Default /opt/&lt;appName&gt;. */
    @Parameter(property = "hosting.installPrefix")
    String installPrefix;

    /** The directory nginx serves static files from on a bare machine. Default &lt;installPrefix&gt;/static. */
    @Parameter(property = "hosting.staticDirectory")
    String staticDirectory;

    /** The URL prefix of static files. Default /static/. */
    @Parameter(property = "hosting.staticPath")
    String staticPath;

    /** The java launcher on a bare machine. Default /usr/bin/java. */
    @Parameter(property = "hosting.javaCommand")
    String javaCommand;

    /** The app's runtime: java or python. Default: python for a project with manage.py or requirements.txt, no Java sources and no jar/war packaging; else java. */
    @Parameter(property = "hosting.runtime")
    String runtime;

    /** Python: the folder with the app's sources (manage.py, requirements.txt). Default: the project's base directory. */
    @Parameter(property = "hosting.appDirectory")
    String appDirectory;

    /** Python: the WSGI callable, module:callable. Default: guessed from manage.py or the one package/wsgi.py. */
    @Parameter(property = "hosting.wsgiModule")
    String wsgiModule;

    /** Python: gunicorn workers. Default: 2 x cores + 1 at run time (WEB_CONCURRENCY overrides). */
    @Parameter(property = "hosting.workers")
    String workers;

    /** Python: the Python version of the base image. Default 3.11. */
    @Parameter(property = "hosting.pythonVersion")
    String pythonVersion;

    /** HTTPS: the certificate chain (PEM) on the machine; with certificateKey turns TLS on. */
    @Parameter(property = "hosting.tls.certificate")
    String tlsCertificate;

    /** HTTPS: the private key (PEM) of tlsCertificate. */
    @Parameter(property = "hosting.tls.certificateKey")
    String tlsCertificateKey;

    /** HTTPS with Let's Encrypt certificates obtained by certbot in webroot mode. Default false. */
    @Parameter(property = "hosting.tls.acme")
    String tlsAcme;

    /** The ACME account's e-mail address (expiry notices). Optional. */
    @Parameter(property = "hosting.tls.acmeEmail")
    String tlsAcmeEmail;

    /** The folder nginx serves ACME challenges from. Default /var/www/letsencrypt. */
    @Parameter(property = "hosting.tls.acmeWebroot")
    String tlsAcmeWebroot;

    /** The HTTPS port nginx publishes. Default 443. */
    @Parameter(property = "hosting.tls.port")
    String tlsPort;

    /** Add includeSubDomains to HSTS. Default false. */
    @Parameter(property = "hosting.tls.hstsIncludeSubDomains")
    String tlsHstsIncludeSubDomains;

    /** Named environments (dev, prod, ...): each overrides settings and gets its own kit in outputDirectory/&lt;name&gt;. */
    @Parameter
    List<HostingEnvironment> environments;

    /** Render only these environments (comma list). Default: all declared. */
    @Parameter(property = "hosting.environments")
    List<String> selectedEnvironments;

    /**
     * Pack each kit into a zip attached with classifier hosting (or hosting-&lt;environment&gt;), so install and
     * deploy publish it. Default: true when the goal runs in the lifecycle, false from the command line.
     */
    @Parameter(property = "hosting.attach")
    Boolean attach;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    private final KitGenerator generator;
    private final MavenProjectHelper projectHelper;

    @Inject
    public GenerateMojo(KitGenerator generator, MavenProjectHelper projectHelper) {
        this.generator = generator;
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (skip) {
            getLog().info("hosting: skipped (hosting.skip=true)");
            return;
        }
        try {
            KitResult result = generator.generate(new KitRequest(settings(), nonNull(environments),
                    nonNull(selectedEnvironments), MavenProjectFacts.of(project), templateDirectory.toPath(),
                    outputDirectory.toPath(), overwrite));
            new ReportLog(getLog()).log(result.report());
            if (attach == null ? mojoExecution.getLifecyclePhase() != null : attach) {
                new KitAttacher(project, projectHelper, getLog()).attach(result);
            }
        } catch (InvalidSettingException | TemplateException | KitWriteException e) {
            throw new MojoFailureException("hosting: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("hosting: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    HostingSettings settings() {
        return new HostingSettings()
                .setAppName(appName).setPort(port).setServerName(serverName).setListenPort(listenPort)
                .setHealthPath(healthPath).setJavaVersion(javaVersion).setBaseImage(baseImage)
                .setMainClass(mainClass).setNginxImage(nginxImage).setClientMaxBodySize(clientMaxBodySize)
                .setProxyTimeout(proxyTimeout).setRestartPolicy(restartPolicy).setMaxRamPercentage(maxRamPercentage)
                .setInstances(instances).setInstallPrefix(installPrefix).setStaticDirectory(staticDirectory)
                .setStaticPath(staticPath).setJavaCommand(javaCommand)
                .setRuntime(runtime).setAppDirectory(appDirectory).setWsgiModule(wsgiModule).setWorkers(workers)
                .setPythonVersion(pythonVersion)
                .setTlsCertificate(tlsCertificate).setTlsCertificateKey(tlsCertificateKey).setTlsAcme(tlsAcme)
                .setTlsAcmeEmail(tlsAcmeEmail).setTlsAcmeWebroot(tlsAcmeWebroot).setTlsPort(tlsPort)
                .setTlsHstsIncludeSubDomains(tlsHstsIncludeSubDomains)
                .setTargets(targets).setEnv(env).setValues(values);
    }
}
