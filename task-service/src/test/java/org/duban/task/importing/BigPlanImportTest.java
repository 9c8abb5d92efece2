package org.duban.task.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.testsupport.SyntheticPlans;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plans far bigger than the sample, from {@link SyntheticPlans} (each task to one department as lead and
 * to 各市、县（市、区）政府): one over a limit is refused before anything is stored; a medium one, written in
 * many batches, arrives whole — every assignment stored, announced once and in the sync feed once. The
 * test profile lowers the assignment and document limits (application.properties) so that plans of a few
 * dozen tasks reach them; the task limit is the default.
 */
@QuarkusTest
class BigPlanImportTest {

    @Inject
    EntityManager em;

    @Test
    void aPlanWithMoreTasksThanTheLimitIsRefusedAsTooLargeAndNothingIsStored() {
        Map<String, Long> before = counts();
        String number = documentNumber();
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8")
                .body(SyntheticPlans.text(number, 1001))
                .when().post("/api/plans/import")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:plan-too-large"))
                .body("detail", containsString("共有1001项任务，超过单次导入上限（1000项），未导入任何内容"))
                .body("errors[0].field", equalTo("tasks"));
        assertEquals(before, counts(), "nothing was stored");
    }

    @Test
    void aPlanWhoseUnitsComeToMoreAssignmentsThanTheLimitIsRefusedBeforeItIsStored() {
        Map<String, Long> before = counts();
        // 170 tasks, each to a department and every city and county government: ~20,570 assignments, over 20,000
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8")
                .body(SyntheticPlans.text(documentNumber(), 170))
                .when().post("/api/plans/import")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("按责任单位展开后，本次导入共有"))
                .body("detail", containsString("超过单次导入上限（20000条），未导入任何内容"))
                .body("errors[0].field", equalTo("assignments"));
        assertEquals(before, counts(), "nothing was stored");
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedAsTextAndAsAFile() throws Exception {
        Map<String, Long> before = counts();
        byte[] big = new byte[3 * 1024 * 1024]; // over the test profile's 2 MB, under the 10 MB request limit
        java.util.Arrays.fill(big, (byte) 'x');
        given().auth().oauth2(TestTokens.admin()).multiPart("file", "分工.xlsx", big)
                .when().post("/api/plans/import")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("文件大小超过单次导入上限（2 MB），未导入任何内容"));
        // sent without a length (chunked), it is refused while it is read
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/plans/import"))
                .header("Authorization", "Bearer " + TestTokens.admin())
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("plan-too-large"), chunked.body());
        assertEquals(before, counts(), "nothing was stored");
    }

    @Test
    void aMediumPlanIsWrittenInManyBatchesAndArrivesWhole() {
        int tasks = 60;
        String number = documentNumber();
        JsonPath answer = given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8")
                .body(SyntheticPlans.text(number, tasks))
                .when().post("/api/plans/import")
                .then().statusCode(201)
                .body("plan.documentNumber", equalTo(number))
                .body("tasks", equalTo(tasks))
                .body("categories", equalTo(1))
                .extract().jsonPath();
        long planId = answer.getLong("plan.id");
        int assignments = answer.getInt("assignments");
        assertTrue(assignments > tasks * 100, "every city and county government has a share: " + assignments);

        // every task: its department leads, and the same governments are responsible
        List<Map<String, Object>> stored = all(planId);
        assertEquals(assignments, stored.size(), "the answer's count is what is stored");
        Map<Integer, Set<String>> responsible = new HashMap<>();
        Map<String, Set<Object>> leadUnits = new HashMap<>();
        for (int n = 1; n <= tasks; n++) {
            int taskNumber = n;
            List<Map<String, Object>> ofTask = stored.stream().filter(a -> ((Number) a.get("taskNumber")).intValue() == taskNumber).toList();
            List<Map<String, Object>> leads = ofTask.stream().filter(a -> a.get("role").equals("LEAD")).toList();
            assertEquals(1, leads.size(), "task " + n + " has one lead");
            leadUnits.computeIfAbsent(SyntheticPlans.lead(n), name -> new HashSet<>()).add(leads.get(0).get("unitCode"));
            responsible.put(n, new HashSet<>(ofTask.stream().filter(a -> a.get("role").equals("RESPONSIBLE"))
                    .map(a -> (String) a.get("unitCode")).toList()));
        }
        assertEquals(SyntheticPlans.LEADS.size(), leadUnits.size());
        assertTrue(leadUnits.values().stream().allMatch(codes -> codes.size() == 1), "each department is one unit: " + leadUnits);
        assertEquals(SyntheticPlans.LEADS.size(), leadUnits.values().stream().distinct().count(), "and a unit of its own");
        assertEquals(1, new HashSet<>(responsible.values()).size(), "every task goes to the same governments");
        assertEquals(assignments, tasks * (1 + responsible.get(1).size()));

        // announced once each on duban.assignments, and in the OA sync feed once each
        Set<String> ids = new HashSet<>(stored.stream().map(a -> a.get("id").toString()).toList());
        String planField = "\"planId\":" + planId + ",";
        List<ConsumerRecord<String, String>> created = TopicReader.read("duban.assignments",
                r -> r.value().contains("\"type\":\"duban.assignment.created\"") && r.value().contains(planField),
                assignments, Duration.ofSeconds(120));
        assertEquals(ids, new HashSet<>(created.stream().map(ConsumerRecord::key).toList()), "every assignment announced");
        assertEquals(assignments, created.size(), "none twice");
        Number feed = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                        "SELECT count(DISTINCT assignment_id) FROM sync_change s JOIN assignment a ON a.id = s.assignment_id "
                                + "WHERE a.plan_id = ?1 AND s.change_type = 'duban.assignment.created'")
                .setParameter(1, planId).getSingleResult());
        Number entries = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                        "SELECT count(*) FROM sync_change s JOIN assignment a ON a.id = s.assignment_id WHERE a.plan_id = ?1")
                .setParameter(1, planId).getSingleResult());
        assertEquals(assignments, feed.intValue(), "every assignment in the sync feed");
        assertEquals(assignments, entries.intValue(), "once");
    }

    private static List<Map<String, Object>> all(long planId) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = given().auth().oauth2(TestTokens.viewer()).queryParam("planId", planId)
                    .queryParam("size", 500).queryParam("page", page)
                    .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getList("items");
            all.addAll(items);
            if (items.size() < 500) {
                return all;
            }
        }
    }

    /** Rows of every table an import writes to. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("plan", "task", "assignment", "outbox_event", "sync_change")) {
            counts.put(table, QuarkusTransaction.requiringNew().call(() ->
                    ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue()));
        }
        return counts;
    }

    private static String documentNumber() {
        return "测试〔2022〕" + (System.nanoTime() % 1_000_000_000) + "号";
    }
}
