package dev.hostkit.core.target.kubernetes;

import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.settings.ValueType;
import dev.hostkit.core.syntax.Quoting;
import dev.hostkit.core.target.Contribution;
import dev.hostkit.core.target.KitContext;
import dev.hostkit.core.target.Target;
import dev.hostkit.core.target.docker.DockerTarget;

import javax.inject.Named;
import javax.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubernetes/}: the app on a cluster, {@code kubectl apply -k} ready (Deployment, Service, Ingress,
 * HPA, PDB, NetworkPolicy, ServiceAccount, ConfigMap, Namespace under the restricted Pod Security profile).
 * Opt-in: only {@code hosting.targets} naming it renders it.
 */
@Named("kubernetes")
@Singleton
public final class KubernetesTarget implements Target {
    /** The image's numeric user and group (the Dockerfile's), so that runAsNonRoot can verify it. */
    static final int UID = 10001;
    /** The release Job (Django's migrations) and its NetworkPolicy, rendered only when the runtime has a release command. */
    static final java.util.Set<String> RELEASE_TEMPLATES = java.util.Set.of("kubernetes/release-job.yaml.mustache",
            "kubernetes/release-networkpolicy.yaml.mustache");
    /** registry/name with an optional tag or digest. */
    private static final Pattern IMAGE = ValueType.IMAGE_REFERENCE;
    private static final String IMAGE_ALLOWED = "Allowed: an image repository such as registry.example.com/team/shop "
            + "(the tag is then the project's version), optionally with an explicit :tag or @sha256 digest; never 'latest'.";

    public static final Setting<String> NAMESPACE = Setting.value("namespace", ValueType.dnsLabel(), "`{appName}`",
            "The Kubernetes namespace of every object (kustomization and manifests), a DNS-1123 label.")
            .shownAs("kubernetes.namespace");
    public static final Setting<String> IMAGE_SETTING = Setting.value("image", ValueType.matching(IMAGE, IMAGE_ALLOWED),
            "`{appName}:{version}`", "The app's image on Kubernetes: `registry/name`, tagged with the project's version "
                    + "unless it names a tag or `@sha256:` digest; never `latest`.")
            .shownAs("kubernetes.image");
    public static final Setting<String> PULL_POLICY = Setting.value("imagePullPolicy", ValueType.matching(
                    Pattern.compile("Always|IfNotPresent|Never"), "Allowed: Always, IfNotPresent or Never."),
            "`Always`", "The pods' image pull policy: `Always` (a re-pushed tag such as a SNAPSHOT's is pulled again; "
                    + "a cached image costs a digest check), `IfNotPresent` or `Never`.")
            .shownAs("kubernetes.imagePullPolicy");
    public static final Setting<Integer> MIN_REPLICAS = Setting.value("minReplicas",
            ValueType.wholeNumber(2, 100, "Allowed: a whole number from 2 to 100 (one pod is no availability)."), "`2`",
            "The fewest pods the HorizontalPodAutoscaler keeps, 2–100.")
            .shownAs("kubernetes.minReplicas");
    public static final Setting<Integer> MAX_REPLICAS = Setting.value("maxReplicas",
            ValueType.wholeNumber(2, 100, "Allowed: a whole number from 2 to 100, at least minReplicas."), "`4`, at least `minReplicas`",
            "The most pods the HorizontalPodAutoscaler starts, 2–100 and at least `minReplicas`.")
            .shownAs("kubernetes.maxReplicas");
    public static final Setting<Integer> CPU_UTILIZATION = Setting.value("targetCpuUtilization",
            ValueType.wholeNumber(10, 100, "Allowed: a percentage from 10 to 100."), "`70`",
            "The average CPU use, in percent of the request, the HorizontalPodAutoscaler scales to, 10–100.")
            .shownAs("kubernetes.targetCpuUtilization");
    public static final Setting<String> CPU_REQUEST = Setting.value("podCpuRequest", ValueType.kubernetesCpu(), "`250m`",
            "The CPU each pod requests, a Kubernetes quantity such as `250m` or `1`; no CPU limit (throttling).")
            .shownAs("kubernetes.cpuRequest");
    public static final Setting<String> MEMORY_REQUEST = Setting.value("podMemoryRequest", ValueType.kubernetesMemory(),
            "`podMemoryLimit`", "The memory each pod requests, such as `512Mi`; at most `podMemoryLimit`.")
            .shownAs("kubernetes.memoryRequest");
    public static final Setting<String> MEMORY_LIMIT = Setting.value("podMemoryLimit", ValueType.kubernetesMemory(),
            "`512Mi`", "The memory limit of the app's container, such as `512Mi` or `2Gi`; the JVM's heap is "
                    + "`maxRamPercentage` of it.")
            .shownAs("kubernetes.memoryLimit");
    public static final Setting<String> INGRESS_CLASS = Setting.value("ingressClassName", ValueType.dnsLabel(), "`nginx`",
            "The Ingress's `ingressClassName`; its annotations are ingress-nginx's.")
            .shownAs("kubernetes.ingressClassName");
    public static final Setting<String> INGRESS_NAMESPACE = Setting.value("ingressNamespace", ValueType.dnsLabel(),
            "`ingress-nginx`", "The namespace of the ingress controller: the NetworkPolicy lets only its pods reach the app port.")
            .shownAs("kubernetes.ingressNamespace");
    public static final Setting<String> ENV_SECRET = Setting.value("envSecret", ValueType.dnsLabel(), "`{appName}-env`",
            "The Secret whose keys become the app's environment (`envFrom`, optional): secrets stay out of the kit.")
            .shownAs("kubernetes.envSecret");

