package org.duban.task.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.duban.task.delegation.Delegations.FEIXI;
import static org.duban.task.delegation.Delegations.HEFEI;
import static org.duban.task.delegation.Delegations.WUHU;
import static org.duban.task.delegation.Delegations.assignment;
import static org.duban.task.delegation.Delegations.createUnit;
import static org.duban.task.delegation.Delegations.delegate;
import static org.duban.task.delegation.Delegations.events;
import static org.duban.task.delegation.Delegations.finish;
import static org.duban.task.delegation.Delegations.move;
import static org.duban.task.delegation.Delegations.unit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 层层分解 on the sample plan (皖政务办〔2022〕3号): Hefei breaks its shares down to 肥西县 and to its own departments,
 * which do the work, and Hefei supervises them as the office supervises Hefei. Tasks 14, 15, 16 and 22 are this
 * class's (TaskAuthorizationTest's fixture leaves them alone).
 */
@QuarkusTest
class DelegationTest {

    /** The story of issue 17: task 22 (持续推进), Hefei → 肥西县 and a new 合肥市数据资源局. */
    @Test
    void hefeiDelegatesTask22FeixiAndTheNewBureauFinishAndThenHefeiSubmitsItsOwnShare() {
        String bureau = createUnit(HEFEI, "CITY", "合肥市数据资源局");
        long hefeiShare = SamplePlan.assignment(22, HEFEI);
        String hefei = unit(HEFEI);
        move(hefeiShare, hefei, "IN_PROGRESS").statusCode(200);
        long versionBefore = assignment(hefeiShare).getLong("version");

        JsonPath children = delegate(hefeiShare, hefei, null, FEIXI, bureau).statusCode(201)
                .body("unitCode", equalTo(List.of(FEIXI, bureau)))
                .body("parentId", everyItem(equalTo((int) hefeiShare)))
                .body("delegatedBy", everyItem(equalTo(HEFEI)))
                .body("depth", everyItem(equalTo(1)))
                .body("taskNumber", everyItem(equalTo(22)))
                .body("status", everyItem(equalTo("NOT_STARTED")))
                .extract().jsonPath();
        long feixiChild = children.getLong("[0].id");
        long bureauChild = children.getLong("[1].id");
        assertTrue(children.get("[0].dueDate") == null, "ongoing work delegates as ongoing work");
        JsonPath parent = assignment(hefeiShare);
        assertEquals(2, parent.getInt("childCount"));
        assertEquals(0, parent.getInt("childrenCompleted"));
        assertTrue(parent.getLong("version") > versionBefore, "the parent's version moves with its children");

        // the events: created for each child with its parent; children-changed for the parent
        JsonNode created = events(feixiChild, "duban.assignment.created", 1).getFirst();
        assertEquals(hefeiShare, created.at("/data/parentId").asLong());
        assertEquals(HEFEI, created.at("/data/delegatedBy").asText());
        assertEquals(1, created.at("/data/depth").asInt());
        JsonNode delegated = events(hefeiShare, "duban.assignment.children-changed", 1).getFirst();
        assertEquals("DELEGATED", delegated.at("/data/change").asText());
        assertEquals(2, delegated.at("/data/childCount").asInt());

        // Feixi reads its new share in its own task list; the children list shows both
        given().auth().oauth2(unit(FEIXI)).queryParam("taskNumber", 22).queryParam("planId", SamplePlan.id())
                .when().get("/api/assignments").then().statusCode(200).body("items.id", hasItem((int) feixiChild));
        given().auth().oauth2(hefei).when().get("/api/assignments/" + hefeiShare + "/children").then().statusCode(200)
                .body("id", equalTo(List.of((int) feixiChild, (int) bureauChild)));

        // Hefei cannot submit its own share while its children are open: 409 naming them
        move(hefeiShare, hefei, "SUBMITTED").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("肥西县人民政府")).body("detail", containsString(Long.toString(bureauChild)));

        // Feixi signs for it, works, submits; Feixi cannot approve its own, nor can Wuhu; Hefei approves
        String feixi = unit(FEIXI);
        given().auth().oauth2(feixi).when().post("/api/assignments/" + feixiChild + "/acknowledge").then().statusCode(200)
                .body("acknowledgedBy", equalTo("staff-" + FEIXI));
        given().auth().oauth2(feixi).contentType(ContentType.JSON).body(Map.of("text", "已梳理县级领域公开清单", "percent", 100))
                .when().post("/api/assignments/" + feixiChild + "/progress").then().statusCode(200);
        move(feixiChild, feixi, "SUBMITTED").statusCode(200);
        move(feixiChild, feixi, "COMPLETED").statusCode(403);
        move(feixiChild, unit(WUHU), "COMPLETED").statusCode(403);
        move(feixiChild, hefei, "COMPLETED").statusCode(200).body("status", equalTo("COMPLETED"));
        assertEquals(1, assignment(hefeiShare).getInt("childrenCompleted"));
        move(hefeiShare, hefei, "SUBMITTED").statusCode(409).body("detail", containsString(Long.toString(bureauChild)));

