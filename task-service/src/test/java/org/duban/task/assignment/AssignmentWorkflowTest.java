package org.duban.task.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The users' moves on assignments, with real signed tokens: who may do what, and what it leaves behind. */
@QuarkusTest
class AssignmentWorkflowTest {

    private static final String HEFEI = "gov-340100";
    private static final String WUHU = "gov-340200";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static long version(long id, String token) {
        return Long.parseLong(as(token).when().get("/api/assignments/" + id).then().statusCode(200)
                .extract().header("ETag").replace("\"", ""));
    }

    private static io.restassured.response.ValidatableResponse move(long id, String token, String ifMatch, String to) {
        RequestSpecification request = as(token).body(Map.of("to", to, "note", "测试"));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/assignments/" + id + "/transitions").then();
    }

    @Test
    void hefeiWorksSubmitsIsReturnedOnceThenApproved() {
        long id = SamplePlan.assignment(17, HEFEI);
        String hefei = TestTokens.unit(HEFEI);
        String office = TestTokens.admin();

        move(id, hefei, null, "IN_PROGRESS").statusCode(428);
        move(id, hefei, "\"" + version(id, hefei) + "\"", "IN_PROGRESS").statusCode(200).body("status", equalTo("IN_PROGRESS"));
        move(id, hefei, "\"0\"", "SUBMITTED").statusCode(412).contentType("application/problem+json");
        move(id, hefei, "\"" + version(id, hefei) + "\"", "COMPLETED").statusCode(409);
        move(id, hefei, "\"" + version(id, hefei) + "\"", "SUBMITTED").statusCode(200);
        move(id, hefei, "\"" + version(id, hefei) + "\"", "COMPLETED").statusCode(403);
        move(id, TestTokens.unit(WUHU), "\"" + version(id, office) + "\"", "IN_PROGRESS").statusCode(403);
        move(id, office, "\"" + version(id, office) + "\"", "IN_PROGRESS").statusCode(200).body("status", equalTo("IN_PROGRESS"));
        move(id, hefei, "\"" + version(id, hefei) + "\"", "SUBMITTED").statusCode(200);
        move(id, office, "\"" + version(id, office) + "\"", "COMPLETED").statusCode(200)
                .body("status", equalTo("COMPLETED")).body("overdue", equalTo(false));
        move(id, office, "\"" + version(id, office) + "\"", "IN_PROGRESS").statusCode(409);

        as(hefei).when().get("/api/assignments/" + id + "/history").then().statusCode(200)
                .body("kind", equalTo(List.of("CREATED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED",
                        "STATUS_CHANGED", "STATUS_CHANGED")))
                .body("to", equalTo(java.util.Arrays.asList(null, "IN_PROGRESS", "SUBMITTED", "IN_PROGRESS", "SUBMITTED", "COMPLETED")))
                .body("by[1]", equalTo("staff-" + HEFEI))
                .body("by[3]", equalTo("office"));

        var events = TopicReader.read("duban.assignments", r -> r.key().equals(Long.toString(id))
                && r.value().contains("status-changed"), 5, Duration.ofSeconds(20));
        assertEquals(5, events.size());
        assertTrue(events.get(4).value().contains("\"from\":\"SUBMITTED\"") && events.get(4).value().contains("\"to\":\"COMPLETED\""));
    }

    @Test
    void progressReportsStartTheWorkAndStayInTheLedger() {
        long id = SamplePlan.assignment(19, HEFEI);
        String hefei = TestTokens.unit(HEFEI);
        as(hefei).body(Map.of("text", "已开通政务服务便民热线政策咨询", "percent", 40))
                .when().post("/api/assignments/" + id + "/progress")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS")).body("progressPercent", equalTo(40))
                .body("lastProgressAt", notNullValue());
        as(hefei).body(Map.of("text", "x", "percent", 140)).when().post("/api/assignments/" + id + "/progress")
                .then().statusCode(400).body("errors[0].field", equalTo("percent"));
        as(TestTokens.unit(WUHU)).body(Map.of("text", "不是我的")).when().post("/api/assignments/" + id + "/progress")
                .then().statusCode(403);
        as(TestTokens.viewer()).body(Map.of("text", "只读")).when().post("/api/assignments/" + id + "/progress")
                .then().statusCode(403);
        as(hefei).when().get("/api/assignments/" + id + "/history").then()
                .body("find { it.kind == 'PROGRESS_REPORTED' }.text", equalTo("已开通政务服务便民热线政策咨询"))
                .body("find { it.kind == 'PROGRESS_REPORTED' }.percent", equalTo(40));
        as(TestTokens.unit(WUHU)).when().get("/api/assignments/" + id).then().statusCode(403);
    }

    @Test
    void reportsAndRequestsSentAtOnceQueueInsteadOfFailing() throws Exception {
        // no If-Match on these: a second writer waits for the first rather than getting a stale-version 412
        long id = SamplePlan.assignment(23, HEFEI); // due at the end of 2022
        String hefei = TestTokens.unit(HEFEI);
        long before = version(id, hefei);
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> reports = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String text = "同时报送 " + i;
                reports.add(pool.submit(() -> {
                    start.await();
                    return as(hefei).body(Map.of("text", text)).when().post("/api/assignments/" + id + "/progress").statusCode();
                }));
            }
            start.countDown();
            for (var report : reports) {
                assertEquals(200, report.get());
            }
            assertEquals(before + writers + 1, version(id, hefei)); // + 1: the first report also started the work
            as(hefei).when().get("/api/assignments/" + id + "/history").then()
                    .body("findAll { it.kind == 'PROGRESS_REPORTED' }", hasSize(writers));

