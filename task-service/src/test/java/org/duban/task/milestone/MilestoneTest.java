package org.duban.task.milestone;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.task.SamplePlan;
import org.duban.task.assignment.Assignment;
import org.duban.task.assignment.DueDateMoved;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 节点 on the sample plan: task 38's work plan for the lead departments set on every lead assignment at once,
 * the bound by the assignment's due date, extensions, a group's milestones going to the units named for it,
 * and what a change leaves behind. Who may do what is {@link MilestoneAccessTest}'s.
 */
@QuarkusTest
class MilestoneTest {

    private static final String WORK_PLAN = "报送工作方案";

    @Inject
    Event<DueDateMoved> dueDateMoved;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static long taskId(int number) {
        return as(TestTokens.admin()).queryParam("planId", SamplePlan.id()).queryParam("taskNumber", number).queryParam("size", 1)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getLong("items[0].taskId");
    }

    /**
     * Task 38: 承担主要责任和牵头工作的省政府部门，要于重点工作任务分工印发后一个月内向省政务公开办报送工作方案. Its own
     * responsibility text names no lead unit, so the milestone goes on the lead assignments of the plan's tasks:
     * one call per task, role LEAD, due a month after the plan was issued (2022-06-06).
     */
    @Test
    void task38TheLeadDepartmentsSendTheirWorkPlanWithinAMonthOfIssue() {
        String office = TestTokens.admin();
        Map<String, Object> workPlan = Map.of("title", WORK_PLAN, "dueDate", "2022-07-06", "role", "LEAD");
        as(office).body(workPlan).when().post("/api/tasks/" + taskId(38) + "/milestones").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("role"))
                .body("detail", containsString("Task 38"));

        JsonPath leads = as(office).queryParam("planId", SamplePlan.id()).queryParam("role", "LEAD").queryParam("size", 500)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath();
        Map<Long, Integer> openLeadsByTask = new LinkedHashMap<>();
        for (Map<String, Object> a : leads.<Map<String, Object>>getList("items")) {
            if (!"COMPLETED".equals(a.get("status"))) {
                openLeadsByTask.merge(((Number) a.get("taskId")).longValue(), 1, Integer::sum);
            }
        }
        assertTrue(openLeadsByTask.size() >= 10, "the sample plan has lead units in many tasks: " + openLeadsByTask);
        openLeadsByTask.forEach((task, count) -> as(office).body(workPlan).when().post("/api/tasks/" + task + "/milestones")
                .then().statusCode(201).body("", hasSize(count)).body("title", everyItem(equalTo(WORK_PLAN)))
                .body("dueDate", everyItem(equalTo("2022-07-06"))).body("setBy", everyItem(equalTo("OFFICE")))
                .body("status", everyItem(equalTo("OPEN"))));

