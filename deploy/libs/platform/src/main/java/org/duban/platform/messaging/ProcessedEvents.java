package org.duban.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * The ledger that makes consumers idempotent: a consumer calls {@link #firstDelivery} in the same
 * transaction as its work, and skips the work when it answers {@code false}.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;
    private final Clock clock;

    ProcessedEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records the event as handled by {@code consumer}; {@code false} when it already was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = em.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?1, ?2, ?3) "
                                + "ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, clock.instant())
                .executeUpdate();
        return inserted == 1;
    }
}
