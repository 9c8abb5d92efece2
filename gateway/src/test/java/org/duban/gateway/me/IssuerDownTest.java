package org.duban.gateway.me;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Keycloak down: the gateway still starts and proxies; GET /api/me says 503, not 500. */
@QuarkusTest
@TestProfile(IssuerDownTest.NoIssuer.class)
class IssuerDownTest {

    public static class NoIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String nowhere = "http://127.0.0.1:1";
            return Map.of("quarkus.oidc.auth-server-url", nowhere + "/realms/duban",
                    "duban.gateway.services.unit-service.url", nowhere,
                    "duban.gateway.services.task-service.url", nowhere,
                    "duban.gateway.services.reminder-service.url", nowhere);
        }
    }

    @Test
    void meAnswers503WhileTheIssuerIsDown() {
        given().auth().oauth2(TestTokens.viewer())
                .when().get("/api/me")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:duban:problem:issuer-unavailable"));
    }

    @Test
    void theProxyAndHealthDoNotNeedTheIssuer() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/api/units").then().statusCode(502).body("detail", equalTo("unit-service cannot be reached"));
    }
}
