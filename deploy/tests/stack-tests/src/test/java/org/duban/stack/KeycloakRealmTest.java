package org.duban.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The development realm {@code deploy/keycloak/duban-realm.json} (imported by ./duban up and by
 * docker-compose) against the contract in API.md: roles, clients, users and their units, the
 * {@code unit_code} claim, token lifetimes and the password policy.
 */
class KeycloakRealmTest {

    private static JsonNode realm;

    @BeforeAll
    static void parse() throws IOException {
        realm = new ObjectMapper().readTree(Files.readString(Repository.root().resolve("deploy/keycloak/duban-realm.json")));
    }

    @Test
    void theRealmIsDubanWithTheFiveRoles() {
        assertEquals("duban", realm.path("realm").asText());
        assertTrue(realm.path("enabled").asBoolean());
        Set<String> roles = new TreeSet<>();
        realm.at("/roles/realm").forEach(role -> roles.add(role.path("name").asText()));
        assertEquals(new TreeSet<>(List.of("admin", "unit", "viewer", "integrator", "unit-admin")), roles);
    }

    @Test
    void theWebClientIsPublicWithPkceAndDirectGrants() {
        JsonNode web = client("duban-web");
        assertTrue(web.path("publicClient").asBoolean(), "public");
        assertTrue(web.path("standardFlowEnabled").asBoolean(), "authorization code");
        assertFalse(web.path("implicitFlowEnabled").asBoolean(), "no implicit flow");
        assertTrue(web.path("directAccessGrantsEnabled").asBoolean(), "password grant for scripts (development)");
        assertFalse(web.path("serviceAccountsEnabled").asBoolean());
        assertEquals("S256", web.at("/attributes/pkce.code.challenge.method").asText());
        List<String> redirects = texts(web.path("redirectUris"));
        assertTrue(redirects.contains("http://localhost:8080/*"), "Swagger UI at the gateway may receive the code");
        assertFalse(redirects.contains("*"), "no open redirect");
        assertFalse(texts(web.path("webOrigins")).contains("*"), "no CORS to everyone");
    }

    @Test
    void theUnitCodeAttributeReachesTheAccessToken() {
        JsonNode mapper = null;
        for (JsonNode m : client("duban-web").path("protocolMappers")) {
            if (m.at("/config/user.attribute").asText().equals("unit_code")) {
                mapper = m;
            }
        }
        assertNotNull(mapper, "a user-attribute mapper for unit_code");
        assertEquals("oidc-usermodel-attribute-mapper", mapper.path("protocolMapper").asText());
        assertEquals("unit_code", mapper.at("/config/claim.name").asText());
        assertEquals("true", mapper.at("/config/access.token.claim").asText());
        assertEquals("String", mapper.at("/config/jsonType.label").asText());
        // Keycloak 24+ drops attributes the user profile does not declare
        String profile = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0").asText();
        assertTrue(profile.contains("\"name\":\"unit_code\""), "unit_code is declared in the user profile");
    }

