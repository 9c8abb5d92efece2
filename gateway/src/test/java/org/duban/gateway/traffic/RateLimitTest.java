package org.duban.gateway.traffic;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.duban.gateway.EchoBackend;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bucket of 5 refilled at one request every 10 s: the sixth request in a row is refused. */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
@TestProfile(RateLimitTest.Tight.class)
class RateLimitTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("duban.gateway.rate-limit.burst", "5", "duban.gateway.rate-limit.requests-per-second", "0.1");
        }
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() {
        String token = tokenFor("busy-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/api/units").then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/api/units")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:duban:problem:too-many-requests"))
                .body("detail", containsString("retry after 10 s"));
    }

    @Test
    void anotherClientIsNotHeldUpByTheBusyOne() {
        String busy = tokenFor("busy-" + UUID.randomUUID());
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            refused += given().auth().oauth2(busy).when().get("/api/tasks").then().extract().statusCode() == 429 ? 1 : 0;
        }
        assertEquals(3, refused);
        given().auth().oauth2(tokenFor("calm-" + UUID.randomUUID())).when().get("/api/tasks").then().statusCode(200);
    }

    @Test
    void theGatewaysOwnEndpointsCountToo() {
        String token = tokenFor("me-" + UUID.randomUUID());
        int lastStatus = 0;
        for (int i = 0; i < 6; i++) {
            lastStatus = given().auth().oauth2(token).when().get("/api/me").then().extract().statusCode();
        }
        assertEquals(429, lastStatus);
    }

    @Test
    void preflightsCostNoTokens() {
        for (int i = 0; i < 8; i++) {
            given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                    .when().options("/api/units").then().statusCode(200);
        }
        given().when().get("/api/units").then().statusCode(200); // the address's bucket of 5 is still full
    }

    @Test
    void healthAndOpenApiAreNotLimited() {
        for (int i = 0; i < 8; i++) {
            int status = given().when().get("/q/health/live").then().extract().statusCode();
            assertTrue(status == 200, "health stays reachable");
        }
    }

    private static String tokenFor(String user) {
        return TestTokens.token(user, List.of("viewer"), null);
    }
}
