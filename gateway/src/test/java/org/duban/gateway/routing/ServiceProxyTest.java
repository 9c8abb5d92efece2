package org.duban.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import org.duban.gateway.EchoBackend;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void theServicesHopByHopHeadersAndRequestIdStayBehind() {
        var answer = given().header("X-Request-Id", "req-43")
                .when().get("/api/units/hop")
                .then().statusCode(200)
                .header("X-Backend", "unit-service")
                .header("X-Backend-Hop", nullValue())
                .header("Keep-Alive", nullValue())
                .extract();
        assertEquals(List.of("req-43"), answer.headers().getValues("X-Request-Id"));
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
}
