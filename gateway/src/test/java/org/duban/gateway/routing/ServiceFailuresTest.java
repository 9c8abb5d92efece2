package org.duban.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.duban.gateway.EchoBackend;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A service that is down, slow, or breaks off its answer: a problem while nothing was answered, else a reset. */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class ServiceFailuresTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aServiceThatIsDownAnswers502Problem() {
        given().when().get("/api/notifications")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyString()))
                .body("status", equalTo(502))
                .body("type", equalTo("urn:duban:problem:bad-gateway"))
                .body("detail", equalTo("reminder-service cannot be reached"))
                .body("instance", equalTo("/api/notifications"));
    }

    @Test
    void aServiceThatStaysSilentAnswers504Problem() {
        given().header("X-Request-Id", "slow-1")
                .when().get("/api/tasks/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("X-Request-Id", "slow-1")
                .body("status", equalTo(504))
                .body("type", equalTo("urn:duban:problem:gateway-timeout"))
                .body("detail", equalTo("task-service did not answer in time"));
    }

    /**
     * A plan import answers only once the whole plan is laid out: on {@code long-paths} the gateway waits
     * {@code long-timeout} (4 s here) rather than the request timeout (1 s here) — and no longer.
     */
    @Test
    void aPlanImportMayTakeLongerThanTheRequestTimeoutButNotForever() {
        given().contentType("text/plain; charset=utf-8").body("一、…")
                .when().post("/api/plans/import?slow")
                .then().statusCode(201)
                .body("service", equalTo("task-service"))
                .body("uri", equalTo("/api/plans/import?slow"));
        given().contentType("text/plain; charset=utf-8").body("一、…")
                .when().post("/api/plans/import?dryRun=true&slow")
                .then().statusCode(201)
                .body("uri", equalTo("/api/plans/import?dryRun=true&slow"));
        // the same service's other paths still get the request timeout
        given().contentType("application/json").body("{}")
                .when().post("/api/plans?slow")
                .then().statusCode(504)
                .body("type", equalTo("urn:duban:problem:gateway-timeout"));
        given().when().get("/api/plans/import-history?slow").then().statusCode(504);
        // and an import that outlasts long-timeout is a 504 problem too
        given().contentType("text/plain; charset=utf-8").body("一、…")
                .when().post("/api/plans/import?slow=6000")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("detail", equalTo("task-service did not answer in time"));
    }

    @Test
    void anAnswerCutShortIsNotPassedOnAsWhole() {
        brokenOff("/api/tasks/cut-short");
    }

    @Test
    void aChunkedAnswerBrokenOffIsNotPassedOnAsWhole() {
        brokenOff("/api/tasks/cut-chunked");
    }

    /**
     * The answer had begun, so the caller's connection is reset: it sees a failure at once, neither a
     * short answer passed off as whole nor a wait for bytes that never come.
     */
    private void brokenOff(String path) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.toString()).resolve(path)).GET().build();
            CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(20, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, failure.getCause());
        } finally {
            client.shutdownNow(); // close() would wait for an answer that never ends
        }
        given().when().get("/api/tasks").then().statusCode(200).body("service", equalTo("task-service"));
    }
}
