package org.duban.task.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.duban.task.delegation.Delegations.FEIXI;
import static org.duban.task.delegation.Delegations.HEFEI;
import static org.duban.task.delegation.Delegations.WUHU;
import static org.duban.task.delegation.Delegations.delegate;
import static org.duban.task.delegation.Delegations.events;
import static org.duban.task.delegation.Delegations.unit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 牵头协调 and 催办 on task 14 of the sample plan (省司法厅牵头, the cities and counties responsible): the lead unit reads
 * every share of its task, delegated ones included; the office, the lead unit and the delegating unit urge, each once a
 * day; nobody else reads or urges, and list filters show no other tree's shares.
 */
@QuarkusTest
class CoordinationTest {

    @Test
    void theLeadUnitReadsEveryShareOfItsTaskAndUrgesAsLead() {
        long plan = SamplePlan.id();
        String lead = given().auth().oauth2(TestTokens.admin()).queryParam("planId", plan).queryParam("taskNumber", 14)
                .queryParam("role", "LEAD").when().get("/api/assignments").then().statusCode(200)
                .extract().jsonPath().getString("items[0].unitCode");
        long hefeiShare = SamplePlan.assignment(14, HEFEI);
        long taskId = given().auth().oauth2(TestTokens.admin()).when().get("/api/assignments/" + hefeiShare).then()
                .extract().jsonPath().getLong("taskId");
        long child = feixisShareOf(hefeiShare);
        String leader = unit(lead);

        for (String path : List.of("", "/history", "/milestones", "/attachments", "/children", "/extension-requests")) {
            given().auth().oauth2(leader).when().get("/api/assignments/" + hefeiShare + path).then().statusCode(200);
            given().auth().oauth2(leader).when().get("/api/assignments/" + child + path).then().statusCode(200);
        }
        // the per-task view: the lead unit sees every share, delegated ones too; a responsible unit its own tree
        given().auth().oauth2(leader).queryParam("size", 500).when().get("/api/tasks/" + taskId + "/assignments").then().statusCode(200)
                .body("items.id", hasItem((int) child)).body("items.unitCode", hasItem(WUHU));
        given().auth().oauth2(unit(HEFEI)).queryParam("size", 500).when().get("/api/tasks/" + taskId + "/assignments").then()
                .statusCode(200).body("items.id", hasItem((int) child)).body("items.unitCode", not(hasItem(WUHU)));
        given().auth().oauth2(unit(WUHU)).queryParam("size", 500).when().get("/api/tasks/" + taskId + "/assignments").then()
                .statusCode(200).body("items.unitCode", everyItem(equalTo(WUHU)));
        // yet the lead unit acts for nobody: it neither moves nor reports for Hefei
        Delegations.move(hefeiShare, leader, "IN_PROGRESS").statusCode(403);

        urge(child, leader).statusCode(201).body("senderRole", equalTo("LEAD")).body("senderUnitCode", equalTo(lead));
        JsonNode urged = events(child, "duban.assignment.urged", 1).getFirst();
        assertEquals("LEAD", urged.at("/data/senderRole").asText());
        assertEquals(lead, urged.at("/data/senderUnitCode").asText());
        assertEquals("staff-" + lead, urged.at("/data/by").asText());
        assertEquals(child, urged.at("/data/id").asLong());
        assertEquals(FEIXI, urged.at("/data/unitCode").asText());
        assertTrue(urged.at("/data/message").asText().startsWith("请于"));
    }

    @Test
    void urgingIsOncePerSenderPerDayAndOnlyForTheOfficeTheLeadUnitAndTheDelegatingUnit() {
        long hefeiShare = SamplePlan.assignment(14, HEFEI);
        long child = feixisShareOf(hefeiShare);
        String office = TestTokens.admin();

        urge(child, unit(FEIXI)).statusCode(403); // its own unit
        urge(child, unit(WUHU)).statusCode(403); // unrelated
        urge(child, TestTokens.viewer()).statusCode(403);
        urge(child, TestTokens.integrator()).statusCode(403);
        urge(hefeiShare, unit(HEFEI)).statusCode(403); // nobody delegated Hefei's own share to it
        given().auth().oauth2(unit(HEFEI)).contentType(ContentType.JSON).body(Map.of("message", " "))
                .when().post("/api/assignments/" + child + "/urge").then().statusCode(400);

        long version = Delegations.assignment(child).getLong("version");
        urge(child, unit(HEFEI)).statusCode(201).body("senderRole", equalTo("DELEGATOR")).body("senderUnitCode", equalTo(HEFEI));
        assertTrue(Delegations.assignment(child).getLong("version") > version, "an urge is a change of the assignment's record");
        ValidatableResponse again = urge(child, unit(HEFEI)).statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("请明天再催"));
        long retryAfter = Long.parseLong(again.extract().header("Retry-After"));
        Instant midnight = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        long expected = midnight.getEpochSecond() - Instant.now().getEpochSecond();
        assertTrue(Math.abs(retryAfter - expected) < 60, "Retry-After " + retryAfter + " is the seconds to the next day, ~" + expected);

