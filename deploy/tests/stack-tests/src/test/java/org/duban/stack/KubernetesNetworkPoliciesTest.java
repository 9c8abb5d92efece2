package org.duban.stack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.duban.stack.Manifests.at;
import static org.duban.stack.Manifests.integer;
import static org.duban.stack.Manifests.list;
import static org.duban.stack.Manifests.map;
import static org.duban.stack.Manifests.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NetworkPolicies of deploy/k8s, read as a CNI would for the services' pods: nothing is allowed
 * unless a policy allows it; only the gateway is reached from outside the namespace (by the Ingress
 * controller); each service is reached by the gateway and by the services whose configuration calls
 * it, and reaches its database, Kafka, Keycloak and the services it calls — nothing else but DNS and,
 * for reminder-service, the mail relay and webhooks outside the cluster.
 */
class KubernetesNetworkPoliciesTest {

    private static final String NAME = "app.kubernetes.io/name";

    private static Manifests k8s;

    @BeforeAll
    static void parse() {
        k8s = Manifests.kustomization();
    }

    static List<String> applicationServices() {
        return Repository.SERVICES;
    }

    @Test
    void everyPodIsDeniedAllButWhatAPolicyAllows() {
        boolean defaultDeny = k8s.all("NetworkPolicy").stream().anyMatch(policy ->
                selectsEveryPod(policy)
                        && list(policy, "spec", "policyTypes").containsAll(List.of("Ingress", "Egress"))
                        && list(policy, "spec", "ingress").isEmpty() && list(policy, "spec", "egress").isEmpty());
        assertTrue(defaultDeny, "a NetworkPolicy that selects every pod and allows nothing, in and out");
    }

    @Test
    void everyPodMayAskTheClusterDns() {
        boolean dns = k8s.all("NetworkPolicy").stream().filter(KubernetesNetworkPoliciesTest::selectsEveryPod)
                .flatMap(policy -> list(policy, "spec", "egress").stream())
                .anyMatch(rule -> list(rule, "to").stream().anyMatch(peer -> "kube-dns".equals(string(peer, "podSelector", "matchLabels", "k8s-app")))
                        && list(rule, "ports").stream().anyMatch(port -> "UDP".equals(string(port, "protocol")) && integer(port, "port") == 53));
        assertTrue(dns, "every pod may ask kube-dns on port 53");
    }

    /** Only the Ingress controller comes from outside the namespace, and only to the gateway's port. */
    @ParameterizedTest
    @MethodSource("applicationServices")
    void onlyTheGatewayIsReachedFromOutside(String service) {
        List<Object> outside = new ArrayList<>();
        for (Object rule : ingressRules(service)) {
            for (Object peer : list(rule, "from")) {
                if (at(peer, "namespaceSelector") != null || at(peer, "ipBlock") != null) {
                    outside.add(peer);
                    assertEquals("gateway", service, service + " is reached from outside the namespace: " + peer);
                    assertEquals("ingress-nginx", string(peer, "podSelector", "matchLabels", NAME), "the Ingress controller: " + peer);
                    assertEquals(List.of(Repository.httpPort(service)), ports(rule), "the gateway's port only");
                }
            }
            assertFalse(list(rule, "from").isEmpty(), service + ": a rule without peers would let anyone in");
        }
        assertEquals("gateway".equals(service), !outside.isEmpty(), service + ": the Ingress reaches the gateway");
    }

    /** Inside the namespace, a service is reached by the gateway and by the services that call it, on its port. */
    @ParameterizedTest
    @MethodSource("applicationServices")
    void eachServiceIsReachedByWhoCallsItOnly(String service) {
        Set<String> callers = new TreeSet<>();
        for (String caller : Repository.SERVICES) {
            if (Repository.serviceUrlVariables(caller).containsValue(service)) {
                callers.add(caller);
            }
        }
        Set<String> allowed = new TreeSet<>();
        for (Object rule : ingressRules(service)) {
            for (Object peer : list(rule, "from")) {
                if (at(peer, "namespaceSelector") == null && at(peer, "ipBlock") == null) {
                    allowed.add(string(peer, "podSelector", "matchLabels", NAME));
                    assertEquals(List.of(Repository.httpPort(service)), ports(rule), service + " is reached on its port only");
                }
            }
        }
        assertEquals(callers, allowed, service + " is reached by the services that call it");
    }

