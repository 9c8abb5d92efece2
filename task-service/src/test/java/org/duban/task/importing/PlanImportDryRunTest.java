package org.duban.task.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * POST /api/plans/import?dryRun=true: the document read and resolved as the import does it, shown task by
 * task, with nothing stored and nothing published; the import afterwards stores what the dry run showed.
 */
@QuarkusTest
class PlanImportDryRunTest {

    /** The sample plan under a document number of its own, so that this test imports it once more. */
    private static final String DOCUMENT_NUMBER = "皖政务办〔2022〕93号";

    @Inject
    EntityManager em;

    @Test
    void aDryRunShowsWhatTheImportThenStoresAndStoresNothing() {
        long plansBefore = count("plan");
        long assignmentsBefore = count("assignment");
        long eventsBefore = lastEvent();

        JsonPath preview = post(document(), "true").then().statusCode(200)
                .body("documentNumberTaken", equalTo(false))
                .body("plan.documentNumber", equalTo(DOCUMENT_NUMBER))
                .body("plan.issuedOn", equalTo("2022-06-06"))
                .body("plan.timeZone", equalTo("Asia/Shanghai"))
                .body("plan", not(hasKey("id")))
                .extract().jsonPath();
        assertEquals(plansBefore, count("plan"), "the dry run stored no plan");
        assertEquals(assignmentsBefore, count("assignment"), "nor any assignment");
        assertEquals(eventsBefore, lastEvent(), "and wrote no event to publish");
        assertFalse(given().auth().oauth2(TestTokens.admin()).queryParam("size", 500).when().get("/api/plans")
                .then().statusCode(200).extract().jsonPath().getList("items.documentNumber").contains(DOCUMENT_NUMBER));

        // every task, its deadline and the assignments it would get: task 4 has 2 leads, the 16 cities and one vague group
        List<Integer> numbers = preview.getList("taskPreviews.number", Integer.class);
        assertEquals(preview.getInt("tasks"), numbers.size());
        assertEquals(44, numbers.size());
        String task4 = "taskPreviews.find { it.number == 4 }";
        assertEquals("省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实", preview.getString(task4 + ".responsibilityText"));
        assertEquals("FIXED", preview.getString(task4 + ".deadline.kind"));
        assertEquals("2022-12-31", preview.getString(task4 + ".deadline.dueDate"));
        assertEquals(List.of("ah-fgw", "ah-zjt"), preview.getList(task4 + ".assignments.findAll { it.role == 'LEAD' }.unitCode"));
        assertEquals(16, preview.getList(task4 + ".assignments.findAll { it.groupCode == 'cities' }").size());
        assertEquals(List.of("省政府各有关部门"), preview.getList(task4 + ".assignments.findAll { it.reviewNeeded }.unitName"));
        assertEquals(1, preview.getInt(task4 + ".category.ordinal"));
        assertEquals("ONGOING", preview.getString("taskPreviews.find { it.number == 1 }.deadline.kind"));
        assertFalse(preview.getMap("taskPreviews.find { it.number == 1 }.deadline").containsKey("dueDate"));
        int shown = preview.getList("taskPreviews.assignments.flatten()").size();
        assertEquals(preview.getInt("assignments"), shown, "the count is the assignments shown");

        JsonPath imported = post(document(), null).then().statusCode(201).extract().jsonPath();
        for (String count : List.of("categories", "tasks", "assignments")) {
            assertEquals(preview.getInt(count), imported.getInt(count), count + " as the dry run said");
        }
        assertEquals(preview.getList("reviewNeeded"), imported.getList("reviewNeeded"));
        assertEquals(preview.getList("unresolved"), imported.getList("unresolved"));
        assertEquals(assignmentsBefore + preview.getInt("assignments"), count("assignment"));
        long planId = imported.getLong("plan.id");
        JsonPath stored = given().auth().oauth2(TestTokens.viewer()).when().get("/api/plans/" + planId + "/tasks?size=100")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(sorted(preview.getList(task4 + ".assignments.unitName", String.class)),
                sorted(stored.getList("items.find { it.number == 4 }.assignments.unitName", String.class)),
                "the shares the dry run showed");

        // once imported: the dry run says so, the import itself refuses
        post(document(), "true").then().statusCode(200).body("documentNumberTaken", equalTo(true))
                .body("tasks", equalTo(44));
        post(document(), null).then().statusCode(409);
    }

    @Test
    void anUploadedFileCanBeDryRunToo() {
        long plansBefore = count("plan");
        given().auth().oauth2(TestTokens.admin()).queryParam("dryRun", "true")
                .multiPart("file", "plan.txt", SamplePlan.text().replace(SamplePlan.DOCUMENT_NUMBER, "皖政务办〔2022〕94号")
                        .getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/api/plans/import")
                .then().statusCode(200)
                .body("documentNumberTaken", equalTo(false))
                .body("tasks", equalTo(44));
        assertEquals(plansBefore, count("plan"));
    }

    @Test
    void aBadDocumentOrAMisspeltDryRunIsAProblemAndStoresNothing() {
        long plansBefore = count("plan");
        post("这不是一份任务分工。", "true").then().statusCode(422).contentType("application/problem+json");
        post(document(), "yes").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("dryRun"))
                .body("errors[0].message", containsString("true or false"));
        given().auth().oauth2(TestTokens.viewer()).contentType("text/plain; charset=UTF-8").queryParam("dryRun", "true")
                .body(document().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/plans/import").then().statusCode(403);
        assertEquals(plansBefore, count("plan"));
    }

    @Test
    void theDryRunIsDescribedInTheOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/plans/import'.post.operationId", equalTo("importPlan"))
                .body("paths.'/api/plans/import'.post.parameters.find { it.name == 'dryRun' }.schema.type", equalTo("boolean"))
                .body("paths.'/api/plans/import'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/PlanImportPreview"))
                .body("paths.'/api/plans/import'.post.responses.'200'.content.'application/json'.examples", aMapWithSize(1));
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    private static String document() {
        return SamplePlan.text().replace(SamplePlan.DOCUMENT_NUMBER, DOCUMENT_NUMBER);
    }

    private static io.restassured.response.Response post(String text, String dryRun) {
        var request = given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8));
        if (dryRun != null) {
            request.queryParam("dryRun", dryRun);
        }
        return request.when().post("/api/plans/import");
    }

    /** The outbox's sequence: every event written moves it, whatever the relay has deleted since. */
    private long lastEvent() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT last_value FROM outbox_event_seq_seq").getSingleResult()).longValue());
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue());
    }
}
