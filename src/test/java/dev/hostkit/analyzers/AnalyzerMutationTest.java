package dev.hostkit.analyzers;

import dev.hostkit.analyzers.AnalyzedKits.KitFinding;
import dev.hostkit.nginx.NginxVariants;
import dev.hostkit.testing.KubernetesVariants;
import dev.hostkit.testing.MutationTable;
import dev.hostkit.testing.SampleKit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each real analyzer can fail: in a generated file, a deliberate defect ({@code from} becomes
 * {@code to}) must make the tool report the check named (gixy's plugin, checkov's id, yamllint's
 * rule). These replace the hand-written rules that only repeated the tools' checks. The broken
 * kits are analyzed together, one run per tool.
 */
class AnalyzerMutationTest {
    /** Short names for the variants of {@link NginxVariants#all} the table breaks. */
    private static final Map<String, String> VARIANTS = Map.of(
            "certificate", "java serverName=shop.test instances=1 tls=CERTIFICATE staticPath=/static/ ports=80/443",
            "acme", "java serverName=shop.test instances=1 tls=ACME staticPath=/static/ ports=80/443");
    
    /** One defect and the check that must find it. */
    record Mutation(Analyzer analyzer, String check, String variant, String file, String from, String to) {
        @Override
        public String toString() {
            return analyzer.tool() + " " + check + " finds '" + from + "' -> '" + to + "' in " + file + " of " + variant;
        }
    }

    static List<Mutation> mutations() {
        return MutationTable.parse("""
                gixy     | version_disclosure      | defaults        | compose/nginx/default.conf | server_tokens off; => server_tokens on;
                gixy     | version_disclosure      | defaults        | compose/nginx/default.conf | server_tokens off; => `# server_tokens at its default`
                gixy     | add_header_redefinition | defaults        | compose/nginx/default.conf | location / { => location / {\\n        add_header Cache-Control no-store always;
                gixy     | host_spoofing           | defaults        | compose/nginx/default.conf | proxy_set_header Host $host; => proxy_set_header Host $http_host;
                gixy     | ssrf                    | defaults        | compose/nginx/default.conf | proxy_pass http://shop_app; => proxy_pass http://$arg_target;
                gixy     | http_splitting          | defaults        | compose/nginx/default.conf | proxy_set_header Host $host; => proxy_set_header Host $host;\\n        proxy_set_header X-Original-URI $uri;
                gixy     | http_splitting          | certificate     | host/nginx/shop.conf       | https://$host$request_uri; => https://$host$uri;
                gixy     | alias_traversal         | defaults        | compose/nginx/default.conf | location / { => location /static {\\n        alias /srv/static/;\\n    }\\n\\n    location / {
                gixy     | origins                 | defaults        | compose/nginx/default.conf | location / { => location / {\\n        if ($http_origin !~* example.com) { return 403; }
                gixy     | valid_referers          | defaults        | compose/nginx/default.conf | location / { => location / {\\n        valid_referers none server_names;
                gixy     | weak_ssl_tls            | certificate     | host/nginx/shop.conf       | ssl_protocols TLSv1.2 TLSv1.3; => ssl_protocols TLSv1 TLSv1.2 TLSv1.3;
                gixy     | weak_ssl_tls            | certificate     | compose/nginx/default.conf | `    ssl_ciphers ` => `    # ssl_ciphers `
                gixy     | weak_ssl_tls            | certificate     | host/nginx/shop.conf       | POLY1305;\\n    ssl_prefer_server_ciphers => POLY1305:DES-CBC3-SHA;\\n    ssl_prefer_server_ciphers
                gixy     | hsts_header             | certificate     | compose/nginx/default.conf | add_header Strict-Transport-Security => add_header X-Strict-Transport-Security
                checkov  | CKV_DOCKER_8            | defaults        | docker/Dockerfile          | USER 10001:10001 => USER root
                checkov  | CKV_DOCKER_3            | python-defaults | docker/Dockerfile          | USER 10001:10001\\n =>
                checkov  | CKV_DOCKER_2            | defaults        | docker/Dockerfile          | HEALTHCHECK --interval => # no HEALTHCHECK --interval
                checkov  | CKV_DOCKER_2            | python-defaults | docker/Dockerfile          | HEALTHCHECK --interval => # no HEALTHCHECK --interval
                checkov  | CKV_DOCKER_7            | defaults        | docker/Dockerfile          | FROM eclipse-temurin:17-jre => FROM eclipse-temurin:latest
                checkov  | CKV_DOCKER_4            | defaults        | docker/Dockerfile          | COPY shop-1.0.0.jar => ADD shop-1.0.0.jar
                checkov  | CKV_DOCKER_10           | defaults        | docker/Dockerfile          | WORKDIR /app => WORKDIR app
                checkov  | CKV_DOCKER_1            | defaults        | docker/Dockerfile          | EXPOSE 8080 => EXPOSE 22
                yamllint | truthy                  | restart-no      | compose/compose.yaml       | restart: "no" => restart: no
                yamllint | key-duplicates          | defaults        | compose/compose.yaml       | `    read_only: true\\n` => `    read_only: true\\n    read_only: false\\n`
                yamllint | trailing-spaces         | defaults        | compose/compose.yaml       | services: => `services:  `
                yamllint | indentation             | defaults        | compose/compose.yaml       | `      - app.env` => `    - app.env`
                yamllint | syntax                  | defaults        | compose/compose.yaml       | services: => services: [
                kubeconform        | statusInvalid                      | k8s-defaults | kubernetes/deployment.yaml | maxUnavailable: 0 => maxUnavailable: 0\\n      maxUnavaliable: 1
                kubeconform        | statusInvalid                      | k8s-defaults | kubernetes/hpa.yaml        | minReplicas: 2 => minReplicas: 2\\n  minReplica: 2
                kubeconform        | statusError                        | k8s-defaults | kubernetes/pdb.yaml        | apiVersion: policy/v1 => apiVersion: policy/v1beta1
                kube-score         | pod-probes-identical               | k8s-defaults | kubernetes/deployment.yaml | `            tcpSocket:\\n              port: http\\n            periodSeconds: 10` => `            httpGet:\\n              path: "/"\\n              port: http\\n              httpHeaders:\\n                - name: Host\\n                  value: localhost\\n            periodSeconds: 5`
                kube-score         | container-security-context-readonlyrootfilesystem | k8s-defaults | kubernetes/deployment.yaml | readOnlyRootFilesystem: true => readOnlyRootFilesystem: false
                checkov-kubernetes | CKV_K8S_20                         | k8s-defaults | kubernetes/deployment.yaml | allowPrivilegeEscalation: false => allowPrivilegeEscalation: true
                checkov-kubernetes | CKV_K8S_22                         | k8s-defaults | kubernetes/deployment.yaml | readOnlyRootFilesystem: true => readOnlyRootFilesystem: false
                checkov-kubernetes | CKV_K8S_38                         | k8s-defaults | kubernetes/deployment.yaml | `      automountServiceAccountToken: false\\n` => `\\n`
                yamllint           | truthy                             | k8s-defaults | kubernetes/deployment.yaml | readOnlyRootFilesystem: true => readOnlyRootFilesystem: yes
                """, 4).stream().map(row -> new Mutation(Analyzer.of(row.cells().get(0)), row.cells().get(1),
                VARIANTS.getOrDefault(row.cells().get(2), row.cells().get(2)), row.cells().get(3), row.from(), row.to())).toList();
    }

