package org.duban.systemtest;

import org.duban.localstack.KeycloakProcess;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The people and systems of the story, with real access tokens from Keycloak: the development users
 * of the {@code duban} realm sign in with the password grant on the public client {@code duban-web};
 * the OA integration uses the client-credentials grant of {@code duban-integrator}. A token is reused
 * until it is about to expire (they live five minutes).
 */
final class Users {

    private static final Map<String, KeycloakProcess.Token> TOKENS = new ConcurrentHashMap<>();

    private Users() {
    }

    /** The supervising office (省政务公开办): role admin. */
    static String office() {
        return user("office");
    }

    /** Read-only: role viewer. */
    static String viewer() {
        return user("viewer");
    }

    /** Staff of 合肥市人民政府 (unit gov-340100). */
    static String hefei() {
        return user("hefei");
    }

    /** Staff of 芜湖市人民政府 (unit gov-340200). */
    static String wuhu() {
        return user("wuhu");
    }

    /** Staff of 省发展改革委 (unit ah-fgw). */
    static String fgw() {
        return user("fgw");
    }

    /** Staff of 合肥市人民政府 who may also keep the units under it: roles unit and unit-admin, unit gov-340100. */
    static String hefeiAdmin() {
        return user("hefei-admin");
    }

    /** Staff of 肥西县人民政府 (unit gov-340123), a county of Hefei. */
    static String feixi() {
        return user("feixi");
    }

    /**
     * Staff of a unit a test added (role unit, the unit's code in the token): an account made through Keycloak's admin
     * API once, password = user name. The realm keeps {@code unit_code} as an attribute outside its user profile (its
     * imported users carry it), so the profile is told to let the admin API write such attributes too.
     */
    static synchronized String unitStaff(String username, String unitCode) {
        if (!TOKENS.containsKey(username)) {
            KeycloakProcess keycloak = SystemStack.get().keycloak;
            String admin = keycloak.password("master", "admin-cli", "admin", "admin").accessToken();
            String realm = keycloak.url().replaceAll("/+$", "") + "/admin/realms/" + SystemStack.REALM;
            Map<String, Object> profile = Gateway.json(keycloakAdmin(admin).when().get(realm + "/users/profile").then().statusCode(200)
                    .extract().asByteArray());
            profile.put("unmanagedAttributePolicy", "ENABLED");
            keycloakAdmin(admin).body(profile).when().put(realm + "/users/profile").then().statusCode(200);
            keycloakAdmin(admin).body(Map.of("username", username, "enabled", true, "email", username + "@example.org", "emailVerified", true,
                            "firstName", username, "lastName", unitCode, "attributes", Map.of("unit_code", java.util.List.of(unitCode)),
                            "credentials", java.util.List.of(Map.of("type", "password", "value", username, "temporary", false))))
                    .when().post(realm + "/users").then().statusCode(201);
            String id = keycloakAdmin(admin).queryParam("username", username).queryParam("exact", true).when().get(realm + "/users")
                    .then().statusCode(200).extract().path("[0].id");
            Map<String, Object> role = Gateway.json(keycloakAdmin(admin).when().get(realm + "/roles/unit").then().statusCode(200).extract().asByteArray());
            keycloakAdmin(admin).body(java.util.List.of(role)).when().post(realm + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        }
        return user(username);
    }

    private static io.restassured.specification.RequestSpecification keycloakAdmin(String token) {
        return io.restassured.RestAssured.given().auth().oauth2(token).contentType(io.restassured.http.ContentType.JSON);
    }

    /** An OA system's service account: role integrator. */
    static String integrator() {
        return cached("duban-integrator", () -> SystemStack.get().keycloak
                .clientCredentials(SystemStack.REALM, "duban-integrator", "duban-integrator-secret"));
    }

    private static String user(String name) {
        // the development users' passwords are their names
        return cached(name, () -> SystemStack.get().keycloak.password(SystemStack.REALM, "duban-web", name, name));
    }

    private static String cached(String key, Supplier<KeycloakProcess.Token> fetch) {
        return TOKENS.compute(key, (k, token) -> token != null && token.expiresAt().isAfter(Instant.now().plusSeconds(60))
                ? token : fetch.get()).accessToken();
    }
}
