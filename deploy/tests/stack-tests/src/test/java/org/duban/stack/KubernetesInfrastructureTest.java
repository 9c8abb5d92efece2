package org.duban.stack;

import org.duban.stack.Manifests.SecretKey;
import org.duban.stack.Manifests.Variable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the services need, through the standard operators: Kafka (Strimzi), PostgreSQL
 * (CloudNativePG) and Keycloak (Keycloak operator), checked against the services' configuration
 * and the databases docker-compose creates.
 */
class KubernetesInfrastructureTest {

    private static Manifests k8s;

    @BeforeAll
    static void parse() {
        k8s = Manifests.kustomization();
    }

    static List<String> kafkaServices() {
        return Repository.kafkaServices();
    }

    static List<Repository.Topic> topics() {
        return Repository.allTopics();
    }

    static List<String> dataServices() {
        return Repository.dataServices();
    }

    // Kafka

    /** Strimzi 1.0, the first to run Kafka 4.1.2, serves only kafka.strimzi.io/v1 (KRaft on node pools, no other mode). */
    @Test
    void everyStrimziResourceIsOfTheV1Api() {
        for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser")) {
            assertFalse(k8s.all(kind).isEmpty(), "a " + kind);
            for (Map<String, Object> resource : k8s.all(kind)) {
                assertEquals("kafka.strimzi.io/v1", string(resource, "apiVersion"), kind + " " + string(resource, "metadata", "name"));
            }
        }
        // what v1 removed from the Kafka resource: ZooKeeper, and nodes, storage and resources outside the node pools
        Map<String, Object> kafka = k8s.one("Kafka");
        for (String removed : List.of("zookeeper", "jmxTrans")) {
            assertNull(at(kafka, "spec", removed), "spec." + removed);
        }
        for (String removed : List.of("replicas", "storage", "resources")) {
            assertNull(at(kafka, "spec", "kafka", removed), "spec.kafka." + removed + " belongs to the KafkaNodePool");
        }
    }

    @Test
    void kafkaRunsInKRaftModeOnThreeNodePoolBrokers() {
        Map<String, Object> kafka = k8s.one("Kafka");
        assertTrue(brokers() >= 3, "three brokers at least");
        int controllers = k8s.all("KafkaNodePool").stream().filter(pool -> list(pool, "spec", "roles").contains("controller"))
                .mapToInt(pool -> integer(pool, "spec", "replicas")).sum();
        assertTrue(controllers >= 3 && controllers % 2 == 1, "an odd number of controllers, three at least: " + controllers);
        for (Map<String, Object> pool : k8s.all("KafkaNodePool")) {
            assertEquals(string(kafka, "metadata", "name"), string(pool, "metadata", "labels", "strimzi.io/cluster"));
        }
        assertNotNull(at(kafka, "spec", "entityOperator", "topicOperator"), "the Topic Operator turns KafkaTopics into topics");
    }

    /** The only listener: inside the cluster, TLS, and a SCRAM-SHA-512 user per client; ACLs decide what each may do. */
    @Test
    void kafkaTakesOnlyTlsAndScramUsersAndAuthorizesThem() {
        Map<String, Object> kafka = k8s.one("Kafka");
        List<Object> listeners = list(kafka, "spec", "kafka", "listeners");
        assertFalse(listeners.isEmpty(), "a listener");
        for (Object listener : listeners) {
            assertEquals(Boolean.TRUE, at(listener, "tls"), "listener " + at(listener, "name") + " speaks TLS");
            assertEquals("scram-sha-512", string(listener, "authentication", "type"), "listener " + at(listener, "name") + " authenticates");
        }
        assertEquals("simple", string(kafka, "spec", "kafka", "authorization", "type"), "ACLs are enforced");
        assertNotNull(at(kafka, "spec", "entityOperator", "userOperator"), "the User Operator turns KafkaUsers into users and Secrets");
    }

    /**
     * Each service on the bootstrap Service of that listener, with TLS (trusting the cluster CA, mounted
     * where the truststore setting says) and as its own KafkaUser (the JAAS line from the Secret the User
     * Operator keeps for it).
     */
    @ParameterizedTest
    @MethodSource("kafkaServices")
    void servicesReachKafkaWithTlsAsTheirOwnUser(String service) {
        Map<String, Object> kafka = k8s.one("Kafka");
        String cluster = string(kafka, "metadata", "name");
        Object listener = list(kafka, "spec", "kafka", "listeners").get(0);
        Map<String, Variable> environment = k8s.environment(service);
        assertEquals(cluster + "-kafka-bootstrap:" + integer(listener, "port"), environment.get("KAFKA_BOOTSTRAP_SERVERS").value(), service);
        assertEquals("SASL_SSL", environment.get("KAFKA_SECURITY_PROTOCOL").value(), service);
        assertEquals("SCRAM-SHA-512", environment.get("KAFKA_SASL_MECHANISM").value(), service);
        assertNotNull(k8s.find("KafkaUser", service), "a KafkaUser " + service);
        assertEquals(new SecretKey(service, "sasl.jaas.config"), environment.get("KAFKA_SASL_JAAS_CONFIG").secret(),
                service + " logs in as its KafkaUser, from the Secret the User Operator writes");
        assertEquals("PEM", environment.get("KAFKA_SSL_TRUSTSTORE_TYPE").value(), service);
        String truststore = environment.get("KAFKA_SSL_TRUSTSTORE_LOCATION").value();
        assertEquals(cluster + "-cluster-ca-cert/ca.crt", mountedSecretFile(service, truststore),
                service + " trusts the cluster CA at " + truststore);
    }

    /** A KafkaUser may publish to what its service publishes and read what it consumes, in its own group: nothing more. */
    @ParameterizedTest
    @MethodSource("kafkaServices")
    void eachKafkaUserMayUseItsOwnTopicsAndGroupOnly(String service) {
        Map<String, Object> user = k8s.get("KafkaUser", service);
        assertEquals(string(k8s.one("Kafka"), "metadata", "name"), string(user, "metadata", "labels", "strimzi.io/cluster"));
        assertEquals("scram-sha-512", string(user, "spec", "authentication", "type"));
        assertEquals("simple", string(user, "spec", "authorization", "type"));
        Map<String, Set<String>> allowed = new java.util.TreeMap<>();
        for (Object acl : list(user, "spec", "authorization", "acls")) {
            assertEquals("literal", string(acl, "resource", "patternType"), service + ": ACLs name their topic or group exactly");
            String resource = string(acl, "resource", "type") + " " + string(acl, "resource", "name");
            list(acl, "operations").forEach(operation -> allowed.computeIfAbsent(resource, r -> new TreeSet<>()).add(String.valueOf(operation)));
        }
        Map<String, Set<String>> needed = new java.util.TreeMap<>();
        Map<String, String> consumed = Repository.consumerGroups(service);
        for (Repository.Topic topic : Repository.topics(service)) {
            if (Repository.publishes(topic, consumed)) {
                // what it publishes: the relay writes; TopicDeclarations creates a missing topic and makes a compacted one compacted
                needed.computeIfAbsent("topic " + topic.name(), r -> new TreeSet<>())
                        .addAll(Set.of("Write", "Describe", "Create", "DescribeConfigs", "AlterConfigs"));
            }
        }
        consumed.forEach((topic, group) -> {
            needed.computeIfAbsent("topic " + topic, r -> new TreeSet<>()).addAll(Set.of("Read", "Describe"));
            needed.computeIfAbsent("group " + group, r -> new TreeSet<>()).add("Read");
        });
        needed.forEach((resource, operations) -> assertTrue(allowed.getOrDefault(resource, Set.of()).containsAll(operations),
                service + " needs " + operations + " on " + resource + ", has " + allowed.get(resource)));
        allowed.forEach((resource, operations) -> {
            if (!needed.containsKey(resource)) {
                // room for a consumer the service is about to get (task-service's copy of duban.units): read only
                assertTrue(Set.of("Read", "Describe").containsAll(operations), service + " may only read " + resource + ": " + operations);
            } else {
                assertTrue(needed.get(resource).containsAll(operations) || Set.of("Read", "Describe").containsAll(operations),
                        service + " has more than it needs on " + resource + ": " + operations);
            }
        });
    }

    @Test
    void everyKafkaUserIsAService() {
        for (Map<String, Object> user : k8s.all("KafkaUser")) {
            assertTrue(kafkaServices().contains(string(user, "metadata", "name")), string(user, "metadata", "name") + " is a service using Kafka");
        }
    }

    /** The Secret and key mounted as the file {@code path} in the service's container, as "secret/key". */
    private static String mountedSecretFile(String service, String path) {
        Map<String, Object> pod = map(k8s.get("Deployment", service), "spec", "template", "spec");
        for (Object mount : list(k8s.container(service), "volumeMounts")) {
            String directory = string(mount, "mountPath");
            if (!path.startsWith(directory + "/")) {
                continue;
            }
            String file = path.substring(directory.length() + 1);
            Object volume = list(pod, "volumes").stream().filter(v -> at(mount, "name").equals(at(v, "name"))).findFirst().orElseThrow();
            for (Object item : list(volume, "secret", "items")) {
                if (file.equals(at(item, "path"))) {
                    return string(volume, "secret", "secretName") + "/" + string(item, "key");
                }
            }
        }
        return null;
    }

    /** Every topic a service declares (name, partitions, compaction) is a KafkaTopic with the same settings. */
    @ParameterizedTest
    @MethodSource("topics")
    void everyTopicAServiceDeclaresIsAKafkaTopic(Repository.Topic topic) {
        Map<String, Object> resource = k8s.all("KafkaTopic").stream()
                .filter(candidate -> topic.name().equals(topicName(candidate))).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic " + topic.name() + " (declared by " + topic.service() + ")"));
        assertEquals(string(k8s.one("Kafka"), "metadata", "name"), string(resource, "metadata", "labels", "strimzi.io/cluster"));
        assertEquals(topic.partitions(), integer(resource, "spec", "partitions"), topic.name() + " partitions");
        assertEquals(topic.compacted() ? "compact" : "delete", string(resource, "spec", "config", "cleanup.policy"), topic.name());

        // the service creates the topic itself when it is missing: with the same replication factor
        int replicas = integer(resource, "spec", "replicas");
        Variable factor = k8s.environment(topic.service()).get("DUBAN_KAFKA_REPLICATION_FACTOR");
        assertNotNull(factor, topic.service() + " sets DUBAN_KAFKA_REPLICATION_FACTOR");
        assertEquals(String.valueOf(replicas), factor.value(), topic.service() + "'s replication factor");
        assertTrue(replicas >= 3 && replicas <= brokers(), topic.name() + ": three replicas, on as many brokers");
        int minInSync = integer(resource, "spec", "config", "min.insync.replicas");
        assertTrue(minInSync >= 2 && minInSync < replicas,
                topic.name() + ": an acknowledged write is on two brokers, and writes go on while one is down");
    }

    @Test
    void everyKafkaTopicIsOneAServiceDeclares() {
        Set<String> declared = new TreeSet<>(Repository.allTopics().stream().map(Repository.Topic::name).toList());
        for (Map<String, Object> topic : k8s.all("KafkaTopic")) {
            assertTrue(declared.contains(topicName(topic)), topicName(topic) + " is declared by a service");
        }
    }

    private static String topicName(Map<String, Object> topic) {
        String name = string(topic, "spec", "topicName");
        return name != null ? name : string(topic, "metadata", "name");
    }

    private static int brokers() {
        return k8s.all("KafkaNodePool").stream().filter(pool -> list(pool, "spec", "roles").contains("broker"))
                .mapToInt(pool -> integer(pool, "spec", "replicas")).sum();
    }

    // PostgreSQL

    /** Each service on its own database, through the primary's Service, as a role that owns that database. */
    @ParameterizedTest
    @MethodSource("dataServices")
    void eachDataServiceUsesItsOwnDatabaseOnThePrimary(String service) {
        Map<String, Object> cluster = k8s.one("Cluster");
        String clusterName = string(cluster, "metadata", "name");
        String database = Repository.database(service);
        Map<String, Variable> environment = k8s.environment(service);
        assertEquals("jdbc:postgresql://" + clusterName + "-rw:5432/" + database, environment.get("QUARKUS_DATASOURCE_JDBC_URL").value(), service);

        Map<String, Object> resource = k8s.all("Database").stream()
                .filter(candidate -> database.equals(string(candidate, "spec", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Database " + database));
        assertEquals(clusterName, string(resource, "spec", "cluster", "name"));
        String owner = string(resource, "spec", "owner");
        Object role = list(cluster, "spec", "managed", "roles").stream().filter(candidate -> owner.equals(at(candidate, "name")))
                .findFirst().orElseThrow(() -> new AssertionError("the cluster manages no role " + owner));
        assertEquals(Boolean.TRUE, at(role, "login"), owner + " may log in");
        String secret = string(role, "passwordSecret", "name");
        assertEquals(new SecretKey(secret, "username"), environment.get("QUARKUS_DATASOURCE_USERNAME").secret(),
                service + " logs in as the role, from the Secret that sets its password");
        assertEquals(new SecretKey(secret, "password"), environment.get("QUARKUS_DATASOURCE_PASSWORD").secret(), service);
    }

    /** The databases docker-compose creates are the ones the cluster has: the services' and Keycloak's. */
    @Test
    void theClusterHasTheDatabasesDockerComposeCreates() {
        Set<String> databases = new TreeSet<>();
        k8s.all("Database").forEach(database -> databases.add(string(database, "spec", "name")));
        databases.add(string(k8s.one("Cluster"), "spec", "bootstrap", "initdb", "database"));
        assertEquals(Repository.composeDatabases(), databases);
    }

    /**
     * Every pod the autoscalers may run, plus one more per rolling update, with a full connection pool
     * each, and Keycloak's pools, stay under max_connections: the last pod would not start otherwise.
     */
    @Test
    void theServicesAtTheirLargestFitTheConnectionLimit() {
        Map<String, Object> cluster = k8s.one("Cluster");
        int limit = integer(cluster, "spec", "postgresql", "parameters", "max_connections");
        int connections = 0;
        for (String service : Repository.dataServices()) {
            int pods = integer(k8s.get("HorizontalPodAutoscaler", service), "spec", "maxReplicas")
                    + integer(k8s.get("Deployment", service), "spec", "strategy", "rollingUpdate", "maxSurge");
            Variable pool = k8s.environment(service).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            int size = Integer.parseInt(pool != null ? pool.value()
                    : Repository.applicationProperties(service).getProperty("quarkus.datasource.jdbc.max-size"));
            connections += pods * size;
        }
        Map<String, Object> keycloak = k8s.one("Keycloak");
        connections += (integer(keycloak, "spec", "instances") + 1) * integer(keycloak, "spec", "db", "poolMaxSize");
        int reserved = 10; // superuser_reserved_connections, the operator, an administrator
        assertTrue(connections + reserved <= limit, connections + " connections and " + reserved + " reserved exceed max_connections " + limit);
    }

    // Keycloak

    @Test
    void keycloakKeepsItsDataInTheClustersBootstrapDatabase() {
        Map<String, Object> cluster = k8s.one("Cluster");
        Map<String, Object> db = map(k8s.one("Keycloak"), "spec", "db");
        assertEquals("postgres", string(db, "vendor"));
        assertEquals(string(cluster, "metadata", "name") + "-rw", string(db, "host"));
        assertEquals(string(cluster, "spec", "bootstrap", "initdb", "database"), string(db, "database"));
        String secret = string(cluster, "spec", "bootstrap", "initdb", "secret", "name");
        assertEquals(Map.of("name", secret, "key", "username"), map(db, "usernameSecret"));
        assertEquals(Map.of("name", secret, "key", "password"), map(db, "passwordSecret"));
    }

    /**
     * A token's issuer is the URL its client got it from. So every service checks tokens against the
     * public Keycloak URL, Keycloak builds its URLs from that hostname, and the Ingress serves the
     * realm there.
     */
    @Test
    void servicesTrustTheRealmAtThePublicKeycloakUrl() {
        assertPublicUrlsAgree(k8s);
    }

    static void assertPublicUrlsAgree(Manifests k8s) {
        Map<String, Object> keycloak = k8s.one("Keycloak");
        String hostname = string(keycloak, "spec", "hostname", "hostname");
        assertTrue(hostname.startsWith("https://"), "Keycloak's public URL is HTTPS: " + hostname);
        String realm = string(k8s.one("KeycloakRealmImport"), "spec", "realm", "realm");
        assertEquals(string(keycloak, "metadata", "name"), string(k8s.one("KeycloakRealmImport"), "spec", "keycloakCRName"));
        for (String service : Repository.SERVICES) {
            if (Repository.applicationProperties(service).containsKey("quarkus.oidc.auth-server-url")) {
                assertEquals(hostname + "/realms/" + realm, k8s.environment(service).get("QUARKUS_OIDC_AUTH_SERVER_URL").value(), service);
            }
        }
        String host = URI.create(hostname).getHost();
        Object rule = list(k8s.one("Ingress"), "spec", "rules").stream().filter(candidate -> host.equals(at(candidate, "host")))
                .findFirst().orElseThrow(() -> new AssertionError("the Ingress serves " + host));
        Object realms = list(rule, "http", "paths").stream().filter(path -> "/realms/".equals(at(path, "path")))
                .findFirst().orElseThrow(() -> new AssertionError("the Ingress serves /realms/ on " + host));
        assertEquals(string(keycloak, "metadata", "name") + "-service", string(realms, "backend", "service", "name"));
        assertEquals(integer(keycloak, "spec", "http", "httpPort"), integer(realms, "backend", "service", "port", "number"));
        assertEquals(Boolean.TRUE, at(keycloak, "spec", "http", "httpEnabled"), "Keycloak speaks HTTP behind the Ingress");
        assertEquals("xforwarded", string(keycloak, "spec", "proxy", "headers"), "and reads the forwarded headers");

        // the browser client sends users back to the application, which the Ingress serves through the gateway
        Object web = list(k8s.one("KeycloakRealmImport"), "spec", "realm", "clients").stream()
                .filter(client -> "duban-web".equals(at(client, "clientId"))).findFirst().orElseThrow();
        String application = list(k8s.one("Ingress"), "spec", "rules").stream()
                .filter(candidate -> list(candidate, "http", "paths").stream().anyMatch(path -> "gateway".equals(at(path, "backend", "service", "name"))))
                .map(candidate -> "https://" + at(candidate, "host")).findFirst().orElseThrow();
        assertEquals(application, string(web, "rootUrl"));
        assertEquals(List.of(application + "/*"), list(web, "redirectUris"));
        assertEquals(List.of(application), list(web, "webOrigins"));
        assertEquals(application + "/*", string(web, "attributes", "post.logout.redirect.uris"));
    }
}