        // 省发展改革委 leads tasks 4 and 7: one work plan on each; 合肥市 only carries out task 4: none
        String fgw = TestTokens.unit("ah-fgw");
        JsonPath own = as(fgw).queryParam("planId", SamplePlan.id()).queryParam("role", "LEAD").when().get("/api/assignments")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(4, 7), own.getList("items.taskNumber", Integer.class).stream().sorted().toList());
        long task4 = own.getLong("items.find { it.taskNumber == 4 }.id");
        JsonPath milestones = as(fgw).when().get("/api/assignments/" + task4 + "/milestones").then().statusCode(200)
                .body("", hasSize(1)).body("[0].assignmentId", equalTo((int) task4)).body("[0].overdue", equalTo(true))
                .extract().jsonPath();
        as(office).when().get("/api/assignments/" + SamplePlan.assignment(4, "gov-340100") + "/milestones").then()
                .statusCode(200).body("", empty());

        // 省发展改革委 reports it done, with its evidence (ids kept in order, a repeated one once); only files of this
        // assignment count as its evidence
        long milestone = milestones.getLong("[0].id");
        long plan = upload(fgw, task4, "工作方案.pdf");
        long notice = upload(fgw, task4, "报送函.pdf");
        as(fgw).body(Map.of("note", "工作方案已于7月5日报送省政务公开办", "attachmentIds", List.of(notice, 999_999)))
                .when().post("/api/milestones/" + milestone + "/complete").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("attachmentIds"));
        as(fgw).body(Map.of("note", "工作方案已于7月5日报送省政务公开办", "attachmentIds", List.of(notice, plan, notice)))
                .when().post("/api/milestones/" + milestone + "/complete").then().statusCode(200)
                .body("status", equalTo("DONE")).body("overdue", equalTo(false)).body("doneBy", equalTo("staff-ah-fgw"))
                .body("note", equalTo("工作方案已于7月5日报送省政务公开办"))
                .body("attachmentIds", equalTo(List.of((int) notice, (int) plan)));
        as(fgw).body(Map.of("note", "再次报送")).when().post("/api/milestones/" + milestone + "/complete").then().statusCode(409)
                .contentType("application/problem+json");
        as(TestTokens.viewer()).when().get("/api/milestones/" + milestone).then().statusCode(200)
                .body("attachmentIds", equalTo(List.of((int) notice, (int) plan))).header("ETag", "\"1\"");
        as(fgw).when().get("/api/assignments/" + task4 + "/history").then()
                .body("findAll { it.kind == 'MILESTONE_CHANGED' }.text", equalTo(List.of(
                        "milestone " + milestone + " \"" + WORK_PLAN + "\" due 2022-07-06: CREATED",
                        "milestone " + milestone + " \"" + WORK_PLAN + "\" due 2022-07-06: COMPLETED")));
    }

    @Test
    void aMilestoneIsDueNoLaterThanItsAssignment() {
        String office = TestTokens.admin();
        // task 39 is due at the end of June: a milestone in July fits none of its assignments, and none is set
        as(office).body(Map.of("title", WORK_PLAN, "dueDate", "2022-07-06")).when().post("/api/tasks/" + taskId(39) + "/milestones")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("dueDate"))
                .body("errors[0].message", containsString("(2022-06-30)")).body("errors[0].message", containsString("more"));
        long huainan39 = SamplePlan.assignment(39, "gov-340400");
        as(office).when().get("/api/assignments/" + huainan39 + "/milestones").then().body("", empty());

        // on one assignment: the due date itself fits, a day later does not
        as(office).body(Map.of("title", "完成问题清单梳理", "dueDate", "2022-07-01")).when()
                .post("/api/assignments/" + huainan39 + "/milestones").then().statusCode(400)
                .body("errors[0].field", equalTo("dueDate")).body("errors[0].message", containsString("2022-06-30"));
        var created = as(office).body(Map.of("title", "完成问题清单梳理", "dueDate", "2022-06-30")).when()
                .post("/api/assignments/" + huainan39 + "/milestones").then().statusCode(201)
                .header("Location", containsString("/api/milestones/")).header("ETag", "\"0\"").extract();
        long id = created.jsonPath().getLong("id");
        as(office).header("If-Match", "\"0\"").body(Map.of("title", "完成问题清单梳理", "dueDate", "2022-07-01"))
                .when().put("/api/milestones/" + id).then().statusCode(400).body("errors[0].field", equalTo("dueDate"));

        // ONGOING work has no date to keep to
        long huainan38 = SamplePlan.assignment(38, "gov-340400");
        as(office).body(Map.of("title", "形成本地区工作台账", "dueDate", "2022-12-31")).when()
                .post("/api/assignments/" + huainan38 + "/milestones").then().statusCode(201);
        // bad bodies
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("dueDate", "2022-06-01"), Map.of("title", " ", "dueDate", "2022-06-01"),
                Map.of("title", "x".repeat(201), "dueDate", "2022-06-01"), Map.of("title", "核查"))) {
            as(office).body(bad).when().post("/api/assignments/" + huainan39 + "/milestones").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as(office).body("{\"title\": \"核查\", \"dueDate\": \"2022-13-01\"}").when().post("/api/assignments/" + huainan39 + "/milestones")
                .then().statusCode(400).contentType("application/problem+json");
        as(office).body(Map.of("title", "核查", "dueDate", "2022-06-01", "role", "CHIEF")).when()
                .post("/api/tasks/" + taskId(39) + "/milestones").then().statusCode(400).contentType("application/problem+json");
        as(office).body(Map.of("title", "核查", "dueDate", "2022-06-01")).when().post("/api/tasks/99999999/milestones")
                .then().statusCode(404).contentType("application/problem+json");
        as(office).when().get("/api/milestones/99999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anExtensionMovesTheAssignmentAndLeavesItsMilestonesBeforeIt() {
        String office = TestTokens.admin();
        String maanshan = TestTokens.unit("gov-340500");
        long id = SamplePlan.assignment(40, "gov-340500");
        long milestone = as(office).body(Map.of("title", "完成回头看自查", "dueDate", "2022-06-20"))
                .when().post("/api/assignments/" + id + "/milestones").then().statusCode(201).extract().jsonPath().getLong("id");
        long request = as(maanshan).body(Map.of("until", "2022-09-30", "reason", "需逐项核查"))
                .when().post("/api/assignments/" + id + "/extension-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        as(office).body(Map.of("approved", true)).when().post("/api/extension-requests/" + request + "/decision").then().statusCode(200);

        as(maanshan).when().get("/api/assignments/" + id).then().body("dueDate", equalTo("2022-09-30"));
        as(maanshan).when().get("/api/milestones/" + milestone).then().body("dueDate", equalTo("2022-06-20")).body("version", equalTo(0));
        // now the milestone may move up to the new date
        as(office).header("If-Match", "\"0\"").body(Map.of("title", "完成回头看自查", "dueDate", "2022-09-30"))
                .when().put("/api/milestones/" + milestone).then().statusCode(200).body("dueDate", equalTo("2022-09-30"))
                .header("ETag", "\"1\"");
    }

    @Test
    void shouldADueDateEverMoveEarlierTheOpenMilestonesMoveWithIt() {
        String office = TestTokens.admin();
        long id = SamplePlan.assignment(34, "gov-340500");
        long open = as(office).body(Map.of("title", "报送年度报告初稿", "dueDate", "2022-12-20"))
                .when().post("/api/assignments/" + id + "/milestones").then().statusCode(201).extract().jsonPath().getLong("id");
        long early = as(office).body(Map.of("title", "梳理落实情况", "dueDate", "2022-10-31"))
                .when().post("/api/assignments/" + id + "/milestones").then().statusCode(201).extract().jsonPath().getLong("id");

        QuarkusTransaction.requiringNew().run(() -> {
            Assignment a = Assignment.findById(id);
            LocalDate from = a.dueDate;
            a.dueDate = LocalDate.of(2022, 11, 30);
            dueDateMoved.fire(new DueDateMoved(a, from, a.dueDate, "office"));
        });

        as(office).when().get("/api/milestones/" + open).then().body("dueDate", equalTo("2022-11-30"));
        as(office).when().get("/api/milestones/" + early).then().body("dueDate", equalTo("2022-10-31")).body("version", equalTo(0));
        as(office).when().get("/api/assignments/" + id + "/history").then()
                .body("findAll { it.kind == 'MILESTONE_CHANGED' }.to", equalTo(java.util.Arrays.asList(null, null, "2022-11-30")));
    }

    @Test
    void aGroupsMilestonesGoToTheUnitsTheOfficeNames() {
        String office = TestTokens.admin();
        long group = as(office).queryParam("planId", SamplePlan.id()).queryParam("taskNumber", 35).queryParam("reviewNeeded", true)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        as(office).body(Map.of("title", "报送舆情回应工作机制", "dueDate", "2022-08-31")).when().post("/api/tasks/" + taskId(35) + "/milestones")
                .then().statusCode(201);
        as(office).when().get("/api/assignments/" + group + "/milestones").then().body("", hasSize(1));

        List<Long> named = as(office).body(Map.of("unitCodes", List.of("ah-jyt", "ah-czt"))).when()
                .post("/api/assignments/" + group + "/resolve").then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        for (long id : named) {
            as(office).when().get("/api/assignments/" + id + "/milestones").then().statusCode(200).body("", hasSize(1))
                    .body("[0].title", equalTo("报送舆情回应工作机制")).body("[0].dueDate", equalTo("2022-08-31"))
                    .body("[0].setBy", equalTo("OFFICE"));
        }
        // the replaced group takes no more
        as(office).body(Map.of("title", "x", "dueDate", "2022-08-31")).when().post("/api/assignments/" + group + "/milestones")
                .then().statusCode(409);
    }

    @Test
    void everyChangeIsAnEventWithTheMilestoneAndMovesTheAssignmentsVersion() {
        String office = TestTokens.admin();
        String chuzhou = TestTokens.unit("gov-341100");
        long id = SamplePlan.assignment(31, "gov-341100");
        long v0 = as(office).when().get("/api/assignments/" + id).then().extract().jsonPath().getLong("version");
        long m = as(chuzhou).body(Map.of("title", "起草年度报告相关章节", "dueDate", "2022-11-30")).when()
                .post("/api/assignments/" + id + "/milestones").then().statusCode(201).body("setBy", equalTo("UNIT"))
                .extract().jsonPath().getLong("id");
        as(chuzhou).header("If-Match", "\"0\"").body(Map.of("title", "起草年度报告相关章节", "dueDate", "2022-11-15"))
                .when().put("/api/milestones/" + m).then().statusCode(200);
        // the same again changes nothing: no version, no event
        as(chuzhou).header("If-Match", "\"1\"").body(Map.of("title", "起草年度报告相关章节", "dueDate", "2022-11-15"))
                .when().put("/api/milestones/" + m).then().statusCode(200).header("ETag", "\"1\"");
        as(chuzhou).header("If-Match", "\"1\"").body(Map.of("note", "已完成初稿")).when().post("/api/milestones/" + m + "/complete")
                .then().statusCode(200);
        as(office).header("If-Match", "\"2\"").when().delete("/api/milestones/" + m).then().statusCode(204);
        as(office).when().get("/api/milestones/" + m).then().statusCode(404);
        as(office).when().get("/api/assignments/" + id).then().body("version", equalTo((int) v0 + 4));

        List<ConsumerRecord<String, String>> events = TopicReader.read("duban.assignments",
                r -> r.key().equals(Long.toString(id)) && r.value().contains("\"duban.assignment.milestone-changed\""),
                4, Duration.ofSeconds(30));
        assertEquals(List.of("CREATED", "UPDATED", "COMPLETED", "DELETED"),
                events.stream().map(r -> field(r.value(), "change")).toList());
        assertTrue(events.stream().allMatch(r -> r.value().contains("\"milestone\":{\"id\":" + m + ",")), "each names the milestone");
        assertTrue(events.get(1).value().contains("\"dueDate\":\"2022-11-15\""));
        assertTrue(events.get(2).value().contains("\"note\":\"已完成初稿\"") && events.get(2).value().contains("\"by\":\"staff-gov-341100\""));
        assertTrue(events.get(3).value().contains("\"by\":\"office\""));
    }

    private static String field(String event, String name) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(event).path("data").path(name).asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small real pdf uploaded to the assignment as evidence; its id. */
    private static long upload(String token, long assignment, String fileName) {
        return given().auth().oauth2(token)
                .multiPart("file", fileName, "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "application/pdf")
                .when().post("/api/assignments/" + assignment + "/attachments").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
