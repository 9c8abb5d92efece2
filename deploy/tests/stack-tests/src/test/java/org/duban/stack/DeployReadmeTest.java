package org.duban.stack;

import org.duban.stack.Manifests.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.duban.stack.Manifests.list;
import static org.duban.stack.Manifests.map;
import static org.duban.stack.Manifests.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Secret is committed: deploy/README.md says how to create them. Whoever follows it gets every
 * Secret and key the manifests use, with the types and user names the operators expect — except those
 * the operators write themselves (a KafkaUser's password, the Kafka cluster's CA).
 */
class DeployReadmeTest {

    private static Manifests k8s;
    private static Map<String, CreatedSecret> created;

    /** A {@code kubectl create secret} of the README: its type and literal values by key. */
    record CreatedSecret(String type, Map<String, String> literals) {
    }

    @BeforeAll
    static void parse() {
        k8s = Manifests.kustomization();
        created = new LinkedHashMap<>();
        String commands = Repository.read("deploy/README.md").replace("\\\n", " ");
        Matcher create = Pattern.compile("kubectl -n duban create secret (generic|tls) ([a-z0-9-]+)([^\n]*)").matcher(commands);
        while (create.find()) {
            Map<String, String> literals = new LinkedHashMap<>();
            Matcher literal = Pattern.compile("--from-literal=([\\w.-]+)=(\\S+)").matcher(create.group(3));
            while (literal.find()) {
                literals.put(literal.group(1), literal.group(2));
            }
            Matcher type = Pattern.compile("--type=(\\S+)").matcher(create.group(3));
            String kind = create.group(1).equals("tls") ? "kubernetes.io/tls" : type.find() ? type.group(1) : "Opaque";
            if (kind.equals("kubernetes.io/tls")) {
                literals.put("tls.crt", null);
                literals.put("tls.key", null);
            }
            created.put(create.group(2), new CreatedSecret(kind, literals));
        }
    }

    @Test
    void everySecretKeyTheServicesReadIsCreated() {
        Set<SecretKey> used = new LinkedHashSet<>();
        for (String service : Repository.SERVICES) {
            k8s.environment(service).values().stream().filter(variable -> variable.secret() != null)
                    .forEach(variable -> used.add(variable.secret()));
        }
        Map<String, Object> keycloak = k8s.one("Keycloak");
        used.add(new SecretKey(string(keycloak, "spec", "db", "usernameSecret", "name"), string(keycloak, "spec", "db", "usernameSecret", "key")));
        used.add(new SecretKey(string(keycloak, "spec", "db", "passwordSecret", "name"), string(keycloak, "spec", "db", "passwordSecret", "key")));
        map(k8s.one("KeycloakRealmImport"), "spec", "placeholders").values()
                .forEach(placeholder -> used.add(new SecretKey(string(placeholder, "secret", "name"), string(placeholder, "secret", "key"))));
        for (SecretKey key : used) {
            if (k8s.find("KafkaUser", key.secret()) != null) {
                // Strimzi's User Operator writes a KafkaUser's Secret (its password, and the JAAS line with it)
                assertTrue(Set.of("password", "sasl.jaas.config").contains(key.key()), key + " is a key the User Operator writes");
                continue;
            }
            assertNotNull(created.get(key.secret()), "deploy/README.md creates the Secret " + key.secret());
            assertTrue(created.get(key.secret()).literals().containsKey(key.key()), "deploy/README.md gives " + key.secret() + " the key " + key.key());
        }
    }

    /** CloudNativePG takes a role's password from a basic-auth Secret whose user name is the role. */
    @Test
    void everyDatabaseRoleHasItsBasicAuthSecret() {
        Map<String, Object> cluster = k8s.one("Cluster");
        Map<String, String> roles = new LinkedHashMap<>();
        list(cluster, "spec", "managed", "roles").forEach(role -> roles.put(string(role, "name"), string(role, "passwordSecret", "name")));
        roles.put(string(cluster, "spec", "bootstrap", "initdb", "owner"), string(cluster, "spec", "bootstrap", "initdb", "secret", "name"));
        roles.forEach((role, secret) -> {
            CreatedSecret made = created.get(secret);
            assertNotNull(made, "deploy/README.md creates " + secret + " for the role " + role);
            assertEquals("kubernetes.io/basic-auth", made.type(), secret);
            assertEquals(role, made.literals().get("username"), secret + " logs in as " + role);
            assertTrue(made.literals().containsKey("password"), secret);
        });
    }

    @Test
    void theIngressCertificateIsCreated() {
        assertFalse(list(k8s.one("Ingress"), "spec", "tls").isEmpty(), "the Ingress serves TLS");
        for (Object tls : list(k8s.one("Ingress"), "spec", "tls")) {
            String secret = string(tls, "secretName");
            assertNotNull(created.get(secret), "deploy/README.md creates " + secret);
            assertEquals("kubernetes.io/tls", created.get(secret).type(), secret);
        }
    }
}