        urge(child, office).statusCode(201).body("senderRole", equalTo("OFFICE")).body("$", not(org.hamcrest.Matchers.hasKey("senderUnitCode")));
        urge(child, TestTokens.token("another-officer", List.of("admin"), null)).statusCode(429); // the office is one sender
        urge(hefeiShare, office).statusCode(201);

        List<JsonNode> sent = events(child, "duban.assignment.urged", 2);
        JsonNode fromOffice = sent.stream().filter(e -> e.at("/data/senderRole").asText().equals("OFFICE")).findFirst().orElseThrow();
        assertFalse(fromOffice.at("/data").has("senderUnitCode"));
        assertEquals("office", fromOffice.at("/data/by").asText());
        assertTrue(fromOffice.at("/data").has("urgedAt"));
        List<String> history = given().auth().oauth2(unit(FEIXI)).when().get("/api/assignments/" + child + "/history").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.kind == 'URGED' }.text");
        assertTrue(history.stream().anyMatch(t -> t.contains("交办单位")), history.toString());
    }

    @Test
    void listFiltersShowNoOtherTreesShares() {
        long hefeiShare = SamplePlan.assignment(14, HEFEI);
        feixisShareOf(hefeiShare);
        given().auth().oauth2(unit(HEFEI)).queryParam("supervisedBy", HEFEI).queryParam("size", 500).when().get("/api/assignments")
                .then().statusCode(200).body("items.delegatedBy", everyItem(equalTo(HEFEI))).body("items.parentId", hasItem((int) hefeiShare));
        given().auth().oauth2(unit(HEFEI)).queryParam("parentId", hefeiShare).when().get("/api/assignments")
                .then().statusCode(200).body("items.unitCode", hasItem(FEIXI));
        for (String filter : List.of("supervisedBy", "delegatedBy")) {
            given().auth().oauth2(unit(WUHU)).queryParam(filter, HEFEI).when().get("/api/assignments")
                    .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
        }
        given().auth().oauth2(unit(WUHU)).queryParam("parentId", hefeiShare).when().get("/api/assignments")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(unit(WUHU)).queryParam("unit", FEIXI).when().get("/api/assignments").then().statusCode(403);
        // the office: every level, filtered by depth
        given().auth().oauth2(TestTokens.admin()).queryParam("depth", 1).queryParam("taskNumber", 14).queryParam("planId", SamplePlan.id())
                .when().get("/api/assignments").then().statusCode(200).body("items.depth", everyItem(equalTo(1)))
                .body("items.parentId", hasItem((int) hefeiShare));
        // Feixi's default task list holds its delegated share as its own work
        given().auth().oauth2(unit(FEIXI)).queryParam("taskNumber", 14).queryParam("planId", SamplePlan.id())
                .when().get("/api/assignments").then().statusCode(200).body("items.parentId", hasItem((int) hefeiShare));
    }

    /** Hefei's share of task 14 delegated to Feixi: by whichever test of this class comes first. */
    private static synchronized long feixisShareOf(long hefeiShare) {
        return given().auth().oauth2(unit(HEFEI)).when().get("/api/assignments/" + hefeiShare + "/children").then()
                .statusCode(200).extract().jsonPath().getList("id", Long.class).stream().findFirst()
                .orElseGet(() -> delegate(hefeiShare, unit(HEFEI), null, FEIXI).statusCode(201).extract().jsonPath().getLong("[0].id"));
    }

    private static ValidatableResponse urge(long id, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("message", "请于本周内报送工作进展"))
                .when().post("/api/assignments/" + id + "/urge").then();
    }
}