    public static final Setting<Map<String, String>> POD_ANNOTATIONS = Setting.map("podAnnotations", "none",
            "Annotations of the pods, such as `team`: keys `[prefix/]name` as Kubernetes allows them (POM XML cannot hold the `/`), "
                    + "values one line.")
            .shownAs("kubernetes.podAnnotations");
    private static final Pattern ANNOTATION_KEY = Pattern.compile(
            "([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?");

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public boolean selectedByDefault() {
        return false;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(NAMESPACE, IMAGE_SETTING, PULL_POLICY, MIN_REPLICAS, MAX_REPLICAS, CPU_UTILIZATION, CPU_REQUEST,
                MEMORY_REQUEST, MEMORY_LIMIT, INGRESS_CLASS, INGRESS_NAMESPACE, ENV_SECRET, POD_ANNOTATIONS);
    }

    @Override
    public Contribution contribute(KitContext kit) {
        SharedModel shared = kit.shared();
        SettingValues settings = kit.settings();
        String app = shared.app().name();
        int min = settings.getOr(MIN_REPLICAS, 2);
        int max = settings.getOr(MAX_REPLICAS, Math.max(4, min));
        if (max < min) {
            throw new InvalidSettingException(MAX_REPLICAS.label(), String.valueOf(max),
                    "Allowed: at least minReplicas (" + min + ").");
        }
        String limit = settings.getOr(MEMORY_LIMIT, "512Mi");
        String request = settings.getOr(MEMORY_REQUEST, limit);
        if (mebibytes(request) > mebibytes(limit)) {
            throw new InvalidSettingException(MEMORY_REQUEST.label(), request, "Allowed: at most podMemoryLimit (" + limit + ").");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("namespace", settings.getOr(NAMESPACE, app));
        vars.put("image", image(settings, shared.app().name(), shared.app().version()));
        vars.put("imagePullPolicy", settings.getOr(PULL_POLICY, "Always"));
        vars.put("minReplicas", min);
        vars.put("maxReplicas", max);
        vars.put("targetCpuUtilization", settings.getOr(CPU_UTILIZATION, 70));
        vars.put("cpuRequest", settings.getOr(CPU_REQUEST, "250m"));
        vars.put("memoryRequest", request);
        vars.put("memoryLimit", limit);
        vars.put("ingressClassName", settings.getOr(INGRESS_CLASS, "nginx"));
        vars.put("ingressNamespace", settings.getOr(INGRESS_NAMESPACE, "ingress-nginx"));
        vars.put("envSecret", settings.getOr(ENV_SECRET, app + "-env"));
        vars.put("tlsSecret", app + "-tls");
        vars.put("uid", UID);
        // the preStop pause (10 s), then the longest request the proxy waits for, and a margin
        vars.put("terminationGracePeriod", 10 + shared.nginx().proxyTimeoutSeconds() + 5);
        vars.put("labels", labels(shared));
        vars.put("selector", List.of(label("app.kubernetes.io/name", app), label("app.kubernetes.io/instance", instance(shared))));
        vars.put("probes", Probes.of(shared.app().healthPath()));
        vars.put("env", env(shared));
        vars.put("podAnnotations", annotations(settings.map(POD_ANNOTATIONS)));
        vars.put("hasPodAnnotations", !settings.map(POD_ANNOTATIONS).isEmpty());
        shared.nginx().serverName().ifPresent(host -> vars.put("host", Quoting.json(host)));
        List<String> release = kit.runtime().releaseCommand();
        if (release.isEmpty()) {
            return Contribution.of(vars).skipping(RELEASE_TEMPLATES);
        }
        vars.put("releaseCommand", DockerTarget.execArray(release));
        vars.put("releaseJob", app + "-release-" + labelValue(DockerTarget.imageTag(shared.app().version()).toLowerCase()
                .replaceAll("[^a-z0-9-]", "-")).replaceAll("^(.{0,40}).*", "$1").replaceAll("-+$", ""));
        return Contribution.of(vars);
    }

    private static String image(SettingValues settings, String app, String version) {
        String image = settings.get(IMAGE_SETTING).orElse(app);
        Matcher matcher = IMAGE.matcher(image);
        if (!matcher.matches()) {
            throw new IllegalStateException("unparsed image " + image);
        }
        if ("latest".equals(matcher.group("tag"))) {
            throw new InvalidSettingException(IMAGE_SETTING.label(), image, IMAGE_ALLOWED);
        }
        if (matcher.group("tag") != null || matcher.group("digest") != null) {
            return image;
        }
        String tag = DockerTarget.imageTag(version);
        if (tag.equals("latest")) {
            throw new InvalidSettingException(IMAGE_SETTING.label(), image + " (tag from version '" + version + "')", IMAGE_ALLOWED);
        }
        return image + ":" + tag;
    }

    private static long mebibytes(String quantity) {
        long number = Long.parseLong(quantity.substring(0, quantity.length() - 2));
        return switch (quantity.substring(quantity.length() - 2)) {
            case "Ki" -> number / 1024;
            case "Gi" -> number * 1024;
            default -> number;
        };
    }

    /** One kit per environment: the instance label tells two environments' pods in one namespace apart. */
    private static String instance(SharedModel shared) {
        String app = shared.app().name();
        return shared.environment().map(name -> labelValue(app + "-" + name)).orElse(app);
    }

    /** The recommended app.kubernetes.io labels, in a stable order. */
    private static List<Map<String, String>> labels(SharedModel shared) {
        String app = shared.app().name();
        List<Map<String, String>> labels = new ArrayList<>();
        labels.add(label("app.kubernetes.io/name", app));
        labels.add(label("app.kubernetes.io/instance", instance(shared)));
        labels.add(label("app.kubernetes.io/version", labelValue(DockerTarget.imageTag(shared.app().version()))));
        labels.add(label("app.kubernetes.io/component", "web"));
        labels.add(label("app.kubernetes.io/part-of", app));
        labels.add(label("app.kubernetes.io/managed-by", "hostkit"));
        return labels;
    }

    private static Map<String, String> label(String key, String value) {
        return Map.of("key", key, "value", Quoting.json(value));
    }

    /** A label value: at most 63 characters, starting and ending with a letter or digit. */
    static String labelValue(String value) {
        String trimmed = value.length() > 63 ? value.substring(0, 63) : value;
        return trimmed.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    /** Each annotation checked, in key order, its value a JSON (so YAML) string. */
    private static List<Map<String, String>> annotations(Map<String, String> annotations) {
        List<Map<String, String>> entries = new ArrayList<>();
        new java.util.TreeMap<>(annotations).forEach((key, value) -> {
            if (!ANNOTATION_KEY.matcher(key).matches()) {
                throw new InvalidSettingException(POD_ANNOTATIONS.label(), key, "Allowed: annotation keys [prefix/]name: an "
                        + "optional DNS subdomain and '/', then 1 to 63 letters, digits and - _ . starting and ending with a letter or digit.");
            }
            String text = value == null ? "" : value;
            if (text.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw new InvalidSettingException(POD_ANNOTATIONS.label() + "." + key, text, "Allowed: one line of text.");
            }
            entries.add(Map.of("key", key, "value", Quoting.json(text)));
        });
        return entries;
    }

    /** The app's env entries as ConfigMap data: each value a JSON (so YAML) string, taken literally. */
    private static List<Map<String, String>> env(SharedModel shared) {
        List<Map<String, String>> entries = new ArrayList<>();
        shared.env().variables().forEach((name, value) -> entries.add(Map.of("name", name, "value", Quoting.json(value))));
        return entries;
    }
}
