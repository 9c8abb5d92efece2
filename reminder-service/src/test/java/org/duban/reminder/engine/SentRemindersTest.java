package org.duban.reminder.engine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.duban.reminder.CopiedAssignments;
import org.duban.reminder.Rows;
import org.duban.reminder.replica.OpenAssignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exactly-once record: a reminder (assignment, kind, occasion) is sent once, whichever run records it. */
@QuarkusTest
class SentRemindersTest {

    static final long FIRST = 8_400_000_001L;
    static final long LAST = 8_400_000_099L;
    static final LocalDate DUE = LocalDate.of(2031, 6, 30);
    static final Instant AT = Instant.parse("2031-06-23T01:00:00Z");

    @Inject
    SentReminders sent;
    @Inject
    ReminderRuns runs;
    @Inject
    CopiedAssignments copies;
    @Inject
    Rows rows;

    @AfterEach
    void forget() {
        copies.forget(FIRST, LAST);
    }

    @Test
    void aReminderRecordedBeforeIsNotSentAgain() {
        Owed a = owed(FIRST, ReminderKind.DUE_SOON, DUE.minusDays(7));
        Owed b = owed(FIRST + 1, ReminderKind.DUE_SOON, DUE.minusDays(7));
        Owed c = owed(FIRST, ReminderKind.OVERDUE, DUE.plusDays(1));
        long first = newRun();
        assertEquals(List.of(a, b), record(first, List.of(a, b)));

        long second = newRun();
        assertEquals(List.of(c), record(second, List.of(a, b, c)), "only the overdue reminder is new");
        assertEquals(List.of(), record(newRun(), List.of(a, b, c)));
        assertEquals(List.of(), record(newRun(), List.of()));

        assertEquals(1, rows.count("SELECT count(*) FROM reminder WHERE assignment_id = ?1 AND kind = 'DUE_SOON' AND run_id = ?2",
                FIRST, first), "recorded under the run that sent it");
        assertEquals(3, rows.count("SELECT count(*) FROM reminder WHERE assignment_id BETWEEN ?1 AND ?2", FIRST, LAST));
    }

    @Test
    void aMovedDueDateMakesNewOccasions() {
        assertEquals(1, record(newRun(), List.of(owed(FIRST, ReminderKind.DUE_SOON, DUE.minusDays(7)))).size());
        // an extension to 2031-07-31: a week before it is another occasion
        Owed extended = owed(FIRST, ReminderKind.DUE_SOON, LocalDate.of(2031, 7, 24));
        assertEquals(List.of(extended), record(newRun(), List.of(extended)));
    }

    @Test
    void twoReplicasRecordingAtOnceSendEachReminderOnce() throws Exception {
        Owed a = owed(FIRST, ReminderKind.DUE_TODAY, DUE);
        Owed b = owed(FIRST + 1, ReminderKind.DUE_TODAY, DUE);
        Owed c = owed(FIRST + 2, ReminderKind.DUE_TODAY, DUE);
        long one = newRun();
        long two = newRun();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<List<Owed>> first = replicas.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                List<Owed> fresh = sent.record(one, AT, List.of(a, b));
                recorded.countDown();
                assertTrue(commit.await(60, TimeUnit.SECONDS));
                return fresh;
            }));
            assertTrue(recorded.await(60, TimeUnit.SECONDS));
            Future<List<Owed>> second = replicas.submit(() -> QuarkusTransaction.requiringNew().call(
                    () -> sent.record(two, AT, List.of(b, c))));
            // the second waits for the first's key b instead of sending it too
            await().atMost(Duration.ofSeconds(30)).until(() -> rows.count("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO reminder (%'") == 1);
            assertFalse(second.isDone());
            commit.countDown();
            assertEquals(List.of(a, b), first.get(60, TimeUnit.SECONDS));
            assertEquals(List.of(c), second.get(60, TimeUnit.SECONDS));
        } finally {
            commit.countDown();
            replicas.shutdownNow();
        }
    }

    private List<Owed> record(long runId, List<Owed> owed) {
        return QuarkusTransaction.requiringNew().call(() -> sent.record(runId, AT, owed));
    }

    private long newRun() {
        return QuarkusTransaction.requiringNew().call(() -> runs.start(AT, "TEST", "SentRemindersTest"));
    }

    private static Owed owed(long assignmentId, ReminderKind kind, LocalDate occasion) {
        return new Owed(new OpenAssignment(assignmentId, 840_001, 84_001, 39, "整改提升", "gov-340100", "合肥市人民政府", DUE),
                new Occasion(kind, occasion));
    }
}
