package org.duban.unit.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The office reads who did what, when and from where: a write through this service's API arrives in
 * the trail by way of the outbox and the topic duban.audit, with the actor, the address the gateway
 * forwarded and the endpoint; reads leave no trace; only admins may look; a redelivered event is stored once.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail trail;

    private static JsonPath audit(Map<String, Object> query) {
        return given().auth().oauth2(TestTokens.admin()).queryParams(query)
                .when().get("/api/audit").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aWriteIsRecordedWithActorAddressAndEndpointAndAReadIsNot() {
        String code = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String since = Instant.now().minusSeconds(5).toString();
        Map<String, Object> unit = Map.of("code", code, "name", "审计测试单位" + code, "level", "PROVINCE", "type", "OTHER",
                "parentCode", "gov-340000");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(unit)
                .header("X-Forwarded-For", "203.0.113.7, 10.0.3.7").header("User-Agent", "Mozilla/5.0 (audit test)")
                .header("X-Request-Id", "req-" + code)
                .when().post("/api/units").then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).header("X-Request-Id", "read-" + code)
                .when().get("/api/units/{code}", code).then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> audit(Map.of("actor", "office", "since", since, "action", "POST /api/units", "size", 500))
                .getList("items.requestId").contains("req-" + code));
        JsonPath page = audit(Map.of("actor", "office", "since", since, "size", 500));
        List<Map<String, Object>> items = page.getList("items");
        Map<String, Object> entry = items.stream().filter(i -> ("req-" + code).equals(i.get("requestId"))).findFirst().orElseThrow();
        assertEquals("unit-service", entry.get("service"));
        assertEquals("POST /api/units", entry.get("action"));
        assertEquals("/api/units", entry.get("path"));
        assertEquals(code, entry.get("resourceId"), "named by the Location of the 201");
        assertEquals(201, entry.get("status"));
        assertEquals("203.0.113.7", entry.get("address"));
        assertEquals("203.0.113.7, 10.0.3.7", entry.get("forwardedFor"));
        assertEquals("Mozilla/5.0 (audit test)", entry.get("userAgent"));
        assertEquals(List.of("admin"), entry.get("roles"));
        assertTrue(items.stream().noneMatch(i -> ("read-" + code).equals(i.get("requestId"))), "a read is not recorded");
        assertTrue(items.stream().noneMatch(i -> "GET".equals(i.get("method"))));
    }

    /** Writes of the same moment share a transaction of the audit writer (a group commit); none is lost. */
    @Test
    void manyWritesAtOnceAreEachRecordedOnce() throws Exception {
        String run = "many-" + UUID.randomUUID().toString().substring(0, 8);
        String since = Instant.now().minusSeconds(5).toString();
        int writes = 40;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < writes; i++) {
                String code = run + "-" + i;
                Map<String, Object> unit = Map.of("code", code, "name", "并发审计单位" + code, "level", "PROVINCE", "type", "OTHER",
                        "parentCode", "gov-340000");
                answers.add(pool.submit(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(unit)
                        .header("X-Request-Id", "req-" + code).when().post("/api/units").then().extract().statusCode()));
            }
            for (var answer : answers) {
                assertEquals(201, answer.get());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> audit(Map.of("actor", "office", "since", since, "action", "POST /api/units", "size", 500))
                .getList("items.requestId", String.class).stream().filter(id -> id != null && id.startsWith("req-" + run)).count() >= writes);
        List<String> ids = audit(Map.of("actor", "office", "since", since, "action", "POST /api/units", "size", 500))
                .getList("items.requestId", String.class).stream().filter(id -> id != null && id.startsWith("req-" + run)).toList();
        assertEquals(writes, ids.size());
        assertEquals(writes, new java.util.HashSet<>(ids).size(), "each write once");
    }

    @Test
    void theTrailExportsAsCsvAndRejectsBadFilters() {
        String body = given().auth().oauth2(TestTokens.admin()).queryParam("format", "csv")
                .when().get("/api/audit").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("duban-audit.csv"))
                .extract().asString();
        assertTrue(body.startsWith("\uFEFF时间,服务,操作人"), body);
        given().auth().oauth2(TestTokens.admin()).accept("text/csv").when().get("/api/audit")
                .then().statusCode(200).contentType(startsWith("text/csv"));
        given().auth().oauth2(TestTokens.admin()).queryParam("since", "yesterday").when().get("/api/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("since"));
        assertEquals("\"'=HYPERLINK(1)\"", AuditCsv.quote("=HYPERLINK(1)"));
    }

    @Test
    void onlyTheOfficeReadsTheTrail() {
        given().when().get("/api/audit").then().statusCode(401);
        for (String token : List.of(TestTokens.viewer(), TestTokens.integrator(), TestTokens.unit("gov-340100"))) {
            given().auth().oauth2(token).when().get("/api/audit").then().statusCode(403);
        }
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
        String id = UUID.randomUUID().toString();
        String actor = "replay-" + id.substring(0, 8);
        String event = """
                {"specversion":"1.0","id":"%s","source":"/duban/task-service","type":"duban.audit.recorded",
                 "subject":"task-service:r1","time":"2026-03-02T01:35:05Z","datacontenttype":"application/json",
                 "data":{"service":"task-service","actor":"%s","subject":"s-1","roles":["unit"],"unitCode":"gov-340100",
                  "method":"POST","path":"/api/assignments/41/transitions","template":"/api/assignments/{id}/transitions",
                  "action":"POST /api/assignments/{id}/transitions","resourceId":"41","status":200,"address":"10.8.1.23",
                  "forwardedFor":"10.8.1.23","userAgent":"UA","requestId":"r1","at":"%s"}}"""
                .formatted(id, actor, Instant.now().toString());
        trail.consume(event);
        trail.consume(event);
        JsonPath page = audit(Map.of("actor", actor, "unit", "gov-340100"));
        assertEquals(1, page.getInt("total"));
        assertEquals("41", page.getString("items[0].resourceId"));
        assertEquals(List.of("unit"), page.getList("items[0].roles"));
    }
}
