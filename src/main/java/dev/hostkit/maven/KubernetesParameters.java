package dev.hostkit.maven;

import org.apache.maven.plugins.annotations.Parameter;

import java.util.Map;

/** The parameters of the kubernetes target (see {@link AbstractKitMojo}), one field per declared setting. */
abstract class KubernetesParameters extends SharedParameters {
    // ---- target kubernetes ----

    /**
     * The Kubernetes namespace of every object (kustomization and manifests), a DNS-1123 label. Default:
     * `{appName}`.
     */
    @Parameter(property = "hosting.namespace")
    String namespace;

    /**
     * The app's image on Kubernetes: `registry/name`, tagged with the project's version unless it names a tag or
     * `@sha256:` digest; never `latest`. Default: `{appName}:{version}`.
     */
    @Parameter(property = "hosting.image")
    String image;

    /**
     * The pods' image pull policy: `Always` (a re-pushed tag such as a SNAPSHOT's is pulled again; a cached image
     * costs a digest check), `IfNotPresent` or `Never`. Default: `Always`.
     */
    @Parameter(property = "hosting.imagePullPolicy")
    String imagePullPolicy;

    /** The fewest pods the HorizontalPodAutoscaler keeps, 2–100. Default: `2`. */
    @Parameter(property = "hosting.minReplicas")
    String minReplicas;

    /** The most pods the HorizontalPodAutoscaler starts, 2–100 and at least `minReplicas`. Default: `4`, at least `minReplicas`. */
    @Parameter(property = "hosting.maxReplicas")
    String maxReplicas;

    /**
     * The average CPU use, in percent of the request, the HorizontalPodAutoscaler scales to, 10–100. Default: `70`.
     */
    @Parameter(property = "hosting.targetCpuUtilization")
    String targetCpuUtilization;

    /**
     * The CPU each pod requests, a Kubernetes quantity such as `250m` or `1`; no CPU limit (throttling). Default:
     * `250m`.
     */
    @Parameter(property = "hosting.podCpuRequest")
    String podCpuRequest;

    /** The memory each pod requests, such as `512Mi`; at most `podMemoryLimit`. Default: `podMemoryLimit`. */
    @Parameter(property = "hosting.podMemoryRequest")
    String podMemoryRequest;

    /**
     * The memory limit of the app's container, such as `512Mi` or `2Gi`; the JVM's heap is `maxRamPercentage` of it.
     * Default: `512Mi`.
     */
    @Parameter(property = "hosting.podMemoryLimit")
    String podMemoryLimit;

    /** The Ingress's `ingressClassName`; its annotations are ingress-nginx's. Default: `nginx`. */
    @Parameter(property = "hosting.ingressClassName")
    String ingressClassName;

    /**
     * The namespace of the ingress controller: the NetworkPolicy lets only its pods reach the app port. Default:
     * `ingress-nginx`.
     */
    @Parameter(property = "hosting.ingressNamespace")
    String ingressNamespace;

    /**
     * The Secret whose keys become the app's environment (`envFrom`, optional): secrets stay out of the kit.
     * Default: `{appName}-env`.
     */
    @Parameter(property = "hosting.envSecret")
    String envSecret;

    /**
     * Annotations of the pods, such as `team`: keys `[prefix/]name` as Kubernetes allows them (POM XML cannot hold
     * the `/`), values one line. Default: none.
     */
    @Parameter
    Map<String, String> podAnnotations;
}
