package org.duban.reminder.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.duban.reminder.CopiedAssignments;
import org.duban.reminder.engine.ReminderKind;
import org.duban.reminder.engine.ReminderRuns;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A run's reminders in the units' inboxes: each unit has an entry once per assignment, kind and occasion. */
@QuarkusTest
class InboxWriterTest {

    static final long FIRST = 8_300_000_001L;
    static final long LAST = 8_300_000_099L;
    static final String UNIT = "test-830-unit";
    static final String LEAD = "test-830-lead";
    static final LocalDate DUE = LocalDate.of(2031, 6, 30);
    static final Instant AT = Instant.parse("2031-06-23T01:00:00Z");

    @Inject
    InboxWriter inbox;
    @Inject
    ReminderRuns runs;
    @Inject
    CopiedAssignments copies;

    long runId;

    @BeforeEach
    void aRun() {
        runId = QuarkusTransaction.requiringNew().call(() -> runs.start(AT, "TEST", "InboxWriterTest"));
    }

    @AfterEach
    void forget() {
        copies.forget(FIRST, LAST);
    }

    @Test
    void anEntryInsertedTwiceIsStoredOnce() {
        InboxEntry dueSoon = entry(UNIT, FIRST, ReminderKind.DUE_SOON, DUE.minusDays(7), "第39项任务还有7天到期（2031年6月30日）");
        InboxEntry other = entry(UNIT, FIRST + 1, ReminderKind.DUE_SOON, DUE.minusDays(7), "第40项任务还有7天到期（2031年6月30日）");
        assertEquals(2, insert(List.of(dueSoon, other)));

        InboxEntry again = entry(UNIT, FIRST, ReminderKind.DUE_SOON, DUE.minusDays(7), "另一个标题");
        InboxEntry overdue = entry(UNIT, FIRST, ReminderKind.OVERDUE, DUE.plusDays(1), "第39项任务已逾期1天（2031年6月30日到期）");
        assertEquals(1, insert(List.of(again, overdue)), "only the overdue reminder is new");

        JsonPath box = inboxOf(UNIT);
        assertEquals(3, box.getInt("total"));
        assertEquals(List.of("第39项任务还有7天到期（2031年6月30日）"),
                box.getList("items.findAll { it.assignmentId == " + FIRST + " && it.kind == 'DUE_SOON' }.title"),
                "the entry stays as first made");
        assertEquals(0, insert(List.of()));
    }

    @Test
    void theSameReminderReachesEachRecipientOnce() {
        InboxEntry toUnit = entry(UNIT, FIRST, ReminderKind.ESCALATION, DUE.plusDays(14), "督办升级：第39项任务已逾期14天");
        InboxEntry toLead = entry(LEAD, FIRST, ReminderKind.ESCALATION, DUE.plusDays(14), "督办升级：第39项任务已逾期14天");
        assertEquals(2, insert(List.of(toUnit, toLead)));
        assertEquals(0, insert(List.of(toLead, toUnit)));
        assertEquals(1, inboxOf(UNIT).getInt("total"));
        assertEquals(1, inboxOf(LEAD).getInt("total"));
    }

    @Test
    void aReadEntryStaysReadWhenTheSameReminderComesAgain() {
        InboxEntry overdue = entry(UNIT, FIRST, ReminderKind.OVERDUE, DUE.plusDays(1), "第39项任务已逾期1天（2031年6月30日到期）");
        insert(List.of(overdue));
        long id = inboxOf(UNIT).getLong("items[0].id");
        given().auth().oauth2(TestTokens.admin()).when().post("/api/notifications/" + id + "/read").then().statusCode(200)
                .body("readAt", notNullValue());

        assertEquals(0, insert(List.of(overdue)));
        assertEquals(1, given().auth().oauth2(TestTokens.admin()).queryParam("unit", UNIT).queryParam("unread", "false")
                .when().get("/api/notifications").then().statusCode(200).extract().jsonPath().getInt("total"));
    }

    @Test
    void theEntryShowsWhatTheReminderSays() {
        insert(List.of(entry(UNIT, FIRST, ReminderKind.DUE_SOON, DUE.minusDays(7), "第39项任务还有7天到期（2031年6月30日）"),
                new InboxEntry(UNIT, FIRST + 1, 830_001, 7, null, ReminderKind.PROGRESS_REPORT_DUE, LocalDate.of(2031, 6, 2), null,
                        "第7项任务请报送进展", "请及时报送工作进展情况。")));

        JsonPath box = inboxOf(UNIT);
        Map<String, Object> dueSoon = box.getMap("items.find { it.kind == 'DUE_SOON' }");
        assertEquals(Map.of("id", dueSoon.get("id"), "unitCode", UNIT, "assignmentId", FIRST, "taskNumber", 39,
                "kind", "DUE_SOON", "title", "第39项任务还有7天到期（2031年6月30日）", "body", "请抓紧推进，按时办结并报送进展情况。",
                "dueDate", "2031-06-30", "occasion", "2031-06-23", "createdAt", "2031-06-23T01:00:00Z"), dueSoon);
        Map<String, Object> report = box.getMap("items.find { it.kind == 'PROGRESS_REPORT_DUE' }");
        assertEquals("2031-06-02", report.get("occasion"));
        assertEquals(null, report.get("dueDate"), "ONGOING work has no due date");
        assertNotNull(report.get("id"));
        long ofTheRun = QuarkusTransaction.requiringNew().call(() -> Notification.count("unitCode = ?1 and runId = ?2", UNIT, runId));
        assertEquals(2, ofTheRun, "the entries belong to the run that made them");
    }

    private int insert(List<InboxEntry> entries) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.insert(runId, AT, entries));
    }

    private static InboxEntry entry(String unit, long assignmentId, ReminderKind kind, LocalDate occasion, String title) {
        return new InboxEntry(unit, assignmentId, 830_001, 39, null, kind, occasion, DUE, title, "请抓紧推进，按时办结并报送进展情况。");
    }

    private static JsonPath inboxOf(String unit) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("unit", unit).queryParam("size", 100)
                .when().get("/api/notifications").then().statusCode(200).extract().jsonPath();
    }
}
