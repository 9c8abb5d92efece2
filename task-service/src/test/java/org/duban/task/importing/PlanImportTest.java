package org.duban.task.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PlanImportTest {

    @Test
    void theSamplePlanImportsWithEveryUnitShareAndEachOnTheTopicOnce() {
        long planId = SamplePlan.id();
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/plans/" + planId)
                .then().statusCode(200)
                .body("documentNumber", equalTo("皖政务办〔2022〕3号"))
                .body("title", equalTo("安徽省2022年政务公开重点工作任务分工"))
                .body("issuer", equalTo("安徽省政务公开办公室"))
                .body("issuedOn", equalTo("2022-06-06"))
                .body("year", equalTo(2022))
                .body("timeZone", equalTo("Asia/Shanghai"));

        JsonPath tasks = given().auth().oauth2(TestTokens.viewer()).when().get("/api/plans/" + planId + "/tasks?size=100")
                .then().statusCode(200).body("total", equalTo(44)).extract().jsonPath();
        assertEquals(6, new HashSet<>(tasks.getList("items.category.ordinal")).size(), "six categories");
        // task 4: 省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实 → 2 leads, 16 cities, one vague group
        assertEquals(List.of("LEAD", "LEAD"), tasks.getList("items.find { it.number == 4 }.assignments.findAll { it.role == 'LEAD' }.role"));
        assertEquals(16, tasks.getList("items.find { it.number == 4 }.assignments.findAll { it.groupCode == 'cities' }").size());
        assertEquals(1, tasks.getList("items.find { it.number == 4 }.assignments.findAll { it.reviewNeeded }").size());
        assertEquals("2022-12-31", tasks.getString("items.find { it.number == 4 }.deadline.dueDate"));
        assertEquals("ONGOING", tasks.getString("items.find { it.number == 1 }.deadline.kind"));

        Set<String> current = new HashSet<>();
        for (int page = 0; ; page++) {
            List<Integer> ids = given().auth().oauth2(TestTokens.viewer()).queryParam("planId", planId)
                    .queryParam("size", 500).queryParam("page", page)
                    .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
            ids.forEach(id -> current.add(id.toString()));
            if (ids.size() < 500) {
                break;
            }
        }
        assertTrue(current.size() > 3000, "one assignment per unit share: " + current.size());

        String planField = "\"planId\":" + planId + ",";
        var created = TopicReader.read("duban.assignments",
                r -> r.value().contains("\"type\":\"duban.assignment.created\"") && r.value().contains(planField),
                current.size(), Duration.ofSeconds(60));
        List<String> keys = created.stream().map(r -> r.key()).toList();
        assertEquals(keys.size(), new HashSet<>(keys).size(), "no assignment is announced twice");
        assertTrue(new HashSet<>(keys).containsAll(current), "every assignment is announced");
    }

    @Test
    void theSameDocumentNumberTwiceIs409AndChangesNothing() {
        long planId = SamplePlan.id();
        int before = plans();
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8")
                .body(SamplePlan.text().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/plans/import")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("皖政务办〔2022〕3号"));
        assertEquals(before, plans());
        assertTrue(planId > 0);
    }

    @Test
    void aDocumentThatIsNotAPlanIs422NamingWhatCouldNotBeRead() {
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8")
                .body("床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/plans/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("nothing was imported"))
                .body("errors.field", hasItem("document"));
    }

    @Test
    void anEmptyOrOversizedBodyIsRefusedWithAProblem() {
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8").body(new byte[0])
                .when().post("/api/plans/import").then().statusCode(422).contentType("application/problem+json");
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8").body(big)
                .when().post("/api/plans/import").then().statusCode(413);
    }

    @Test
    void onlyTheOfficeImports() {
        given().auth().oauth2(TestTokens.unit("gov-340100")).contentType("text/plain; charset=UTF-8").body("x")
                .when().post("/api/plans/import").then().statusCode(403).contentType("application/problem+json");
        given().contentType("text/plain; charset=UTF-8").body("x")
                .when().post("/api/plans/import").then().statusCode(401);
    }

    @Test
    void aWordDocumentOfAnotherFormatIsRefusedAs415() {
        given().auth().oauth2(TestTokens.admin()).multiPart("file", "plan.pdf", new byte[]{1, 2}, "application/pdf")
                .when().post("/api/plans/import").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aWorkbookWithoutTheNoticeNeedsItsMetadataGivenThenImports() {
        byte[] xlsx = org.duban.task.domain.PlanFormatsTest.sampleXlsx(false);
        String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        given().auth().oauth2(TestTokens.admin()).multiPart("file", "任务分工.xlsx", xlsx, type)
                .when().post("/api/plans/import")
                .then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItems("documentNumber", "issuedOn"));
        given().auth().oauth2(TestTokens.admin()).multiPart("file", "任务分工.xlsx", xlsx, type)
                .queryParam("documentNumber", "测试〔2022〕" + System.nanoTime() + "号").queryParam("title", "Excel 测试计划")
                .queryParam("issuedOn", "2022-06-06").queryParam("year", 2022)
                .when().post("/api/plans/import")
                .then().statusCode(201).body("tasks", equalTo(44)).body("categories", equalTo(6))
                .body("plan.title", equalTo("Excel 测试计划")).body("unresolved", hasSize(0));
        given().auth().oauth2(TestTokens.admin()).multiPart("file", "任务分工.xlsx", xlsx, type)
                .queryParam("documentNumber", "没有年份的文号").when().post("/api/plans/import")
                .then().statusCode(400).body("errors[0].field", equalTo("documentNumber"));
    }

    @Test
    void aWordDocumentImportsThroughAnUpload() {
        byte[] docx = org.duban.task.domain.PlanFormatsTest.sampleDocx();
        given().auth().oauth2(TestTokens.admin())
                .multiPart("file", "分工.docx", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .queryParam("documentNumber", "测试〔2022〕" + System.nanoTime() + "号")
                .when().post("/api/plans/import")
                .then().statusCode(201).body("tasks", equalTo(44)).body("plan.issuer", equalTo("安徽省政务公开办公室"));
    }

    @Test
    void aUnitSeesItsTaskList() {
        long planId = SamplePlan.id();
        given().auth().oauth2(TestTokens.unit("gov-340100")).queryParam("planId", planId).queryParam("size", 100)
                .when().get("/api/tasks")
                .then().statusCode(200)
                .body("items.assignments.flatten().unitCode", everyItem(equalTo("gov-340100")))
                .body("items.number", hasItem(39))
                .body("items", hasSize(org.hamcrest.Matchers.greaterThan(20)));
    }

    private static int plans() {
        return given().auth().oauth2(TestTokens.admin()).when().get("/api/plans").then().statusCode(200)
                .extract().jsonPath().getInt("total");
    }
}