    @Test
    void theIntegratorIsAConfidentialServiceAccountWithItsRole() {
        JsonNode integrator = client("duban-integrator");
        assertFalse(integrator.path("publicClient").asBoolean(), "confidential");
        assertEquals("client-secret", integrator.path("clientAuthenticatorType").asText());
        assertTrue(integrator.path("serviceAccountsEnabled").asBoolean(), "client credentials");
        assertFalse(integrator.path("standardFlowEnabled").asBoolean(), "no browser login");
        assertFalse(integrator.path("directAccessGrantsEnabled").asBoolean(), "no password grant");
        Matcher secret = Pattern.compile("^\\$\\{([A-Z_]+):(.+)}$").matcher(integrator.path("secret").asText());
        assertTrue(secret.matches(), "the secret comes from the environment, with a development default");
        assertEquals("DUBAN_INTEGRATOR_SECRET", secret.group(1));
        assertEquals("duban-integrator-secret", secret.group(2));
        JsonNode account = user("service-account-duban-integrator");
        assertEquals("duban-integrator", account.path("serviceAccountClientId").asText());
        assertTrue(texts(account.path("realmRoles")).contains("integrator"));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
            "office, admin, -",
            "viewer, viewer, -",
            "hefei, unit, gov-340100",
            "fgw, unit, ah-fgw",
            "wuhu, unit, gov-340200",
            "hefei-admin, unit unit-admin, gov-340100",
            "feixi, unit, gov-340123",
    })
    void theDevelopmentUsersOfApiMd(String username, String role, String unitCode) throws IOException {
        JsonNode user = user(username);
        assertTrue(user.path("enabled").asBoolean());
        List<String> roles = List.of(role.split(" "));
        for (String own : roles) {
            assertTrue(texts(user.path("realmRoles")).contains(own), username + " has " + own);
        }
        for (String other : List.of("admin", "unit", "viewer", "integrator", "unit-admin")) {
            if (!roles.contains(other)) {
                assertFalse(texts(user.path("realmRoles")).contains(other), username + " has no " + other);
            }
        }
        JsonNode password = user.path("credentials").get(0);
        assertEquals(username, password.path("value").asText(), "the password is the user name (development)");
        assertFalse(password.path("temporary").asBoolean());
        assertEquals(0, user.path("requiredActions").size(), "no action stands between the user and a token");
        if (unitCode.equals("-")) {
            assertTrue(user.at("/attributes/unit_code").isMissingNode(), username + " has no unit");
        } else {
            assertEquals(unitCode, user.at("/attributes/unit_code/0").asText());
            assertTrue(seeded(unitCode), unitCode + " is a unit unit-service seeds");
        }
    }

    @Test
    void tokensLiveBrieflyAndSessionsEnd() {
        int access = realm.path("accessTokenLifespan").asInt();
        assertTrue(access >= 60 && access <= 900, "an access token lives 1–15 minutes, not " + access + " s");
        assertTrue(realm.path("accessCodeLifespan").asInt() <= 120, "an authorization code is used at once");
        int idle = realm.path("ssoSessionIdleTimeout").asInt();
        int max = realm.path("ssoSessionMaxLifespan").asInt();
        assertTrue(idle > access && idle <= max && max <= 24 * 3600, "sessions idle out and end within a day");
        assertEquals("external", realm.path("sslRequired").asText(), "TLS outside localhost");
    }

    @Test
    void passwordsHaveAPolicyTheDevelopmentUsersMeet() {
        String policy = realm.path("passwordPolicy").asText();
        assertTrue(policy.contains("notEmail") && policy.contains("passwordHistory"), policy);
        Matcher max = Pattern.compile("maxLength\\((\\d+)\\)").matcher(policy);
        assertTrue(max.find(), "a maximum length");
        for (JsonNode user : realm.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                String value = credential.path("value").asText();
                assertTrue(value.length() <= Integer.parseInt(max.group(1)));
                assertFalse(value.equals(user.path("email").asText()));
            }
        }
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force detection");
        assertFalse(realm.path("permanentLockout").asBoolean(), "a failing script does not lock a user for good");
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode user(String username) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** A government's code is gov-<division code> (anhui-divisions.csv); a department's is in anhui-provincial-units.csv. */
    private static boolean seeded(String unitCode) throws IOException {
        var seed = Repository.root().resolve("unit-service/src/main/resources/seed");
        if (unitCode.startsWith("gov-")) {
            return Files.readAllLines(seed.resolve("anhui-divisions.csv")).stream()
                    .anyMatch(line -> line.startsWith(unitCode.substring(4) + ","));
        }
        return Files.readAllLines(seed.resolve("anhui-provincial-units.csv")).stream()
                .anyMatch(line -> List.of(line.split(",", -1)).contains(unitCode));
    }
}
