package org.duban.stack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this checks it against the code:
 * every service it names exists and is built from its Dockerfile, every port is the one the
 * service listens on, every variable it sets is a configuration key the service really has.
 */
class DockerComposeTest {

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void parse() {
        services = Repository.composeServices();
    }

    @Test
    void describesTheInfrastructureAndTheFourServices() {
        assertEquals(Set.of("postgres", "kafka", "keycloak", "mailpit", "unit-service", "task-service", "reminder-service", "gateway"),
                services.keySet());
    }

    static List<String> applicationServices() {
        return Repository.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    @SuppressWarnings("unchecked")
    void eachServiceIsBuiltFromItsOwnDockerfile(String service) throws IOException {
        Map<String, Object> build = (Map<String, Object>) services.get(service).get("build");
        assertNotNull(build, service + " has a build section");
        Path context = Repository.root().resolve((String) build.get("context")).normalize();
        assertEquals(Repository.root().resolve(service), context);
        Path dockerfile = context.resolve((String) build.get("dockerfile"));
        assertTrue(Files.exists(dockerfile), dockerfile + " exists");
        assertTrue(Files.readString(dockerfile).contains("EXPOSE " + Repository.httpPort(service)),
                dockerfile + " exposes the service's port");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    @SuppressWarnings("unchecked")
    void eachServicePublishesThePortItListensOn(String service) {
        int port = Repository.httpPort(service);
        List<String> ports = (List<String>) services.get(service).get("ports");
        assertEquals(List.of(port + ":" + port), ports);
        Map<String, Object> health = (Map<String, Object>) services.get(service).get("healthcheck");
        assertNotNull(health, service + " has a health check");
        assertTrue(health.get("test").toString().contains("localhost:" + port + "/q/health/ready"),
                service + " is checked on its readiness endpoint");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    @SuppressWarnings("unchecked")
    void everyVariableSetsARealConfigurationKey(String service) {
        Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
        assertNotNull(environment, service + " is configured through its environment");
        Set<String> known = Repository.environmentNames(service);
        for (String variable : environment.keySet()) {
            assertTrue(known.contains(variable),
                    service + ": " + variable + " matches no key of its application.properties");
        }
    }

    static List<String> dataServices() {
        return Repository.dataServices();
    }

    @ParameterizedTest
    @MethodSource("dataServices")
    @SuppressWarnings("unchecked")
    void eachDataServiceUsesItsOwnDatabase(String service) {
        Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
        assertEquals("jdbc:postgresql://postgres:5432/" + Repository.database(service), environment.get("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @Test
    void theDatabasesTheServicesNeedAreCreated() {
        for (String service : Repository.dataServices()) {
            assertTrue(Repository.composeDatabases().contains(Repository.database(service)), Repository.database(service) + " is created");
        }
    }

    /** The gateway's route table, task-service's unit-service client: by service name and port. */
    @ParameterizedTest
    @MethodSource("applicationServices")
    @SuppressWarnings("unchecked")
    void everyServiceReachesTheOthersOnTheirPorts(String service) {
        Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
        Repository.serviceUrlVariables(service).forEach((variable, target) ->
                assertEquals("http://" + target + ":" + Repository.httpPort(target), environment.get(variable), service + ": " + variable));
    }

    /**
     * The broker's one listener other containers reach is SASL_SSL; its own listeners are bound to
     * localhost; ACLs are enforced. It gets its TLS files from deploy/kafka/secrets and runs
     * deploy/kafka/start.sh, which gives the services their users.
     */
    @Test
    @SuppressWarnings("unchecked")
    void kafkaTakesOnlyTlsAndScramFromOtherContainers() {
        Map<String, Object> kafka = services.get("kafka");
        Map<String, Object> environment = (Map<String, Object>) kafka.get("environment");
        Map<String, String> protocols = new java.util.LinkedHashMap<>();
        for (String entry : String.valueOf(environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(",")) {
            protocols.put(entry.split(":")[0], entry.split(":")[1]);
        }
        for (String listener : String.valueOf(environment.get("KAFKA_LISTENERS")).split(",")) {
            String name = listener.substring(0, listener.indexOf("://"));
            boolean local = listener.contains("://localhost:");
            assertTrue(local || protocols.get(name).equals("SASL_SSL"), listener + ": other containers reach only SASL_SSL");
        }
        assertEquals("SCRAM-SHA-512", environment.get("KAFKA_SASL_ENABLED_MECHANISMS"));
        assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", environment.get("KAFKA_AUTHORIZER_CLASS_NAME"));
        assertEquals("false", String.valueOf(environment.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")));
        List<String> volumes = (List<String>) kafka.get("volumes");
        assertTrue(volumes.contains("./deploy/kafka/secrets:/etc/kafka/secrets:ro"), "the TLS files of make-secrets.sh: " + volumes);
        assertTrue(volumes.contains("./deploy/kafka/start.sh:/duban/start.sh:ro"), volumes.toString());
        assertEquals(List.of("bash", "/duban/start.sh"), kafka.get("command"));
        assertTrue(Files.exists(Repository.root().resolve("deploy/kafka/make-secrets.sh")));
    }

    static List<String> kafkaServices() {
        return Repository.kafkaServices();
    }

    /** Each service connects with TLS, trusting the CA of deploy/kafka/secrets, as its own SCRAM user, whose password .env holds. */
    @ParameterizedTest
    @MethodSource("kafkaServices")
    @SuppressWarnings("unchecked")
    void eachServiceConnectsWithTlsAsItsOwnUser(String service) {
        Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
        assertEquals("kafka:9092", environment.get("KAFKA_BOOTSTRAP_SERVERS"), service);
        assertEquals("SASL_SSL", environment.get("KAFKA_SECURITY_PROTOCOL"), service);
        assertEquals("SCRAM-SHA-512", environment.get("KAFKA_SASL_MECHANISM"), service);
        String password = "KAFKA_" + service.toUpperCase().replace('-', '_') + "_PASSWORD";
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + service + "\" password=\"${"
                + password + ":?set " + password + " in .env}\";", environment.get("KAFKA_SASL_JAAS_CONFIG"), service);
        assertTrue(Repository.read("deploy/compose.env.example").contains(password + "="), "compose.env.example names " + password);
        List<String> volumes = (List<String>) services.get(service).get("volumes");
        assertEquals(List.of("./deploy/kafka/secrets/ca.crt:" + environment.get("KAFKA_SSL_TRUSTSTORE_LOCATION") + ":ro"), volumes, service);
        assertEquals("PEM", environment.get("KAFKA_SSL_TRUSTSTORE_TYPE"), service);
    }

    /**
     * deploy/kafka/start.sh gives each service a user with its password from .env, the right to publish to
     * what it publishes and to read what it consumes in its own group — and nothing to anyone else.
     */
    @ParameterizedTest
    @MethodSource("kafkaServices")
    @SuppressWarnings("unchecked")
    void theBrokerGivesEachServiceItsTopicsAndGroup(String service) {
        String script = Repository.read("deploy/kafka/start.sh");
        String variable = "DUBAN_SCRAM_" + service.toUpperCase().replace('-', '_');
        assertTrue(script.contains("user " + service + " \"$" + variable + "\""), "start.sh makes the user " + service);
        String password = "KAFKA_" + service.toUpperCase().replace('-', '_') + "_PASSWORD";
        Map<String, Object> kafka = (Map<String, Object>) services.get("kafka").get("environment");
        assertEquals("${" + password + ":?set " + password + " in .env}", kafka.get(variable), "the broker gets " + service + "'s password");

        Set<String> granted = new java.util.TreeSet<>();
        Matcher grant = Pattern.compile("(?m)^(produces|consumes) " + Pattern.quote(service) + " (\\S+)(?: (\\S+))?$").matcher(script);
        while (grant.find()) {
            granted.add(grant.group(1) + " " + grant.group(2) + (grant.group(3) != null ? " " + grant.group(3) : ""));
        }
        Set<String> needed = new java.util.TreeSet<>();
        Map<String, String> consumed = Repository.consumerGroups(service);
        Repository.topics(service).stream().filter(topic -> Repository.publishes(topic, consumed))
                .forEach(topic -> needed.add("produces " + topic.name()));
        consumed.forEach((topic, group) -> needed.add("consumes " + topic + " " + group));
        assertTrue(granted.containsAll(needed), service + " needs " + needed + ", start.sh grants " + granted);
        granted.removeAll(needed);
        assertTrue(granted.stream().allMatch(extra -> extra.startsWith("consumes ")),
                service + " may only read besides what it needs: " + granted);
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakImportsTheRealmFileOfTheRepository() {
        List<String> volumes = (List<String>) services.get("keycloak").get("volumes");
        Matcher mount = Pattern.compile("^\\./(.+?):/opt/keycloak/data/import/").matcher(volumes.get(0));
        assertTrue(mount.find(), "the realm is mounted into Keycloak's import folder");
        assertTrue(Files.exists(Repository.root().resolve(mount.group(1))), mount.group(1) + " exists");
        assertTrue(services.get("keycloak").get("command").toString().contains("--import-realm"));
    }
}
