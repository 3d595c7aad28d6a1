package dev.hostkit.core.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the user asked for, as typed: every field is optional and unvalidated.
 * {@link dev.hostkit.core.model.ModelFactory} turns it into a validated model.
 * Scalars are strings so that a bad value (say a port "eighty") reaches our validation
 * and its message, not a generic conversion error.
 */
public class HostingSettings {
    private String appName;
    private String port;
    private String serverName;
    private String listenPort;
    private String healthPath;
    private String javaVersion;
    private String baseImage;
    private String mainClass;
    private String nginxImage;
    private String clientMaxBodySize;
    private String proxyTimeout;
    private String restartPolicy;
    private String maxRamPercentage;
    private String instances;
    private String installPrefix;
    private String staticDirectory;
    private String staticPath;
    private String javaCommand;
    private String runtime;
    private String appDirectory;
    private String wsgiModule;
    private String workers;
    private String pythonVersion;
    private String tlsCertificate;
    private String tlsCertificateKey;
    private String tlsAcme;
    private String tlsAcmeEmail;
    private String tlsAcmeWebroot;
    private String tlsPort;
    private String tlsHstsIncludeSubDomains;
    private List<String> targets = new ArrayList<>();
    private Map<String, String> env = new LinkedHashMap<>();
    private Map<String, String> values = new LinkedHashMap<>();

