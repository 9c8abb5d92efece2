package org.duban.reminder;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.duban.localstack.ServiceProcess;
import org.duban.testsupport.SamplePlans;
import org.duban.testsupport.SharedInfrastructure;
import org.duban.testsupport.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The services reminder-service learns from, as real processes (packaged unit-service and
 * task-service against the same PostgreSQL, Kafka and token issuer): tests change assignments the
 * way users do and reminder-service hears of it through the topics.
 */
public final class Upstream {

    private Upstream() {
    }

    public static String unitService() {
        return ServiceProcess.url("unit-service", SharedInfrastructure.wiring("duban_unit"));
    }

    public static String taskService() {
        Map<String, String> wiring = new HashMap<>(SharedInfrastructure.wiring("duban_task"));
        wiring.put("quarkus.rest-client.unit-service.url", unitService());
        return ServiceProcess.url("task-service", wiring);
    }

    public static RequestSpecification tasks(String token) {
        return given().baseUri(taskService()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Imports the sample plan under a document number of its own; returns the plan id. */
    public static long importSamplePlan(String documentNumber) {
        return given().baseUri(taskService()).auth().oauth2(TestTokens.admin())
                .contentType("text/plain; charset=UTF-8").queryParam("documentNumber", documentNumber)
                .body(SamplePlans.anhui2022())
                .when().post("/api/plans/import").then().statusCode(201)
                .extract().jsonPath().getLong("plan.id");
    }

    /** unit code → assignment id of one task of a plan. */
    public static Map<String, Long> assignments(long planId, int taskNumber) {
        JsonPath page = tasks(TestTokens.admin()).queryParam("planId", planId).queryParam("taskNumber", taskNumber)
                .queryParam("size", 500).when().get("/api/assignments").then().statusCode(200).extract().jsonPath();
        Map<String, Long> ids = new HashMap<>();
        List<Map<String, Object>> items = page.getList("items");
        for (Map<String, Object> item : items) {
            if (item.get("unitCode") != null) {
                ids.put((String) item.get("unitCode"), ((Number) item.get("id")).longValue());
            }
        }
        return ids;
    }

    /** Moves an assignment the way its unit or the office does. */
    public static void move(long assignmentId, String token, String to) {
        String etag = tasks(token).when().get("/api/assignments/" + assignmentId).then().statusCode(200).extract().header("ETag");
        tasks(token).header("If-Match", etag).body(Map.of("to", to, "note", "测试"))
                .when().post("/api/assignments/" + assignmentId + "/transitions").then().statusCode(200);
    }

    /** Sets a unit's contact e-mail in unit-service. */
    public static void setEmail(String unitCode, String email) {
        var answer = given().baseUri(unitService()).auth().oauth2(TestTokens.admin())
                .when().get("/api/units/" + unitCode).then().statusCode(200).extract();
        Map<String, Object> unit = new HashMap<>(answer.jsonPath().getMap(""));
        unit.remove("version");
        unit.remove("active");
        unit.put("contacts", Map.of("email", email));
        given().baseUri(unitService()).auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .header("If-Match", answer.header("ETag")).body(unit)
                .when().put("/api/units/" + unitCode).then().statusCode(200);
    }
}
