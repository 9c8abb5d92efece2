package org.duban.reminder.tree;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.reminder.CopiedAssignments;
import org.duban.reminder.Rows;
import org.duban.reminder.engine.ReminderEngine;
import org.duban.reminder.tree.TreeEvents.Node;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 层层分解 through the real topic: task 22 of a plan of its own is the city's (合肥测试市, with a lead unit on the task),
 * the city delegated it to its county (肥西测试县, depth 1), the county to its bureau (depth 2). The copy keeps where
 * each stands; an escalation of delegated work goes to the unit that delegated it, naming the late unit and the task
 * — not to the office or the lead, who hear of it through the city's own escalation once the city's date is past too.
 * May 2018 (Monday–Friday, no holiday schedule loaded): a period no other test runs in.
 */
@QuarkusTest
class DelegatedEscalationTest {

    static final long FIRST = 8_800_000_001L;
    static final long LAST = 8_800_000_099L;
    static final long PLAN = 880_001;
    static final long TASK = 88_022;
    static final String OFFICE = "ah-zwgkb";
    static final Node CITY = new Node(FIRST, PLAN, TASK, 22, "test-880-city", "合肥测试市人民政府", "RESPONSIBLE",
            LocalDate.of(2018, 5, 31), "IN_PROGRESS", null, null, 0);
    static final Node LEAD = new Node(FIRST + 1, PLAN, TASK, 22, "test-880-lead", "省测试牵头厅", "LEAD",
            LocalDate.of(2018, 5, 31), "IN_PROGRESS", null, null, 0);
    static final Node COUNTY = new Node(FIRST + 2, PLAN, TASK, 22, "test-880-county", "肥西测试县人民政府", "RESPONSIBLE",
            LocalDate.of(2018, 5, 2), "IN_PROGRESS", CITY.id(), CITY.unitCode(), 1);
    static final Node BUREAU = new Node(FIRST + 3, PLAN, TASK, 22, "test-880-bureau", "肥西测试县数据资源局", "RESPONSIBLE",
            LocalDate.of(2018, 5, 2), "NOT_STARTED", COUNTY.id(), COUNTY.unitCode(), 2);

    @Inject
    ReminderEngine engine;
    @Inject
    CopiedAssignments copies;
    @Inject
    Rows rows;
    @Inject
    EntityManager em;

    @AfterEach
    void forget() {
        copies.forget(FIRST, LAST);
    }

    @Test
    void theCopyKeepsTheTreeAndEscalationGoesOneLevelUp() {
        policy();
        for (Node node : List.of(CITY, LEAD, COUNTY, BUREAU)) {
            TreeEvents.send("duban.assignments", TreeEvents.event("duban.assignment.created", node, 0));
        }
        // a later change of the county's share keeps its place in the tree
        TreeEvents.send("duban.assignments", TreeEvents.event("duban.assignment.progress-reported", COUNTY, 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count(
                "SELECT count(*) FROM assignment_copy WHERE id BETWEEN ?1 AND ?2", FIRST, LAST) == 4
                && rows.count("SELECT count(*) FROM assignment_copy WHERE id = ?1 AND version = 1", COUNTY.id()) == 1);
        assertEquals(List.of(CITY.id() + " - - 0", LEAD.id() + " - - 0", COUNTY.id() + " " + CITY.id() + " test-880-city 1",
                BUREAU.id() + " " + COUNTY.id() + " test-880-county 2"), tree());

        // 14 days after the county's and the bureau's date: each escalates to the unit above it, only
        engine.run(OffsetDateTime.parse("2018-05-16T09:00:00+08:00").toInstant(), "TEST", "DelegatedEscalationTest");
        assertEquals(List.of(COUNTY.id() + " test-880-city", COUNTY.id() + " test-880-county",
                BUREAU.id() + " test-880-bureau", BUREAU.id() + " test-880-county"), escalations());
        assertEquals(1, rows.count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND unit_code = 'test-880-city' "
                + "AND kind = 'ESCALATION' AND title = '督办升级：肥西测试县人民政府第22项任务已逾期14天' "
                + "AND body LIKE '合肥测试市人民政府：\n肥西测试县人民政府承担的、由您单位分解下达的第22项任务“%”完成时限为2018年5月2日，目前已逾期14天%'",
                COUNTY.id()));
        assertEquals(1, rows.count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND unit_code = 'test-880-county' "
                + "AND body LIKE '肥西测试县人民政府：\n肥西测试县人民政府承担的第22项任务%'", COUNTY.id()),
                "the late unit itself is not told it delegated the work");
        given().auth().oauth2(TestTokens.unit("test-880-city")).queryParam("kind", "ESCALATION")
                .when().get("/api/notifications").then().statusCode(200)
                .body("items.assignmentId", org.hamcrest.Matchers.contains(COUNTY.id()));

        // the city's own date passes too: its escalation follows the rules of the office's plan
        engine.run(OffsetDateTime.parse("2018-06-14T09:00:00+08:00").toInstant(), "TEST", "DelegatedEscalationTest");
        assertEquals(List.of(CITY.id() + " " + OFFICE, CITY.id() + " test-880-city", CITY.id() + " test-880-lead",
                LEAD.id() + " " + OFFICE, LEAD.id() + " test-880-lead",
                COUNTY.id() + " test-880-city", COUNTY.id() + " test-880-county",
                BUREAU.id() + " test-880-bureau", BUREAU.id() + " test-880-county"), escalations(), "and nothing more for the children");
    }

    private void policy() {
        var current = given().auth().oauth2(TestTokens.admin()).when().get("/api/reminder-policies/" + PLAN)
                .then().statusCode(200).extract();
        var put = given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body(Map.of("leadDays", List.of(1), "onDueDate", true, "overdueRepeatDays", 0, "escalateAfterDays", 14,
                        "workdaysOnly", true, "acknowledgeWithinDays", 0, "milestoneLeadDays", List.of()));
        if ("own".equals(current.header("X-Policy-Source"))) {
            put.header("If-Match", current.header("ETag"));
        }
        put.when().put("/api/reminder-policies/" + PLAN).then().statusCode(200);
    }

    /** "id parent delegatedBy depth" of each copied row, by id. */
    @SuppressWarnings("unchecked")
    private List<String> tree() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery(
                        "SELECT id, parent_id, delegated_by, depth FROM assignment_copy WHERE id BETWEEN ?1 AND ?2 ORDER BY id")
                .setParameter(1, FIRST).setParameter(2, LAST).getResultList()).stream()
                .map(r -> r[0] + " " + (r[1] == null ? "-" : r[1]) + " " + (r[2] == null ? "-" : r[2]) + " " + r[3]).toList());
    }

    /** "assignment recipient" of every ESCALATION of the plan, in order. */
    @SuppressWarnings("unchecked")
    private List<String> escalations() {
        List<String> found = QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery(
                        "SELECT assignment_id, unit_code FROM notification WHERE assignment_id BETWEEN ?1 AND ?2 "
                                + "AND kind = 'ESCALATION' ORDER BY assignment_id, unit_code").setParameter(1, FIRST)
                .setParameter(2, LAST).getResultList()).stream().map(r -> r[0] + " " + r[1]).toList());
        assertTrue(found.stream().noneMatch(String::isBlank));
        return found;
    }
}
