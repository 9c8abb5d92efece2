package org.duban.gateway.traffic;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.duban.gateway.EchoBackend;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The request size limit (64 KiB here): declared lengths are checked at once, chunked bodies as they stream. */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class SizeLimitTest {

    private static final int LIMIT = 64 * 1024;

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsForwarded() {
        given().contentType(ContentType.TEXT).body("x".repeat(LIMIT + 1))
                .when().post("/api/plans/import")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body has 65537 bytes; at most 65536 are accepted"));
    }

    @Test
    void aDeclaredBodyJustAtTheLimitPasses() {
        given().contentType(ContentType.TEXT).body("x".repeat(LIMIT))
                .when().post("/api/plans/import")
                .then().statusCode(201)
                .body("bodyLength", equalTo(LIMIT));
    }

    @Test
    void aStreamedBodyOverTheLimitIsCutAnd413() {
        given().contentType(ContentType.TEXT).body(new ByteArrayInputStream(new byte[200 * 1024])) // chunked
                .when().post("/api/plans/import")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyString()))
                .body("status", equalTo(413))
                .body("type", equalTo("urn:duban:problem:too-large"))
                .body("detail", equalTo("The request body is larger than the 65536 bytes accepted"))
                .body("instance", equalTo("/api/plans/import"));
        given().when().get("/api/plans").then().statusCode(200); // and the gateway goes on serving
    }

    @Test
    void aStreamedBodyOneByteOverTheLimitIsCut() {
        given().contentType(ContentType.TEXT).body(new ByteArrayInputStream(new byte[LIMIT + 1]))
                .when().post("/api/plans/import")
                .then().statusCode(413);
    }

    @Test
    void aStreamedBodyJustAtTheLimitPasses() {
        given().contentType(ContentType.TEXT).body(new ByteArrayInputStream(new byte[LIMIT]))
                .when().post("/api/plans/import")
                .then().statusCode(201)
                .body("bodyLength", equalTo(LIMIT));
    }
}
