package org.duban.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.duban.stack.Manifests.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KeycloakRealmImport under deploy/k8s is the development realm deploy/keycloak/duban-realm.json
 * with the production changes gen-realm-import.sh makes, and no others: when the realm file
 * changes, this fails until the script has been run again.
 */
class KeycloakRealmImportTest {

    private static final String REGENERATE = "; run deploy/k8s/gen-realm-import.sh after changing deploy/keycloak/duban-realm.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, Object> realmImport;
    private static JsonNode development;
    private static JsonNode production;

    @BeforeAll
    static void parse() throws Exception {
        realmImport = Manifests.kustomization().one("KeycloakRealmImport");
        development = JSON.readTree(Repository.read("deploy/keycloak/duban-realm.json"));
        production = JSON.valueToTree(map(realmImport, "spec", "realm"));
    }

    @Test
    void theImportIsTheRepositoryRealmApartFromTheProductionChanges() {
        assertEquals(withoutProductionChanges(development), withoutProductionChanges(production), "the imported realm" + REGENERATE);
    }

    /** What gen-realm-import.sh may change, taken out of a copy. */
    private static JsonNode withoutProductionChanges(JsonNode realm) {
        ObjectNode copy = realm.deepCopy();
        copy.remove(List.of("displayName", "passwordPolicy", "users"));
        ((ObjectNode) client(copy, "duban-integrator")).remove("secret");
        ObjectNode web = (ObjectNode) client(copy, "duban-web");
        web.remove(List.of("rootUrl", "redirectUris", "webOrigins", "directAccessGrantsEnabled"));
        ((ObjectNode) web.get("attributes")).remove("post.logout.redirect.uris");
        return copy;
    }

    /** The development users' passwords are public: only the integrator's service account goes to production. */
    @Test
    void noDevelopmentUserIsImported() {
        ArrayNode serviceAccounts = JSON.createArrayNode();
        development.get("users").forEach(user -> {
            if (user.hasNonNull("serviceAccountClientId")) {
                serviceAccounts.add(user);
            }
        });
        assertFalse(serviceAccounts.isEmpty(), "the integrator's service account carries its role");
        assertEquals(serviceAccounts, production.get("users"), "the imported users" + REGENERATE);
    }

    /** The integrator's client secret is filled in at import from a Secret, never committed. */
    @Test
    void theIntegratorSecretComesFromASecret() {
        String secret = client(production, "duban-integrator").get("secret").asText();
        Matcher placeholder = Pattern.compile("\\$\\{(\\w+)}").matcher(secret);
        assertTrue(placeholder.matches(), "the integrator's secret is a placeholder, not " + secret);
        Map<String, Object> reference = map(realmImport, "spec", "placeholders", placeholder.group(1), "secret");
        assertNotNull(reference, placeholder.group(1) + " is filled in from a Secret");
        assertNotNull(reference.get("name"));
        assertNotNull(reference.get("key"));
    }

    /** Browsers sign in through the authorization code flow only; the password grant is for development scripts. */
    @Test
    void theWebClientHasNoPasswordGrant() {
        assertTrue(client(development, "duban-web").get("directAccessGrantsEnabled").asBoolean());
        assertFalse(client(production, "duban-web").get("directAccessGrantsEnabled").asBoolean());
        assertEquals(development.get("displayName").asText().replace(" (development)", ""), production.get("displayName").asText());
    }

    /** Every rule of the development policy, and those a production realm needs (deploy/keycloak/README.md). */
    @Test
    void thePasswordPolicyIsFitForRealUsers() {
        List<String> rules = new ArrayList<>(Arrays.asList(production.get("passwordPolicy").asText().split(" and ")));
        // every rule of the development realm stays, possibly stricter (passwordHistory(3) → passwordHistory(5))
        for (String rule : development.get("passwordPolicy").asText().split(" and ")) {
            String name = rule.replaceAll("\\(.*", "");
            assertTrue(rules.stream().anyMatch(r -> r.replaceAll("\\(.*", "").equals(name)), rule + " stays");
        }
        assertTrue(rules.stream().anyMatch(rule -> rule.matches("length\\((\\d{2,})\\)") && Integer.parseInt(rule.replaceAll("\\D", "")) >= 12),
                "passwords of 12 characters at least: " + rules);
        assertTrue(rules.contains("notUsername"), "not the user name");
        assertTrue(rules.stream().anyMatch(rule -> rule.startsWith("passwordHistory(")), "not a recent one");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (clientId.equals(client.get("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
