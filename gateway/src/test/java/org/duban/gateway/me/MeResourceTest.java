package org.duban.gateway.me;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.duban.gateway.EchoBackend;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class MeResourceTest {

    @Test
    void aUnitUserSeesNameRoleAndUnit() {
        given().auth().oauth2(TestTokens.unit("gov-340100"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("staff-gov-340100"))
                .body("roles", contains("unit"))
                .body("unitCode", equalTo("gov-340100"));
    }

    @Test
    void aUnitAdminShowsBothRolesAndItsUnit() {
        given().auth().oauth2(TestTokens.unitAdmin("gov-340100"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", contains("unit", "unit-admin"))
                .body("unitCode", org.hamcrest.Matchers.equalTo("gov-340100"));
    }

    @Test
    void theOfficeHasNoUnit() {
        given().auth().oauth2(TestTokens.admin())
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("office"))
                .body("roles", contains("admin"))
                .body("$", not(hasKey("unitCode")));
    }

    @Test
    void keycloaksOwnRolesAreLeftOut() {
        given().auth().oauth2(TestTokens.token("viewer", List.of("default-roles-duban", "offline_access", "viewer"), null))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", contains("viewer"));
    }

    @Test
    void theIntegratorIsItsServiceAccount() {
        given().auth().oauth2(TestTokens.integrator())
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("service-account-duban-integrator"))
                .body("roles", contains("integrator"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "forged", "expired", "garbage"})
    void withoutAValidTokenItIs401Problem(String caller) {
        as(caller).when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/me"));
    }

    @Test
    void theProxyStillPassesAnonymousAndBadTokensToTheServices() {
        as("expired").when().get("/api/units").then().statusCode(200).body("service", equalTo("unit-service"));
        as("anonymous").when().get("/api/units").then().statusCode(200).body("authorization", equalTo(""));
    }

    static RequestSpecification as(String caller) {
        return switch (caller) {
            case "anonymous" -> given();
            case "forged" -> given().auth().oauth2(TestTokens.forged());
            case "expired" -> given().auth().oauth2(TestTokens.expired("office", List.of("admin")));
            case "garbage" -> given().header("Authorization", "Bearer not-a-token");
            default -> throw new IllegalArgumentException(caller);
        };
    }
}
