package org.duban.reminder.engine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.duban.reminder.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The record of each run and, per policy, how far completed runs have sent. */
@QuarkusTest
class ReminderRunsTest {

    static final String POLICY = "test-860001";

    @Inject
    ReminderRuns runs;
    @Inject
    Rows rows;
    @Inject
    jakarta.persistence.EntityManager em;

    @AfterEach
    void forget() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM reminder_watermark WHERE policy_key = ?1")
                .setParameter(1, POLICY).executeUpdate());
    }

    @Test
    void aRunRecordShowsWhoStartedItAndWhatItDid() {
        Instant at = Instant.parse("2031-06-23T01:00:00Z");
        long id = QuarkusTransaction.requiringNew().call(() -> runs.start(at, "API", "office-admin"));
        assertEquals(1, rows.count("SELECT count(*) FROM reminder_run WHERE id = ?1 AND at = CAST(?2 AS timestamptz) AND trigger = 'API' "
                + "AND started_by = 'office-admin' AND started_at IS NOT NULL AND finished_at IS NULL", id, at.toString()), "running");

        QuarkusTransaction.requiringNew().run(() -> runs.finish(id, 120, 118));
        assertEquals(1, rows.count("SELECT count(*) FROM reminder_run WHERE id = ?1 AND evaluated = 120 AND sent = 118 "
                + "AND skipped = 2 AND finished_at >= started_at", id), "finished: 120 owed, 118 sent now, 2 sent before");
    }

    @Test
    void thePolicysMarkOnlyMovesForward() {
        assertEquals(null, QuarkusTransaction.requiringNew().call(runs::sentThrough).get(POLICY), "never run");
        advance(LocalDate.of(2031, 6, 30));
        assertEquals(LocalDate.of(2031, 6, 30), sentThrough());
        // a run as of an earlier instant (POST /api/reminders/run?at=…) leaves the mark where it is
        advance(LocalDate.of(2031, 6, 20));
        assertEquals(LocalDate.of(2031, 6, 30), sentThrough());
        advance(LocalDate.of(2031, 7, 1));
        assertEquals(LocalDate.of(2031, 7, 1), sentThrough());
    }

    private void advance(LocalDate date) {
        QuarkusTransaction.requiringNew().run(() -> runs.advance(POLICY, date));
    }

    private LocalDate sentThrough() {
        return QuarkusTransaction.requiringNew().call(runs::sentThrough).get(POLICY);
    }
}