    public String getAppName() { return appName; }
    public HostingSettings setAppName(String appName) { this.appName = appName; return this; }
    public String getPort() { return port; }
    public HostingSettings setPort(String port) { this.port = port; return this; }
    public String getServerName() { return serverName; }
    public HostingSettings setServerName(String serverName) { this.serverName = serverName; return this; }
    public String getListenPort() { return listenPort; }
    public HostingSettings setListenPort(String listenPort) { this.listenPort = listenPort; return this; }
    public String getHealthPath() { return healthPath; }
    public HostingSettings setHealthPath(String healthPath) { this.healthPath = healthPath; return this; }
    public String getJavaVersion() { return javaVersion; }
    public HostingSettings setJavaVersion(String javaVersion) { this.javaVersion = javaVersion; return this; }
    public String getBaseImage() { return baseImage; }
    public HostingSettings setBaseImage(String baseImage) { this.baseImage = baseImage; return this; }
    public String getMainClass() { return mainClass; }
    public HostingSettings setMainClass(String mainClass) { this.mainClass = mainClass; return this; }
    public String getNginxImage() { return nginxImage; }
    public HostingSettings setNginxImage(String nginxImage) { this.nginxImage = nginxImage; return this; }
    public String getClientMaxBodySize() { return clientMaxBodySize; }
    public HostingSettings setClientMaxBodySize(String size) { this.clientMaxBodySize = size; return this; }
    public String getProxyTimeout() { return proxyTimeout; }
    public HostingSettings setProxyTimeout(String proxyTimeout) { this.proxyTimeout = proxyTimeout; return this; }
    public String getRestartPolicy() { return restartPolicy; }
    public HostingSettings setRestartPolicy(String restartPolicy) { this.restartPolicy = restartPolicy; return this; }
    public String getMaxRamPercentage() { return maxRamPercentage; }
    public HostingSettings setMaxRamPercentage(String value) { this.maxRamPercentage = value; return this; }
    public String getInstances() { return instances; }
    public HostingSettings setInstances(String instances) { this.instances = instances; return this; }
    public String getInstallPrefix() { return installPrefix; }
    public HostingSettings setInstallPrefix(String installPrefix) { this.installPrefix = installPrefix; return this; }
    public String getStaticDirectory() { return staticDirectory; }
    public HostingSettings setStaticDirectory(String staticDirectory) { this.staticDirectory = staticDirectory; return this; }
    public String getStaticPath() { return staticPath; }
    public HostingSettings setStaticPath(String staticPath) { this.staticPath = staticPath; return this; }
    public String getJavaCommand() { return javaCommand; }
    public HostingSettings setJavaCommand(String javaCommand) { this.javaCommand = javaCommand; return this; }
    public String getRuntime() { return runtime; }
    public HostingSettings setRuntime(String value) { this.runtime = value; return this; }
    public String getAppDirectory() { return appDirectory; }
    public HostingSettings setAppDirectory(String value) { this.appDirectory = value; return this; }
    public String getWsgiModule() { return wsgiModule; }
    public HostingSettings setWsgiModule(String value) { this.wsgiModule = value; return this; }
    public String getWorkers() { return workers; }
    public HostingSettings setWorkers(String value) { this.workers = value; return this; }
    public String getPythonVersion() { return pythonVersion; }
    public HostingSettings setPythonVersion(String value) { this.pythonVersion = value; return this; }
    public String getTlsCertificate() { return tlsCertificate; }
    public HostingSettings setTlsCertificate(String value) { this.tlsCertificate = value; return this; }
    public String getTlsCertificateKey() { return tlsCertificateKey; }
    public HostingSettings setTlsCertificateKey(String value) { this.tlsCertificateKey = value; return this; }
    public String getTlsAcme() { return tlsAcme; }
    public HostingSettings setTlsAcme(String value) { this.tlsAcme = value; return this; }
    public String getTlsAcmeEmail() { return tlsAcmeEmail; }
    public HostingSettings setTlsAcmeEmail(String value) { this.tlsAcmeEmail = value; return this; }
    public String getTlsAcmeWebroot() { return tlsAcmeWebroot; }
    public HostingSettings setTlsAcmeWebroot(String value) { this.tlsAcmeWebroot = value; return this; }
    public String getTlsPort() { return tlsPort; }
    public HostingSettings setTlsPort(String value) { this.tlsPort = value; return this; }
    public String getTlsHstsIncludeSubDomains() { return tlsHstsIncludeSubDomains; }
    public HostingSettings setTlsHstsIncludeSubDomains(String value) { this.tlsHstsIncludeSubDomains = value; return this; }
    public List<String> getTargets() { return targets; }
    public HostingSettings setTargets(List<String> targets) { this.targets = targets == null ? new ArrayList<>() : new ArrayList<>(targets); return this; }
    public Map<String, String> getEnv() { return env; }
    public HostingSettings setEnv(Map<String, String> env) { this.env = env == null ? new LinkedHashMap<>() : new LinkedHashMap<>(env); return this; }
    public Map<String, String> getValues() { return values; }
    public HostingSettings setValues(Map<String, String> values) { this.values = values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values); return this; }

    /**
     * These settings with an environment's on top: a setting the environment has replaces
     * this one; maps merge key by key, and an empty value in the environment removes the key;
     * lists (targets) replace.
     */
    public HostingSettings overlay(HostingSettings environment) {
        HostingSettings merged = new HostingSettings()
                .setAppName(pick(environment.appName, appName))
                .setPort(pick(environment.port, port))
                .setServerName(pick(environment.serverName, serverName))
                .setListenPort(pick(environment.listenPort, listenPort))
                .setHealthPath(pick(environment.healthPath, healthPath))
                .setJavaVersion(pick(environment.javaVersion, javaVersion))
                .setBaseImage(pick(environment.baseImage, baseImage))
                .setMainClass(pick(environment.mainClass, mainClass))
                .setNginxImage(pick(environment.nginxImage, nginxImage))
                .setClientMaxBodySize(pick(environment.clientMaxBodySize, clientMaxBodySize))
                .setProxyTimeout(pick(environment.proxyTimeout, proxyTimeout))
                .setRestartPolicy(pick(environment.restartPolicy, restartPolicy))
                .setMaxRamPercentage(pick(environment.maxRamPercentage, maxRamPercentage))
                .setInstances(pick(environment.instances, instances))
                .setInstallPrefix(pick(environment.installPrefix, installPrefix))
                .setStaticDirectory(pick(environment.staticDirectory, staticDirectory))
                .setStaticPath(pick(environment.staticPath, staticPath))
                .setJavaCommand(pick(environment.javaCommand, javaCommand))
                .setRuntime(pick(environment.runtime, runtime))
                .setAppDirectory(pick(environment.appDirectory, appDirectory))
                .setWsgiModule(pick(environment.wsgiModule, wsgiModule))
                .setWorkers(pick(environment.workers, workers))
                .setPythonVersion(pick(environment.pythonVersion, pythonVersion))
                .setTlsCertificate(pick(environment.tlsCertificate, tlsCertificate))
                .setTlsCertificateKey(pick(environment.tlsCertificateKey, tlsCertificateKey))
                .setTlsAcme(pick(environment.tlsAcme, tlsAcme))
                .setTlsAcmeEmail(pick(environment.tlsAcmeEmail, tlsAcmeEmail))
                .setTlsAcmeWebroot(pick(environment.tlsAcmeWebroot, tlsAcmeWebroot))
                .setTlsPort(pick(environment.tlsPort, tlsPort))
                .setTlsHstsIncludeSubDomains(pick(environment.tlsHstsIncludeSubDomains, tlsHstsIncludeSubDomains))
                .setTargets(environment.targets.isEmpty() ? targets : environment.targets);
        return merged.setEnv(merge(env, environment.env)).setValues(merge(values, environment.values));
    }

    private static String pick(String fromEnvironment, String fromTop) {
        return fromEnvironment != null ? fromEnvironment : fromTop;
    }

    private static Map<String, String> merge(Map<String, String> top, Map<String, String> environment) {
        Map<String, String> merged = new LinkedHashMap<>(top);
        environment.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