            java.util.concurrent.CountDownLatch again = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> requests = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String until = "2023-0" + (i + 1) + "-01";
                requests.add(pool.submit(() -> {
                    again.await();
                    return as(hefei).body(Map.of("until", until, "reason", "同时申请"))
                            .when().post("/api/assignments/" + id + "/extension-requests").statusCode();
                }));
            }
            again.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (var request : requests) {
                codes.add(request.get());
            }
            java.util.Collections.sort(codes);
            assertEquals(List.of(201, 409, 409, 409), codes, "exactly one extension request may wait for a decision");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anApprovedExtensionMovesTheDueDate() {
        long id = SamplePlan.assignment(39, HEFEI); // due 2022-06-30
        String hefei = TestTokens.unit(HEFEI);
        as(hefei).body(Map.of("until", "2022-06-01", "reason", "早于原期限")).when().post("/api/assignments/" + id + "/extension-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("until"));
        long request = as(hefei).body(Map.of("until", "2022-09-30", "reason", "需协调多个部门"))
                .when().post("/api/assignments/" + id + "/extension-requests")
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
        as(hefei).body(Map.of("until", "2022-10-30", "reason", "再来一次")).when().post("/api/assignments/" + id + "/extension-requests")
                .then().statusCode(409);
        as(hefei).body(Map.of("approved", true)).when().post("/api/extension-requests/" + request + "/decision").then().statusCode(403);
        as(TestTokens.admin()).body(Map.of("approved", true, "note", "同意延期")).when().post("/api/extension-requests/" + request + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("office"));
        as(hefei).when().get("/api/assignments/" + id).then().body("dueDate", equalTo("2022-09-30"));
        as(TestTokens.admin()).body(Map.of("approved", false)).when().post("/api/extension-requests/" + request + "/decision")
                .then().statusCode(409);
        var events = TopicReader.read("duban.assignments", r -> r.key().equals(Long.toString(id))
                && r.value().contains("due-date-changed"), 1, Duration.ofSeconds(20));
        assertEquals(1, events.size());
        assertTrue(events.get(0).value().contains("\"from\":\"2022-06-30\"") && events.get(0).value().contains("\"to\":\"2022-09-30\""));
    }

    @Test
    void theOfficeNamesTheUnitsOfAVagueGroup() {
        long planId = SamplePlan.id();
        String office = TestTokens.admin();
        long group = as(office).queryParam("planId", planId).queryParam("taskNumber", 7).queryParam("reviewNeeded", true)
                .when().get("/api/assignments").then().statusCode(200)
                .body("items[0].groupCode", equalTo("provincial-related-departments"))
                .extract().jsonPath().getLong("items[0].id");
        as(TestTokens.unit(HEFEI)).body(Map.of("unitCodes", List.of("ah-jyt"))).when().post("/api/assignments/" + group + "/resolve")
                .then().statusCode(403);
        as(office).body(Map.of("unitCodes", List.of("no-such-unit"))).when().post("/api/assignments/" + group + "/resolve")
                .then().statusCode(400);
        as(office).body(Map.of("unitCodes", List.of("ah-jyt", "ah-czt"))).when().post("/api/assignments/" + group + "/resolve")
                .then().statusCode(200).body("", hasSize(2)).body("unitName", equalTo(List.of("安徽省教育厅", "安徽省财政厅")))
                .body("groupCode", equalTo(List.of("provincial-related-departments", "provincial-related-departments")));
        as(office).body(Map.of("unitCodes", List.of("ah-sft"))).when().post("/api/assignments/" + group + "/resolve")
                .then().statusCode(409);
        as(office).queryParam("planId", planId).queryParam("taskNumber", 7).queryParam("unit", "ah-jyt")
                .when().get("/api/assignments").then().body("total", equalTo(1)).body("items[0].role", equalTo("RESPONSIBLE"));
    }

    @Test
    void aGroupAssignmentCannotBeWorkedOnUntilUnitsAreNamed() {
        long planId = SamplePlan.id();
        long group = as(TestTokens.admin()).queryParam("planId", planId).queryParam("taskNumber", 8).queryParam("reviewNeeded", true)
                .when().get("/api/assignments").then().extract().jsonPath().getLong("items[0].id");
        as(TestTokens.admin()).header("If-Match", "\"0\"").body(Map.of("to", "IN_PROGRESS", "note", "x"))
                .when().post("/api/assignments/" + group + "/transitions")
                .then().statusCode(409).body("detail", containsString("name its units"));
        // reporting progress is a unit's act, and no unit owns the group yet
        as(TestTokens.admin()).body(Map.of("text", "x")).when().post("/api/assignments/" + group + "/progress")
                .then().statusCode(403);
    }
}
