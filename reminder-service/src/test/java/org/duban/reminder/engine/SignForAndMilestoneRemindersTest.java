package org.duban.reminder.engine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.reminder.CopiedAssignments;
import org.duban.reminder.CopiedAssignments.Milestone;
import org.duban.reminder.CopiedAssignments.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ACKNOWLEDGE_DUE and the milestone reminders end to end, on China's real 2022 calendar (the bundled one): work
 * issued on Thursday 2022-09-29 has three working days to be signed for — 9-30 and, after 国庆, the working
 * Saturday and Sunday 10-08 and 10-09 — so its reminder goes out on Monday 10-10 at 09:00, not before, once, and
 * not to work already signed for or begun. Milestones due Thursday 10-13 are reminded three days ahead (Monday
 * 10-10) and once the day after (Friday 10-14), each milestone on its own even when two of one assignment share
 * a date. A plan of its own (policy: the defaults 3 working days and [3]), in October 2022, which no other test
 * runs in.
 */
@QuarkusTest
class SignForAndMilestoneRemindersTest {

    static final long FIRST = 8_700_000_001L;
    static final long LAST = 8_700_000_099L;
    static final long PLAN = 870_001;
    static final long TASK = 87_039;
    static final LocalDate ISSUED = LocalDate.of(2022, 9, 29);
    static final LocalDate MILESTONE_DUE = LocalDate.of(2022, 10, 13);
    static final long M1 = 8_700_001L;
    static final long M2 = 8_700_002L;

    @Inject
    ReminderEngine engine;
    @Inject
    CopiedAssignments copies;
    @Inject
    EntityManager em;

    @BeforeEach
    void aPlanWithItsOwnPolicy() {
        var current = given().auth().oauth2(org.duban.testsupport.TestTokens.admin()).when().get("/api/reminder-policies/" + PLAN)
                .then().statusCode(200).extract();
        var put = given().auth().oauth2(org.duban.testsupport.TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("acknowledgeWithinDays", 3, "milestoneLeadDays", List.of(3)));
        if ("own".equals(current.header("X-Policy-Source"))) {
            put.header("If-Match", current.header("ETag"));
        }
        put.when().put("/api/reminder-policies/" + PLAN).then().statusCode(200)
                .body("acknowledgeWithinDays", equalTo(3)).body("milestoneLeadDays", equalTo(List.of(3)));

        LocalDate due = LocalDate.of(2022, 12, 31);
        Instant signed = OffsetDateTime.parse("2022-09-30T10:00:00+08:00").toInstant();
        copies.insert(
                Row.open(FIRST, PLAN, TASK, "test-870-a", due).unit("test-870-a", "甲市人民政府").issuedOn(ISSUED),
                Row.open(FIRST + 1, PLAN, TASK, "test-870-b", due).unit("test-870-b", "乙市人民政府").issuedOn(ISSUED).acknowledged(signed),
                Row.open(FIRST + 2, PLAN, TASK, "test-870-c", due).unit("test-870-c", "丙市人民政府").issuedOn(ISSUED).status("IN_PROGRESS"),
                Row.open(FIRST + 3, PLAN, TASK, "test-870-d", due).unit("test-870-d", "丁市人民政府").issuedOn(ISSUED).acknowledged(signed)
                        .status("IN_PROGRESS"),
                Row.open(FIRST + 4, PLAN, TASK, "test-870-e", due).unit("test-870-e", "戊市人民政府").issuedOn(ISSUED).acknowledged(signed)
                        .status("COMPLETED"));
        copies.insert(
                Milestone.open(M1, FIRST + 3, "报送工作方案", MILESTONE_DUE),
                Milestone.open(M2, FIRST + 3, "明确责任分工", MILESTONE_DUE),
                new Milestone(M2 + 1, FIRST + 3, "已完成的节点", MILESTONE_DUE, "DONE", true),
                new Milestone(M2 + 2, FIRST + 3, "已删除的节点", MILESTONE_DUE, "OPEN", false),
                Milestone.open(M2 + 3, FIRST + 4, "已办结任务的节点", MILESTONE_DUE));
    }

    @AfterEach
    void forget() {
        copies.forget(FIRST, LAST);
    }

    @Test
    void theSignForReminderGoesOutOnTheFourthWorkingDayAcrossNationalDayOnce() {
        run("2022-09-30T09:00:00+08:00");
        run("2022-10-08T09:00:00+08:00");
        run("2022-10-09T09:00:00+08:00");
        assertEquals(List.of(), sent("ACKNOWLEDGE_DUE"), "not before the three working days are over");

        run("2022-10-10T09:00:00+08:00");
        assertEquals(List.of(FIRST + " 2022-10-10 test-870-a"), sent("ACKNOWLEDGE_DUE"),
                "only the work neither signed for nor begun");
        assertEquals(1, count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND kind = 'ACKNOWLEDGE_DUE' "
                + "AND title = '第39项任务尚未签收' AND body = '甲市人民政府：\n您单位承担的第39项任务“认真分析研究评估指出的问题，开展全面排查和整改提升”"
                + "已下发3个工作日，目前尚未签收。请及时登录督办系统签收，并抓紧组织落实。' AND due_date = DATE '2022-12-31'", FIRST));

