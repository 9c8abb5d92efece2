package org.duban.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import org.duban.gateway.EchoBackend;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class ServiceProxyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/api/units/gov-340100, unit-service",
            "/api/unit-groups/cities/members, unit-service",
            "/api/plans/1/summary, task-service",
            "/api/tasks, task-service",
            "/api/assignments/7/history, task-service",
            "/api/extension-requests, task-service",
            "/api/sync/assignments, task-service",
    })
    void routesEachPrefixToItsService(String path, String service) {
        given().when().get(path)
                .then().statusCode(200)
                .header("X-Backend", service)
                .body("service", equalTo(service))
                .body("uri", equalTo(path));
    }

    @Test
    void forwardsPathQueryAndTheBearerToken() {
        given().urlEncodingEnabled(false).header("Authorization", "Bearer abc.def.ghi")
                .when().get("/api/units/gov-340100?active=true&q=%E5%90%88%E8%82%A5")
                .then().statusCode(200)
                .header("ETag", "\"7\"")
                .header("X-Request-Id", not(emptyString()))
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/api/units/gov-340100?active=true&q=%E5%90%88%E8%82%A5"))
                .body("authorization", equalTo("Bearer abc.def.ghi"));
    }

    @Test
    void streamsTheRequestBodyAndHeadersUnchanged() {
        String plan = "安徽省 2022 年政务公开重点工作任务分工\n1\t切实做好稳经济大盘一揽子政策举措公开工作";
        given().contentType("text/plain; charset=utf-8").header("If-Match", "\"3\"").header("X-Custom", "kept")
                .body(plan)
                .when().post("/api/plans/import")
                .then().statusCode(201)
                .body("method", equalTo("POST"))
                .body("contentType", equalTo("text/plain; charset=utf-8"))
                .body("ifMatch", equalTo("\"3\""))
                .body("custom", equalTo("kept"))
                .body("body", equalTo(plan));
    }

    @Test
    void streamsABodyOfUnknownLength() {
        byte[] text = "进展：已完成问题清单梳理。".repeat(200).getBytes(StandardCharsets.UTF_8);
        given().contentType("text/plain; charset=utf-8")
                .body(new ByteArrayInputStream(text)) // sent chunked, without Content-Length
                .when().post("/api/assignments/7/progress")
                .then().statusCode(201)
                .body("bodyLength", equalTo(text.length));
    }

    @Test
    void keepsTheCallersRequestIdAndDropsHopByHopHeaders() {
        given().header("X-Request-Id", "req-42").header("Connection", "X-Hop").header("X-Hop", "secret")
                .when().get("/api/assignments")
                .then().statusCode(200)
                .header("X-Request-Id", "req-42")
                .body("requestId", equalTo("req-42"))
                .body("connection", equalTo(""));
    }

    @Test
    void makesARequestIdWhenTheCallerSentNoneOrAnUnusableOne() {
        given().header("X-Request-Id", "bad id\" with spaces")
                .when().get("/api/assignments")
                .then().statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void passesTheServicesErrorsThrough() {
        given().when().get("/api/tasks/missing").then().statusCode(404).header("X-Backend", "task-service");
    }

    @Test
    void aPathNoServiceServesIsA404Problem() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("No service serves /api/nothing-here"));
    }

    @Test
    void theCalendarIsReminderServices() {
        given().when().get("/api/calendar/2026")
                .then().statusCode(502)
                .body("detail", equalTo("reminder-service cannot be reached"));
    }

    @Test
    void aServiceThatIsDownAnswers502Problem() {
        given().when().get("/api/notifications")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyString()))
                .body("status", equalTo(502))
                .body("type", equalTo("urn:duban:problem:bad-gateway"))
                .body("detail", equalTo("reminder-service cannot be reached"));
    }

    @Test
    void aServiceThatStaysSilentAnswers504Problem() {
        given().when().get("/api/tasks/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("detail", equalTo("task-service did not answer in time"));
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsForwarded() {
        given().contentType(ContentType.TEXT).body("x".repeat(64 * 1024 + 1))
                .when().post("/api/plans/import")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body has 65537 bytes; at most 65536 are accepted"));
    }

    @Test
    void aBodyOfUnknownLengthIsCutAtTheLimit() {
        given().contentType(ContentType.TEXT).body(new ByteArrayInputStream(new byte[200 * 1024]))
                .when().post("/api/plans/import")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void aBodyJustUnderTheLimitPasses() {
        given().contentType(ContentType.TEXT).body("x".repeat(64 * 1024))
                .when().post("/api/plans/import")
                .then().statusCode(201)
                .body("bodyLength", equalTo(64 * 1024));
    }
}
