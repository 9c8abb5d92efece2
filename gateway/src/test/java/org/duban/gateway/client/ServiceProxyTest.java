package org.duban.gateway.client;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class ServiceProxyTest {

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
    void streamsTheRequestBodyUnchanged() {
        String plan = "安徽省 2022 年政务公开重点工作任务分工\n1\t切实做好稳经济大盘一揽子政策举措公开工作";
        given().contentType("text/plain; charset=utf-8").body(plan)
                .when().post("/api/plans/import")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("contentType", equalTo("text/plain; charset=utf-8"))
                .body("body", equalTo(plan));
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
    void passesTheServicesErrorsThrough() {
        given().when().get("/api/tasks/missing").then().statusCode(404);
    }

    @Test
    void aServiceThatIsDownAnswers502Problem() {
        given().when().get("/api/notifications")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", equalTo(502))
                .body("detail", equalTo("reminder-service cannot be reached"));
    }

    @Test
    void aServiceThatStaysSilentAnswers504Problem() {
        given().when().get("/api/tasks/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("detail", equalTo("task-service did not answer in time"));
    }
}