        run("2022-10-10T09:00:00+08:00");
        run("2022-10-11T09:00:00+08:00");
        run("2022-10-17T09:00:00+08:00");
        assertEquals(List.of(FIRST + " 2022-10-10 test-870-a"), sent("ACKNOWLEDGE_DUE"), "once");
    }

    @Test
    void eachOpenMilestoneIsRemindedAheadAndOnceWhenOverdue() {
        run("2022-10-09T09:00:00+08:00");
        assertEquals(List.of(), sent("MILESTONE_DUE"));

        run("2022-10-10T09:00:00+08:00");
        assertEquals(List.of((FIRST + 3) + " 2022-10-10 test-870-d " + M1, (FIRST + 3) + " 2022-10-10 test-870-d " + M2),
                sent("MILESTONE_DUE"), "both milestones due that day, and not the done, the removed or the completed work's");
        assertEquals(1, count("SELECT count(*) FROM notification WHERE milestone_id = ?1 AND kind = 'MILESTONE_DUE' "
                + "AND title = '第39项任务节点“报送工作方案”还有3天到期（2022年10月13日）' AND due_date = DATE '2022-10-13' "
                + "AND body LIKE '丁市人民政府：\n您单位承担的第39项任务“%”中，工作节点“报送工作方案”应于2022年10月13日前完成，距到期还有3天。%'", M1));
        given().auth().oauth2(org.duban.testsupport.TestTokens.unit("test-870-d")).queryParam("kind", "MILESTONE_DUE")
                .when().get("/api/notifications").then().statusCode(200)
                .body("items.milestoneId.sort()", equalTo(List.of((int) M1, (int) M2)))
                .body("items[0].dueDate", equalTo("2022-10-13"));

        run("2022-10-13T09:00:00+08:00");
        assertEquals(List.of(), sent("MILESTONE_OVERDUE"), "due today is not overdue");
        run("2022-10-14T09:00:00+08:00");
        run("2022-10-14T09:00:00+08:00");
        run("2022-10-17T09:00:00+08:00");
        run("2022-10-21T09:00:00+08:00");
        assertEquals(List.of((FIRST + 3) + " 2022-10-14 test-870-d " + M1, (FIRST + 3) + " 2022-10-14 test-870-d " + M2),
                sent("MILESTONE_OVERDUE"), "once each");
        assertEquals(1, count("SELECT count(*) FROM notification WHERE milestone_id = ?1 AND kind = 'MILESTONE_OVERDUE' "
                + "AND title = '第39项任务节点“明确责任分工”已逾期1天（2022年10月13日到期）'", M2));
        assertEquals(2, sent("MILESTONE_DUE").size(), "and no more lead-day reminders");
    }

    @Test
    void aRerunSendsNothing() {
        ReminderEngine.RunResult first = engine.run(at("2022-10-10T09:00:00+08:00"), "TEST", "SignForAndMilestoneRemindersTest");
        ReminderEngine.RunResult again = engine.run(at("2022-10-10T09:00:00+08:00"), "TEST", "SignForAndMilestoneRemindersTest");
        assertEquals(3, count("SELECT count(*) FROM reminder WHERE assignment_id BETWEEN ?1 AND ?2", FIRST, LAST),
                "one ACKNOWLEDGE_DUE, two MILESTONE_DUE: " + first);
        assertEquals(0, again.sent(), again.toString());
        assertEquals(3, count("SELECT count(*) FROM notification WHERE assignment_id BETWEEN ?1 AND ?2", FIRST, LAST));
    }

    private void run(String instant) {
        engine.run(at(instant), "TEST", "SignForAndMilestoneRemindersTest");
    }

    private static Instant at(String instant) {
        return OffsetDateTime.parse(instant).toInstant();
    }

    /** What went into the inboxes of kind {@code kind}: "assignment occasion unit [milestone]", in order. */
    @SuppressWarnings("unchecked")
    private List<String> sent(String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery(
                        "SELECT assignment_id, occasion, unit_code, milestone_id FROM notification WHERE assignment_id BETWEEN ?1 AND ?2 "
                                + "AND kind = ?3 ORDER BY assignment_id, occasion, milestone_id").setParameter(1, FIRST)
                .setParameter(2, LAST).setParameter(3, kind).getResultList()).stream()
                .map(r -> r[0] + " " + r[1] + " " + r[2] + (r[3] == null ? "" : " " + r[3])).toList());
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
