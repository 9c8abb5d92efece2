package org.duban.unit;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * The platform's head limits in a service: an over-long request line is a 414 problem and too many
 * bytes of headers a 431 problem with the request's id, where Vert.x alone answered a bare status.
 */
@QuarkusTest
class RequestHeadLimitsTest {

    /** "GET " and " HTTP/1.1" around the target. */
    private static final int LINE_AROUND_TARGET = 13;

    @Test
    void aRequestLineOverTheLimitIsA414Problem() {
        given().auth().oauth2(TestTokens.admin()).urlEncodingEnabled(false).header("X-Request-Id", "long-line-unit")
                .when().get(target("/api/units?q=", 4097))
                .then().statusCode(414)
                .contentType("application/problem+json")
                .header("X-Request-Id", equalTo("long-line-unit"))
                .body("type", equalTo("urn:duban:problem:uri-too-long"))
                .body("status", equalTo(414))
                .body("detail", equalTo("The request line has 4097 characters; at most 4096 are accepted"))
                .body("instance", equalTo("/api/units"));
    }

    @Test
    void aRequestLineAtTheLimitIsServed() {
        given().auth().oauth2(TestTokens.admin()).urlEncodingEnabled(false)
                .when().get(target("/api/units?q=", 4096))
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void headersOverTheLimitAreA431Problem() {
        given().auth().oauth2(TestTokens.admin()).header("X-Filler", "f".repeat(30_000))
                .when().get("/api/units")
                .then().statusCode(431)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("type", equalTo("urn:duban:problem:header-fields-too-large"))
                .body("status", equalTo(431));
    }

    @Test
    void headersAsLargeAsTheGatewayLetsThroughAreServed() {
        // the gateway passes up to 20 KiB of headers and adds its own; the service leaves room for both
        given().auth().oauth2(TestTokens.admin()).header("X-Filler", "f".repeat(20 * 1024 - 100))
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Host", "duban.example.cn")
                .header("X-Forwarded-Proto", "https").header("X-Request-Id", "ba7c2f7e-5d0c-4a8a-9b7e-2f0d3c1e9a11")
                .when().get("/api/units")
                .then().statusCode(200);
    }

    /** {@code prefix} padded with letters so that {@code GET <target> HTTP/1.1} has {@code lineLength} characters. */
    private static String target(String prefix, int lineLength) {
        return prefix + "a".repeat(lineLength - LINE_AROUND_TARGET - prefix.length());
    }
}