        // the bureau too; then Hefei submits and the office approves Hefei's share
        finish(bureauChild, unit(bureau), hefei);
        parent = assignment(hefeiShare);
        assertEquals(2, parent.getInt("childCount"));
        assertEquals(2, parent.getInt("childrenCompleted"));
        move(hefeiShare, hefei, "SUBMITTED").statusCode(200);
        move(hefeiShare, hefei, "COMPLETED").statusCode(403);
        move(hefeiShare, TestTokens.admin(), "COMPLETED").statusCode(200);

        // the parent's history tells the story
        List<String> kinds = given().auth().oauth2(hefei).when().get("/api/assignments/" + hefeiShare + "/history")
                .then().statusCode(200).extract().jsonPath().getList("kind");
        assertTrue(kinds.contains("DELEGATED") && kinds.contains("CHILDREN_CHANGED"), kinds.toString());
    }

    /** Province → 合肥市 → 肥西县 → a department of 肥西县, and the counts rolling up at every level. */
    @Test
    void threeLevelsDownWithCountsRollingUp() {
        String countyBureau = createUnit(FEIXI, "COUNTY", "肥西县数据资源局");
        long hefeiShare = SamplePlan.assignment(15, HEFEI); // due 2022-12-31
        String hefei = unit(HEFEI);
        String feixi = unit(FEIXI);
        long feixiShare = delegate(hefeiShare, hefei, "2022-11-30", FEIXI).statusCode(201)
                .body("[0].dueDate", equalTo("2022-11-30")).extract().jsonPath().getLong("[0].id");
        // Feixi delegates on, to a unit of its own; not later than its own date, by default its own date
        delegate(feixiShare, feixi, "2022-12-31", countyBureau).statusCode(400)
                .body("errors[0].field", equalTo("items[0].dueDate"));
        JsonPath third = delegate(feixiShare, feixi, null, countyBureau).statusCode(201).extract().jsonPath();
        long bureauShare = third.getLong("[0].id");
        assertEquals("2022-11-30", third.getString("[0].dueDate"));
        assertEquals(2, third.getInt("[0].depth"));
        assertEquals(FEIXI, third.getString("[0].delegatedBy"));
        assertEquals(1, assignment(hefeiShare).getInt("childCount"), "Hefei counts its own children only");
        assertEquals(1, assignment(feixiShare).getInt("childCount"));

        // Hefei reads the whole tree below its share; Wuhu reads none of it
        given().auth().oauth2(hefei).when().get("/api/assignments/" + bureauShare).then().statusCode(200);
        given().auth().oauth2(hefei).when().get("/api/assignments/" + feixiShare + "/children").then().statusCode(200)
                .body("id", equalTo(List.of((int) bureauShare)));
        given().auth().oauth2(unit(WUHU)).when().get("/api/assignments/" + bureauShare).then().statusCode(403);
        given().auth().oauth2(unit(WUHU)).when().get("/api/assignments/" + feixiShare + "/children").then().statusCode(403);
        // only Feixi supervises the county bureau's share
        move(bureauShare, unit(countyBureau), "IN_PROGRESS").statusCode(200);
        move(bureauShare, unit(countyBureau), "SUBMITTED").statusCode(200);
        move(bureauShare, hefei, "COMPLETED").statusCode(403);
        move(bureauShare, feixi, "IN_PROGRESS").statusCode(200); // returned
        move(bureauShare, unit(countyBureau), "SUBMITTED").statusCode(200);
        move(bureauShare, feixi, "COMPLETED").statusCode(200);
        JsonPath feixiNow = assignment(feixiShare);
        assertEquals(1, feixiNow.getInt("childrenCompleted"));
        assertEquals(0, assignment(hefeiShare).getInt("childrenCompleted"), "Feixi's share is not done yet");

        finish(feixiShare, feixi, hefei);
        JsonPath hefeiNow = assignment(hefeiShare);
        assertEquals(1, hefeiNow.getInt("childCount"));
        assertEquals(1, hefeiNow.getInt("childrenCompleted"));

        // the board counts the plan as issued by default; depth=1 and depth=2 show the delegated levels
        long plan = SamplePlan.id();
        JsonPath issued = given().auth().oauth2(TestTokens.admin()).queryParam("asOf", "2022-12-01")
                .when().get("/api/plans/" + plan + "/board").then().statusCode(200).body("depth", equalTo("0")).extract().jsonPath();
        assertTrue(issued.getList("depths.depth", Integer.class).containsAll(List.of(0, 1, 2)), "every level is counted in depths");
        assertTrue(issued.get("units.find { it.unitCode == '" + countyBureau + "' }") == null, "the county bureau has no share at depth 0");
        given().auth().oauth2(TestTokens.admin()).queryParam("depth", 2) // as of today: it was completed just now
                .when().get("/api/plans/" + plan + "/board").then().statusCode(200)
                .body("units.find { it.unitCode == '" + countyBureau + "' }.completed", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).queryParam("depth", "deep")
                .when().get("/api/plans/" + plan + "/board").then().statusCode(400).body("errors[0].field", equalTo("depth"));
        given().auth().oauth2(TestTokens.admin()).queryParam("depth", 2)
                .when().get("/api/plans/" + plan + "/summary").then().statusCode(200)
                .body("units.find { it.unitCode == '" + countyBureau + "' }.total", equalTo(1));
    }

    @Test
    void delegationIsCheckedBeforeAnythingIsStored() {
        long hefeiShare = SamplePlan.assignment(16, HEFEI); // due 2022-12-31
        String hefei = unit(HEFEI);
        delegate(hefeiShare, hefei, "2023-01-31", FEIXI).statusCode(400).body("errors[0].field", equalTo("items[0].dueDate"));
        delegate(hefeiShare, hefei, null, WUHU).statusCode(400).body("errors[0].field", equalTo("items[0].unitCode"))
                .body("errors[0].message", containsString("下级单位"));
        delegate(hefeiShare, hefei, null, "gov-340000").statusCode(400); // the province is above Hefei, not below
        delegate(hefeiShare, hefei, null, HEFEI).statusCode(400);
        delegate(hefeiShare, hefei, null, "no-such-unit").statusCode(400);
        delegate(hefeiShare, hefei, null, FEIXI, FEIXI).statusCode(400);
        delegate(hefeiShare, unit(FEIXI), null, FEIXI).statusCode(403);
        delegate(hefeiShare, TestTokens.admin(), null, FEIXI).statusCode(403);
        delegate(hefeiShare, TestTokens.viewer(), null, FEIXI).statusCode(403);
        given().auth().oauth2(hefei).contentType(ContentType.JSON).body(Map.of("items", List.of()))
                .when().post("/api/assignments/" + hefeiShare + "/delegations").then().statusCode(400);
        given().auth().oauth2(hefei).contentType(ContentType.JSON).body(Map.of("items", List.of(Map.of("unitCode", FEIXI))))
                .when().post("/api/assignments/" + hefeiShare + "/delegations").then().statusCode(400); // no role
        assertEquals(0, assignment(hefeiShare).getInt("childCount"), "nothing was stored");

        // a unit-admin of Hefei is a Hefei user here
        String hefeiAdmin = TestTokens.token("hefei-admin", List.of("unit-admin"), HEFEI);
        long child = delegate(hefeiShare, hefeiAdmin, "2022-10-31", FEIXI).statusCode(201).extract().jsonPath().getLong("[0].id");
        delegate(hefeiShare, hefei, null, FEIXI).statusCode(409).body("detail", containsString("肥西县人民政府"));

        // extensions: the child asks; Hefei decides within its own date, and beyond it must ask upward
        String feixi = unit(FEIXI);
        long beyond = given().auth().oauth2(feixi).contentType(ContentType.JSON)
                .body(Map.of("until", "2023-02-28", "reason", "需协调县直部门")).when().post("/api/assignments/" + child + "/extension-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(hefei).when().get("/api/extension-requests?status=PENDING&size=500").then().statusCode(200)
                .body("items.id", hasItem((int) beyond)).body("items.assignmentId", hasItem((int) child));
        given().auth().oauth2(unit(WUHU)).when().get("/api/extension-requests?status=PENDING&size=500").then().statusCode(200)
                .body("items", hasSize(0));
        decide(beyond, unit(WUHU), true).statusCode(403);
        decide(beyond, feixi, true).statusCode(403);
        decide(beyond, hefei, true).statusCode(409).body("type", containsString("extension-beyond-parent"))
                .body("detail", containsString("须先向上级申请延期"));
        decide(beyond, hefei, false).statusCode(200).body("status", equalTo("REJECTED"));
        long within = given().auth().oauth2(feixi).contentType(ContentType.JSON)
                .body(Map.of("until", "2022-12-15", "reason", "需协调县直部门")).when().post("/api/assignments/" + child + "/extension-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        decide(within, hefei, true).statusCode(200);
        assertEquals("2022-12-15", assignment(child).getString("dueDate"));
    }

    private static io.restassured.response.ValidatableResponse decide(long request, String token, boolean approved) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("approved", approved, "note", "测试"))
                .when().post("/api/extension-requests/" + request + "/decision").then();
    }
}