    @TestFactory
    Stream<DynamicTest> eachToolFindsItsDefect(@TempDir Path dir) {
        List<Mutation> mutations = mutations();
        AnalyzedKits kits = new AnalyzedKits(dir);
        for (int i = 0; i < mutations.size(); i++) {
            Mutation mutation = mutations.get(i);
            SampleKit kit = Stream.concat(NginxVariants.all(), KubernetesVariants.all())
                    .filter(v -> v.name().equals(mutation.variant())).findFirst().orElseThrow()
                    .render(dir.resolve("mutation-" + i));
            kit.mutate(mutation.file(), mutation.from(), mutation.to());
            kits.add(label(i), kit.root());
        }
        Map<Analyzer, List<KitFinding>> found = new EnumMap<>(Analyzer.class);
        mutations.stream().map(Mutation::analyzer).distinct().forEach(analyzer -> found.put(analyzer, kits.analyze(analyzer)));
        List<DynamicTest> tests = new ArrayList<>();
        for (int row = 0; row < mutations.size(); row++) {
            Mutation mutation = mutations.get(row);
            String label = label(row);
            List<KitFinding> ofKit = found.get(mutation.analyzer()).stream().filter(f -> f.variant().equals(label)).toList();
            tests.add(DynamicTest.dynamicTest(mutation.toString(), () -> assertTrue(ofKit.stream().anyMatch(f ->
                            f.finding().check().equals(mutation.check()) && f.finding().file().equals(mutation.file())),
                    () -> mutation + ": not found; the tool reported only:\n  "
                            + ofKit.stream().map(KitFinding::toString).collect(Collectors.joining("\n  ")))));
        }
        return tests.stream();
    }

    private static String label(int row) {
        return "mutation " + row;
    }
}
