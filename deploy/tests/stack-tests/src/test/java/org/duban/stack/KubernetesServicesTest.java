package org.duban.stack;

import org.duban.stack.Manifests.Variable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.duban.stack.Manifests.at;
import static org.duban.stack.Manifests.integer;
import static org.duban.stack.Manifests.list;
import static org.duban.stack.Manifests.map;
import static org.duban.stack.Manifests.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s cannot be applied here (no cluster), so this checks the four services' resources
 * against the code and docker-compose.yml: the ports they listen on, the health endpoints, the
 * configuration keys they really have, the images they are built into, how they scale.
 */
class KubernetesServicesTest {

    private static Manifests k8s;

    @BeforeAll
    static void parse() {
        k8s = Manifests.kustomization();
    }

    static List<String> applicationServices() {
        return Repository.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void eachServiceHasItsDeploymentServiceAutoscalerDisruptionBudgetAndConfigMap(String service) {
        Map<String, Object> deployment = k8s.get("Deployment", service);
        Map<String, Object> selector = map(deployment, "spec", "selector", "matchLabels");
        assertEquals(Map.of("app.kubernetes.io/name", service), selector);
        assertTrue(map(deployment, "spec", "template", "metadata", "labels").entrySet().containsAll(selector.entrySet()),
                service + ": the pods carry the labels the Deployment selects");
        assertEquals(selector, map(k8s.get("Service", service), "spec", "selector"), service + ": the Service reaches the pods");
        assertEquals(selector, map(k8s.get("PodDisruptionBudget", service), "spec", "selector", "matchLabels"));
        assertEquals(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", service),
                map(k8s.get("HorizontalPodAutoscaler", service), "spec", "scaleTargetRef"));
        assertTrue(list(k8s.container(service), "envFrom").stream().anyMatch(from -> service.equals(at(from, "configMapRef", "name"))),
                service + " takes its own ConfigMap");
        assertFalse(k8s.configMap(service).isEmpty(), service + "'s ConfigMap has its settings");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void eachServiceListensOnThePortItsConfigurationSays(String service) {
        int port = Repository.httpPort(service);
        List<Object> ports = list(k8s.container(service), "ports");
        assertEquals(List.of(Map.of("name", "http", "containerPort", port)), ports, service);
        assertEquals(List.of(Map.of("name", "http", "port", port, "targetPort", "http")),
                list(k8s.get("Service", service), "spec", "ports"), service + ": the Service, under the name docker-compose uses");
        assertEquals(String.valueOf(port), string(k8s.get("Deployment", service), "spec", "template", "metadata", "annotations", "prometheus.io/port"));
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void probesAskQuarkusHealth(String service) {
        Map<String, Object> container = k8s.container(service);
        assertEquals("/q/health/started", string(container, "startupProbe", "httpGet", "path"));
        assertEquals("/q/health/ready", string(container, "readinessProbe", "httpGet", "path"));
        assertEquals("/q/health/live", string(container, "livenessProbe", "httpGet", "path"));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("http", string(container, probe, "httpGet", "port"), service + " " + probe + " on the service's port");
        }
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void everyVariableSetsARealConfigurationKey(String service) {
        Set<String> known = Repository.environmentNames(service);
        Map<String, Variable> environment = k8s.environment(service);
        assertFalse(environment.isEmpty(), service + " is configured through its environment");
        for (String variable : environment.keySet()) {
            assertTrue(known.contains(variable), service + ": " + variable + " matches no key of its application.properties");
        }
    }

    /** Passwords and user names of databases and mail servers live in Secrets, never in a ConfigMap. */
    @ParameterizedTest
    @MethodSource("applicationServices")
    void credentialsComeFromSecrets(String service) {
        for (Variable variable : k8s.environment(service).values()) {
            if (variable.name().endsWith("_PASSWORD") || variable.name().endsWith("_USERNAME")) {
                assertNotNull(variable.secret(), service + ": " + variable.name() + " comes from a Secret");
            }
        }
    }

    /** The image docker-compose builds from the service's folder and Dockerfile, published under the service's name. */
    @ParameterizedTest
    @MethodSource("applicationServices")
    void eachServiceRunsTheImageBuiltFromItsFolder(String service) throws Exception {
        String image = string(k8s.container(service), "image");
        assertTrue(image.matches("ghcr\\.io/duban/" + service + ":[\\w.-]+"), service + " runs ghcr.io/duban/" + service + ":<version>, not " + image);
        Map<String, Object> build = map(Repository.composeServices().get(service), "build");
        Path context = Repository.root().resolve(string(build, "context")).normalize();
        assertEquals(Repository.root().resolve(service), context, "docker-compose builds " + service + " from its folder");
        assertTrue(Files.readString(context.resolve(string(build, "dockerfile"))).contains("EXPOSE " + Repository.httpPort(service)),
                "the image exposes the port the Deployment uses");
    }

    /** The gateway's route table and task-service's unit-service client use the Services' names and ports. */
    @ParameterizedTest
    @MethodSource("applicationServices")
    void everyServiceReachesTheOthersThroughTheirServices(String service) {
        Map<String, Variable> environment = k8s.environment(service);
        Repository.serviceUrlVariables(service).forEach((variable, target) -> {
            assertNotNull(environment.get(variable), service + " sets " + variable);
            int port = integer(k8s.get("Service", target), "spec", "ports", 0, "port");
            assertEquals("http://" + target + ":" + port, environment.get(variable).value(), service + ": " + variable);
        });
    }

    /**
     * The autoscaler owns the replica count (a Deployment's own count would be reset on every apply),
     * keeps at least two, and a voluntary disruption (a drained node) may take one of them.
     */
    @ParameterizedTest
    @MethodSource("applicationServices")
    void everyServiceKeepsTwoReplicasAndScalesOnCpu(String service) {
        assertNull(at(k8s.get("Deployment", service), "spec", "replicas"), service + ": the replicas are the autoscaler's");
        Map<String, Object> autoscaler = k8s.get("HorizontalPodAutoscaler", service);
        int min = integer(autoscaler, "spec", "minReplicas");
        assertTrue(min >= 2, service + " keeps two replicas at least");
        assertTrue(integer(autoscaler, "spec", "maxReplicas") > min, service + " can scale out");
        assertEquals("cpu", string(autoscaler, "spec", "metrics", 0, "resource", "name"));
        assertNotNull(string(k8s.container(service), "resources", "requests", "cpu"), service + ": CPU utilisation needs a CPU request");
        assertNotNull(string(k8s.container(service), "resources", "limits", "memory"), service + " has a memory limit");
        int available = integer(k8s.get("PodDisruptionBudget", service), "spec", "minAvailable");
        assertTrue(available >= 1 && available < min, service + ": a drain can evict a pod and one stays");
    }

    /** Consumers of one group share a topic's partitions: replicas beyond the partition count would sit idle. */
    @ParameterizedTest
    @MethodSource("applicationServices")
    void consumersDoNotOutnumberPartitions(String service) {
        int max = integer(k8s.get("HorizontalPodAutoscaler", service), "spec", "maxReplicas");
        for (String topic : Repository.consumedTopics(service)) {
            int partitions = integer(k8s.get("KafkaTopic", topic), "spec", "partitions");
            assertTrue(max <= partitions, service + " scales to " + max + " consumers of " + topic + ", which has " + partitions + " partitions");
        }
    }

    @Test
    void theIngressSendsTheApplicationToTheGateway() {
        Map<String, Object> ingress = k8s.one("Ingress");
        List<Object> rules = list(ingress, "spec", "rules");
        List<Object> gatewayRules = rules.stream()
                .filter(rule -> list(rule, "http", "paths").stream().anyMatch(path -> "gateway".equals(at(path, "backend", "service", "name"))))
                .toList();
        assertEquals(1, gatewayRules.size(), "one host for the application");
        Object path = list(gatewayRules.get(0), "http", "paths").get(0);
        assertEquals("/", string(path, "path"));
        assertEquals("Prefix", string(path, "pathType"));
        assertEquals(Repository.httpPort("gateway"), integer(path, "backend", "service", "port", "number"));
        Set<String> hosts = rules.stream().map(rule -> string(rule, "host")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tls = list(ingress, "spec", "tls").stream().flatMap(entry -> list(entry, "hosts").stream()).map(String::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(hosts, tls, "every host is served over TLS");
    }

    /** A plan document task-service accepts must get through the Ingress (ingress-nginx refuses over 1 MB unless told). */
    @Test
    void theIngressLetsThroughTheBodiesTheServicesAccept() {
        String limit = string(k8s.one("Ingress"), "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-body-size");
        assertNotNull(limit, "the Ingress sets its body size");
        for (String service : Repository.SERVICES) {
            String accepted = Repository.applicationProperties(service).getProperty("quarkus.http.limits.max-body-size");
            if (accepted != null) {
                assertTrue(bytes(limit) >= bytes(accepted), "the Ingress lets " + accepted + " through to " + service + ", not only " + limit);
            }
        }
    }

    /**
     * The gateway answers a service's silence with a 504 problem, after up to 10 minutes for an upload or a plan
     * import: the Ingress must wait longer than the longest of its timeouts, or the caller gets nginx's bare 504.
     */
    @Test
    void theIngressWaitsLongerThanTheGatewayDoes() {
        Map<String, Object> annotations = map(k8s.one("Ingress"), "metadata", "annotations");
        long read = Long.parseLong(String.valueOf(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout")));
        var gateway = Repository.applicationProperties("gateway");
        for (String key : List.of("request-timeout", "upload-timeout", "stream-timeout", "long-timeout")) {
            String value = gateway.getProperty("duban.gateway." + key);
            assertNotNull(value, "gateway's application.properties sets duban.gateway." + key);
            long seconds = java.time.Duration.parse("PT" + value.toUpperCase()).toSeconds();
            assertTrue(read > seconds, "the Ingress waits " + read + " s, the gateway up to " + value + " (" + key + ")");
        }
    }

    /** "32M", "32m", "10240k", "1048576". */
    private static long bytes(String size) {
        String value = size.strip().toLowerCase();
        long unit = switch (value.charAt(value.length() - 1)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Long.parseLong(unit == 1 ? value : value.substring(0, value.length() - 1)) * unit;
    }
}
