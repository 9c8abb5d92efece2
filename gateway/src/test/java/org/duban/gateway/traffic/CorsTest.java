package org.duban.gateway.traffic;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.duban.gateway.EchoBackend;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.nullValue;

/** CORS for the configured origins only (http://localhost:5173 here), on proxied routes and the gateway's own. */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class CorsTest {

    private static final String ALLOWED = "http://localhost:5173";
    private static final String STRANGER = "https://evil.example";

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredByTheGateway() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .when().options("/api/assignments/7/transitions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("X-Backend", nullValue()); // never reached a service
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoPermission() {
        given().header("Origin", STRANGER)
                .header("Access-Control-Request-Method", "DELETE")
                .when().options("/api/units/gov-340100")
                .then().statusCode(either(equalTo(403)).or(equalTo(200)))
                .header("Access-Control-Allow-Origin", nullValue())
                .header("X-Backend", nullValue());
    }

    @Test
    void aProxiedAnswerToAnAllowedOriginCarriesTheCorsHeaders() {
        given().header("Origin", ALLOWED)
                .when().get("/api/units/gov-340100")
                .then().statusCode(200)
                .header("X-Backend", "unit-service")
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void aRequestFromAnotherOriginIsRefused() {
        given().header("Origin", STRANGER)
                .when().get("/api/units/gov-340100")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("X-Backend", nullValue());
    }

    @Test
    void theGatewaysOwnEndpointsFollowTheSamePolicy() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/me")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED);
    }
}
