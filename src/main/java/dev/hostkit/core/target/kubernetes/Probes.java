package dev.hostkit.core.target.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pod's probes from the app's health path (the framework's readiness path unless hosting.healthPath
 * sets one): readiness asks it; liveness and startup ask the framework's liveness group when the path is a
 * readiness group (Spring Boot {@code /health/readiness}, Quarkus {@code /health/ready}), so that a
 * dependency being down takes the pod out of the endpoints without restarting it. Otherwise (no liveness
 * endpoint) liveness and startup only check that the port accepts connections: a readiness path that fails
 * for a moment (a database down) must not restart every pod.
 */
final class Probes {
    private Probes() {}

    static Map<String, Object> of(String healthPath) {
        Map<String, Object> probes = new LinkedHashMap<>();
        String liveness = liveness(healthPath);
        probes.put("readinessPath", healthPath);
        if (!liveness.equals(healthPath)) {
            probes.put("livenessPath", liveness);
        }
        return probes;
    }

    /** The liveness group beside a readiness group, else the path itself. */
    static String liveness(String healthPath) {
        if (healthPath.endsWith("/health/readiness")) {
            return healthPath.substring(0, healthPath.length() - "readiness".length()) + "liveness";
        }
        if (healthPath.endsWith("/health/ready")) {
            return healthPath.substring(0, healthPath.length() - "ready".length()) + "live";
        }
        return healthPath;
    }
}
