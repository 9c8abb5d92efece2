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
