package org.duban.task.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The feed's numbering after a big plan import: tens of thousands of changes committed at once, while the
 * table's statistics still say nothing is waiting (they were taken before). Numbering takes time linear
 * in the changes; it once read the whole waiting list again for every change, and 12,100 changes outlasted
 * the transaction timeout again and again, so the feed stood still.
 */
@QuarkusTest
class SyncSequencerTest {

    /** A feed with a history, as a service that imported a few plans has it. */
    private static final int NUMBERED = 60_000;
    private static final int CHANGES = 20_000;

    @Inject
    EntityManager em;

    @Inject
    SyncSequencer sequencer;

    @Test
    void twentyThousandChangesCommittedAtOnceAreNumberedSoonWithoutAGap() {
        sequencer.drain();
        long last = QuarkusTransaction.requiringNew().call(() -> {
            // the history, numbered as the sequencer would (its lock held), then the statistics: nothing waits
            long before = ((Number) em.createNativeQuery("SELECT last FROM sync_position WHERE id = 1 FOR UPDATE")
                    .getSingleResult()).longValue();
            em.createNativeQuery("""
                            INSERT INTO sync_change (id, position, assignment_id, change_type, changed_at, payload)
                            SELECT nextval('sync_change_id_seq'), ?1 + n, -n, 'test.history', now(), '{"id":' || -n || '}'
                            FROM generate_series(1, ?2) AS n""")
                    .setParameter(1, before).setParameter(2, NUMBERED).executeUpdate();
            em.createNativeQuery("UPDATE sync_position SET last = ?1 WHERE id = 1").setParameter(1, before + NUMBERED).executeUpdate();
            return before + NUMBERED;
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE sync_change").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO sync_change (id, assignment_id, change_type, changed_at, payload)
                        SELECT nextval('sync_change_id_seq'), -n, 'test.bulk', now(), '{"id":' || -n || '}'
                        FROM generate_series(1, ?1) AS n""")
                .setParameter(1, CHANGES).executeUpdate());

        await("every change has its position").atMost(Duration.ofSeconds(30)).until(() -> waiting() == 0);
        @SuppressWarnings("unchecked")
        List<Number> positions = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT position FROM sync_change WHERE change_type = 'test.bulk' ORDER BY id").getResultList());
        assertEquals(CHANGES, positions.size());
        for (int i = 0; i < CHANGES; i++) {
            assertEquals(last + 1 + i, positions.get(i).longValue(), "in the order written, without a gap");
        }
    }

    private long waiting() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM sync_change WHERE position IS NULL").getSingleResult()).longValue());
    }
}
