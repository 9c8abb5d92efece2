package org.duban.task.assignment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 签收 on the sample plan, by 蚌埠市人民政府 (a unit no other test works with): who may sign, that signing twice
 * (even at the same moment) signs once, what it leaves behind (event, history, sync feed), the
 * {@code acknowledged} filter and the signing figures of the summary.
 */
@QuarkusTest
class AcknowledgeTest {

    private static final String BENGBU = "gov-340300";

    @Inject
    EntityManager em;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void theUnitSignsOnceAndSigningAgainAnswersTheFirstSignature() throws Exception {
        long id = SamplePlan.assignment(30, BENGBU);
        String bengbu = TestTokens.unit(BENGBU);
        long versionBefore = as(bengbu).when().get("/api/assignments/" + id).then().statusCode(200)
                .body("acknowledgedAt", org.hamcrest.Matchers.nullValue()).extract().jsonPath().getLong("version");

        // two at once: one signature
        CompletableFuture<JsonPath> first = CompletableFuture.supplyAsync(() -> acknowledge(id, bengbu));
        CompletableFuture<JsonPath> second = CompletableFuture.supplyAsync(() -> acknowledge(id, bengbu));
        JsonPath a = first.get();
        JsonPath b = second.get();
        assertEquals(a.getString("acknowledgedAt"), b.getString("acknowledgedAt"));
        assertEquals("staff-" + BENGBU, a.getString("acknowledgedBy"));
        assertEquals(versionBefore + 1, a.getLong("version"));
        assertEquals(a.getLong("version"), b.getLong("version"), "the second call changed nothing");

        // later: the same first values again, with the same ETag
        as(bengbu).when().post("/api/assignments/" + id + "/acknowledge").then().statusCode(200)
                .header("ETag", "\"" + a.getLong("version") + "\"")
                .body("acknowledgedAt", equalTo(a.getString("acknowledgedAt")))
                .body("acknowledgedBy", equalTo("staff-" + BENGBU));
        Instant signed = Instant.parse(a.getString("acknowledgedAt"));
        assertTrue(Duration.between(signed, Instant.now()).abs().toMinutes() < 5, "signed now: " + signed);

        as(bengbu).when().get("/api/assignments/" + id + "/history").then().statusCode(200)
                .body("findAll { it.kind == 'ACKNOWLEDGED' }.size()", equalTo(1))
                .body("find { it.kind == 'ACKNOWLEDGED' }.by", equalTo("staff-" + BENGBU));

        // a change after it, so that the topic is read past the signature: exactly one acknowledged event
        as(bengbu).body(Map.of("text", "已签收并部署落实")).when().post("/api/assignments/" + id + "/progress").then().statusCode(200);
        List<ConsumerRecord<String, String>> events = TopicReader.read("duban.assignments",
                r -> r.key().equals(Long.toString(id)) && (r.value().contains("\"duban.assignment.acknowledged\"")
                        || r.value().contains("\"duban.assignment.progress-reported\"")), 2, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> acknowledged = events.stream()
                .filter(r -> r.value().contains("\"duban.assignment.acknowledged\"")).toList();
        assertEquals(1, acknowledged.size(), "one event for one signature");
        assertTrue(acknowledged.get(0).value().contains("\"acknowledgedBy\":\"staff-" + BENGBU + "\""));
        assertTrue(events.get(events.size() - 1).value().contains("\"acknowledgedAt\""), "later events carry the signature too");

        // the OA sync feed has the signature as a change of its own, once
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM sync_change WHERE assignment_id = ?1 AND change_type = 'duban.assignment.acknowledged' "
                        + "AND payload LIKE '%\"acknowledgedBy\":\"staff-" + BENGBU + "\"%'")
                .setParameter(1, id).getSingleResult()).longValue()));
    }

    @Test
    void onlyTheAssignmentsOwnUnitSignsForIt() {
        long id = SamplePlan.assignment(31, BENGBU);
        for (String token : List.of(TestTokens.admin(), TestTokens.viewer(), TestTokens.integrator(), TestTokens.unit("gov-340200"))) {
            as(token).when().post("/api/assignments/" + id + "/acknowledge").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().when().post("/api/assignments/" + id + "/acknowledge").then().statusCode(401);
        as(TestTokens.unit(BENGBU)).when().post("/api/assignments/99999999/acknowledge").then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.admin()).when().get("/api/assignments/" + id).then().body("acknowledgedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theListFiltersBySignatureAndTheSummaryCountsIt() {
        long plan = SamplePlan.id();
        String office = TestTokens.admin();
        long id = SamplePlan.assignment(27, BENGBU);
        long before = acknowledgedInSummary(plan);

        acknowledge(id, TestTokens.unit(BENGBU));

        as(office).queryParam("planId", plan).queryParam("unit", BENGBU).queryParam("acknowledged", true).queryParam("size", 500)
                .when().get("/api/assignments").then().statusCode(200)
                .body("items.id", hasItem((int) id)).body("items.acknowledgedAt", everyItem(notNullValue()));
        as(office).queryParam("planId", plan).queryParam("unit", BENGBU).queryParam("acknowledged", false).queryParam("size", 500)
                .when().get("/api/assignments").then().statusCode(200)
                .body("items.id", not(hasItem((int) id))).body("total", org.hamcrest.Matchers.greaterThan(0));
        // a unit's task list can be narrowed the same way
        as(TestTokens.unit(BENGBU)).queryParam("planId", plan).queryParam("acknowledged", false).queryParam("size", 50)
                .when().get("/api/tasks").then().statusCode(200)
                .body("items.assignments.flatten().acknowledgedAt", everyItem(org.hamcrest.Matchers.nullValue()));
        as(office).queryParam("acknowledged", "maybe").when().get("/api/assignments").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.containsString("acknowledged"));

        assertTrue(acknowledgedInSummary(plan) >= before + 1, "the board's signing figure grew");
        JsonPath own = as(TestTokens.unit(BENGBU)).when().get("/api/plans/" + plan + "/summary").then().statusCode(200)
                .extract().jsonPath();
        long signed = as(office).queryParam("planId", plan).queryParam("unit", BENGBU).queryParam("acknowledged", true)
                .queryParam("size", 1).when().get("/api/assignments").then().extract().jsonPath().getLong("total");
        assertEquals(signed, own.getLong("units[0].acknowledged"), "the summary counts what the filter lists");
        assertEquals(signed, own.getList("categories.acknowledged", Long.class).stream().mapToLong(Long::longValue).sum());
    }

    private static long acknowledgedInSummary(long plan) {
        return given().auth().oauth2(TestTokens.viewer()).when().get("/api/plans/" + plan + "/summary").then().statusCode(200)
                .extract().jsonPath().getLong("units.find { it.unitCode == '" + BENGBU + "' }.acknowledged");
    }

    private static JsonPath acknowledge(long id, String token) {
        return given().auth().oauth2(token).when().post("/api/assignments/" + id + "/acknowledge").then().statusCode(200)
                .extract().jsonPath();
    }
}
