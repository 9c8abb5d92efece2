package org.duban.reminder.engine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.reminder.CopiedAssignments;
import org.duban.reminder.CopiedAssignments.Row;
import org.duban.reminder.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run end to end on assignments of a plan of its own (policy: DUE_TODAY, OVERDUE once, ESCALATION after
 * 14 days), as of Wednesday 2019-03-13 09:00 — a year no other test reaches: whom an escalation reaches,
 * that a second run sends nothing, and what the run record shows.
 */
@QuarkusTest
class ReminderEngineTest {

    static final long FIRST = 8_500_000_001L;
    static final long LAST = 8_500_000_099L;
    static final long PLAN = 850_001;
    static final long TASK = 85_001;
    static final long OTHER_TASK = 85_002;
    static final LocalDate DUE = LocalDate.of(2019, 2, 27);
    static final LocalDate TODAY = LocalDate.of(2019, 3, 13);
    static final Instant AT = OffsetDateTime.parse("2019-03-13T09:00:00+08:00").toInstant();
    static final String OFFICE = "ah-zwgkb";

    @Inject
    ReminderEngine engine;
    @Inject
    CopiedAssignments copies;
    @Inject
    Rows rows;
    @Inject
    EntityManager em;

    @BeforeEach
    void aPlanWithItsOwnPolicy() {
        OwnPolicy.give(PLAN);
        copies.insert(
                // task 1, due 2019-02-27: two units still at it, a lead unit that finished its share, a lead replaced
                Row.open(FIRST, PLAN, TASK, "test-850-a", DUE).unit("test-850-a", "甲单位").status("IN_PROGRESS"),
                Row.open(FIRST + 1, PLAN, TASK, "test-850-b", DUE).unit("test-850-b", "乙单位"),
                Row.open(FIRST + 2, PLAN, TASK, "test-850-lead", DUE).unit("test-850-lead", "牵头单位").lead().status("COMPLETED"),
                Row.open(FIRST + 3, PLAN, TASK, "test-850-old", DUE).unit("test-850-old", "原牵头单位").lead().replaced(),
                Row.open(FIRST + 4, PLAN, TASK, "test-850-d", DUE).unit("test-850-d", "丁单位").status("COMPLETED"),
                // task 2, due today, with the same lead unit
                Row.open(FIRST + 5, PLAN, OTHER_TASK, "test-850-c", TODAY).unit("test-850-c", "丙单位"),
                Row.open(FIRST + 6, PLAN, OTHER_TASK, "test-850-lead", TODAY).unit("test-850-lead", "牵头单位").lead()
                        .status("COMPLETED"));
    }

    @AfterEach
    void forget() {
        copies.forget(FIRST, LAST);
    }

    @Test
    void anEscalationReachesTheUnitTheTasksLeadUnitsAndTheOfficeOnceEach() {
        engine.run(AT, "TEST", "ReminderEngineTest");

        assertEquals(List.of(
                        FIRST + " ESCALATION 2019-03-13 " + OFFICE,
                        FIRST + " ESCALATION 2019-03-13 test-850-a",
                        FIRST + " ESCALATION 2019-03-13 test-850-lead",
                        (FIRST + 1) + " ESCALATION 2019-03-13 " + OFFICE,
                        (FIRST + 1) + " ESCALATION 2019-03-13 test-850-b",
                        (FIRST + 1) + " ESCALATION 2019-03-13 test-850-lead",
                        (FIRST + 5) + " DUE_TODAY 2019-03-13 test-850-c"),
                inboxEntries(), "the OVERDUE of 2019-02-28 lies before the week a first run looks back");
        assertEquals(3, rows.count("SELECT count(*) FROM reminder WHERE assignment_id BETWEEN ?1 AND ?2", FIRST, LAST));
        assertEquals(1, rows.count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND unit_code = 'test-850-lead' "
                + "AND title = '督办升级：甲单位第1项任务已逾期14天' AND body LIKE '牵头单位：\n甲单位承担的第1项任务“%'", FIRST),
                "the lead unit is addressed by its name about the escalated unit");
        // the digests went out with the run
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.count("SELECT count(*) FROM notification "
                + "WHERE assignment_id BETWEEN ?1 AND ?2 AND dispatched_at IS NULL", FIRST, LAST) == 0);

        engine.run(AT, "TEST", "ReminderEngineTest");
        assertEquals(7, inboxEntries().size(), "running it again sends nothing new");
        assertEquals(3, rows.count("SELECT count(*) FROM reminder WHERE assignment_id BETWEEN ?1 AND ?2", FIRST, LAST));
    }

    @Test
    void theRunRecordShowsWhatTheRunDid() {
        ReminderEngine.RunResult first = engine.run(AT, "TEST", "ReminderEngineTest");
        assertTrue(first.sent() >= 3, "the two escalations and the DUE_TODAY: " + first);
        assertTrue(first.notifications() >= 7, first.toString());
        assertRecorded(first);

        ReminderEngine.RunResult again = engine.run(AT, "TEST", "ReminderEngineTest");
        assertTrue(again.evaluated() >= 3, again.toString());
        assertEquals(0, again.sent(), "everything was sent before");
        assertEquals(again.evaluated(), again.skipped());
        assertEquals(0, again.notifications());
        assertRecorded(again);
    }

    private void assertRecorded(ReminderEngine.RunResult result) {
        assertEquals(1, rows.count("SELECT count(*) FROM reminder_run WHERE id = ?1 AND at = CAST(?2 AS timestamptz) "
                        + "AND trigger = 'TEST' AND started_by = 'ReminderEngineTest' AND finished_at IS NOT NULL "
                        + "AND evaluated = ?3 AND sent = ?4 AND skipped = ?5", result.runId(), AT.toString(), result.evaluated(),
                result.sent(), result.skipped()), result.toString());
    }

    @SuppressWarnings("unchecked")
    private List<String> inboxEntries() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery(
                        "SELECT assignment_id, kind, occasion, unit_code FROM notification WHERE assignment_id BETWEEN ?1 AND ?2 "
                                + "ORDER BY assignment_id, kind, unit_code").setParameter(1, FIRST).setParameter(2, LAST)
                .getResultList()).stream().map(r -> r[0] + " " + r[1] + " " + r[2] + " " + r[3]).toList());
    }
}