    /**
     * A service reaches its database (a data service), Kafka's brokers on the listener's port (a Kafka
     * service), Keycloak (its pods, and its public URL through the Ingress controller), and the services
     * it calls on their ports; reminder-service also the outside world for mail and webhooks, never a
     * private address. Nothing else.
     */
    @ParameterizedTest
    @MethodSource("applicationServices")
    void eachServiceReachesItsDatabaseKafkaKeycloakAndWhomItCallsOnly(String service) {
        String cluster = string(k8s.one("Cluster"), "metadata", "name");
        String kafka = string(k8s.one("Kafka"), "metadata", "name");
        int kafkaPort = integer(list(k8s.one("Kafka"), "spec", "kafka", "listeners").get(0), "port");
        Set<String> reached = new TreeSet<>();
        for (Object rule : egressRules(service)) {
            assertFalse(list(rule, "to").isEmpty(), service + ": an egress rule without peers would let it reach anything");
            assertFalse(ports(rule).isEmpty(), service + ": an egress rule without ports: " + rule);
            for (Object peer : list(rule, "to")) {
                Map<String, Object> labels = map(peer, "podSelector", "matchLabels");
                String target;
                if (at(peer, "ipBlock") != null) {
                    target = "outside " + ports(rule);
                    List<Object> except = list(peer, "ipBlock", "except");
                    assertTrue(except.containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")),
                            service + " reaches outside the cluster, never a private address: " + except);
                } else if (labels != null && cluster.equals(labels.get("cnpg.io/cluster"))) {
                    target = "postgres " + ports(rule);
                } else if (labels != null && kafka.equals(labels.get("strimzi.io/cluster"))) {
                    target = "kafka " + ports(rule);
                } else if (labels != null && "keycloak".equals(labels.get("app.kubernetes.io/instance"))) {
                    target = "keycloak " + ports(rule);
                } else if (labels != null && "ingress-nginx".equals(labels.get(NAME)) && at(peer, "namespaceSelector") != null) {
                    target = "keycloak's public URL " + ports(rule);
                } else if (labels != null && Repository.SERVICES.contains(String.valueOf(labels.get(NAME)))) {
                    target = labels.get(NAME) + " " + ports(rule);
                } else {
                    target = "unknown " + peer;
                }
                reached.add(target);
            }
        }
        Set<String> expected = new TreeSet<>();
        if (Repository.database(service) != null) {
            expected.add("postgres [5432]");
        }
        if (Repository.kafkaServices().contains(service)) {
            expected.add("kafka [" + kafkaPort + "]");
        }
        expected.add("keycloak [" + integer(k8s.one("Keycloak"), "spec", "http", "httpPort") + "]");
        expected.add("keycloak's public URL [443]");
        new TreeSet<>(Repository.serviceUrlVariables(service).values())
                .forEach(target -> expected.add(target + " [" + Repository.httpPort(target) + "]"));
        if (service.equals("reminder-service")) {
            expected.add("outside [25, 465, 587, 80, 443]");
        }
        assertEquals(expected, reached, service);
    }

    /** The policies that apply to a service's pods, with their rules of one direction. */
    private static List<Object> ingressRules(String service) {
        return rules(service, "Ingress", "ingress");
    }

    private static List<Object> egressRules(String service) {
        List<Object> rules = new ArrayList<>();
        for (Object rule : rules(service, "Egress", "egress")) {
            // the cluster DNS, which every pod may ask (everyPodMayAskTheClusterDns)
            boolean dns = list(rule, "to").stream().allMatch(peer -> "kube-dns".equals(string(peer, "podSelector", "matchLabels", "k8s-app")));
            if (!dns) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static List<Object> rules(String service, String type, String direction) {
        Map<String, Object> labels = map(k8s.get("Deployment", service), "spec", "template", "metadata", "labels");
        List<Object> rules = new ArrayList<>();
        for (Map<String, Object> policy : k8s.all("NetworkPolicy")) {
            if (list(policy, "spec", "policyTypes").contains(type) && selects(map(policy, "spec", "podSelector"), labels)) {
                rules.addAll(list(policy, "spec", direction));
            }
        }
        return rules;
    }

    private static boolean selectsEveryPod(Map<String, Object> policy) {
        Map<String, Object> selector = map(policy, "spec", "podSelector");
        return selector != null && selector.isEmpty();
    }

    /** Whether a label selector (matchLabels, matchExpressions In / NotIn / Exists / DoesNotExist) selects these labels. */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        Map<String, Object> match = map(selector, "matchLabels");
        if (match != null && !labels.entrySet().containsAll(match.entrySet())) {
            return false;
        }
        for (Object expression : list(selector, "matchExpressions")) {
            Object value = labels.get(string(expression, "key"));
            List<Object> values = list(expression, "values");
            boolean holds = switch (string(expression, "operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown operator in " + expression);
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> ports(Object rule) {
        return list(rule, "ports").stream().map(port -> integer(port, "port")).toList();
    }
}
