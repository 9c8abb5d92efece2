package org.duban.reminder.delivery;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Claiming due rows of a delivery table shared by every replica — the approach of webhooks and
 * channels alike. A delivery row belongs to an owner row (a subscription, a channel) that can be
 * switched off; it is PENDING with a {@code next_attempt_at}, and carries a {@code version}.
 * Claiming takes due rows round-robin over the active owners (every owner's oldest due row before
 * anyone's second), at most {@code perOwner} minus what this replica already has in flight for each,
 * locks them with {@code FOR UPDATE SKIP LOCKED} — two replicas never take the same row — and leases
 * them: {@code next_attempt_at} moves to the lease's end (a worker that dies only delays its rows by
 * the lease) and {@code version} goes up (a worker whose lease ran out cannot record over the next one).
 * Call it inside a transaction.
 *
 * @param deliveries  the delivery table, e.g. {@code webhook_delivery}
 * @param owners      the owner table, e.g. {@code webhook_subscription}
 * @param ownerColumn the delivery table's reference to its owner, e.g. {@code subscription_id}
 * @param ownerActive the owner table's boolean column that says whether it still sends, e.g. {@code active}
 */
public record DueRows(String deliveries, String owners, String ownerColumn, String ownerActive) {

    /** A row claimed: its id, its owner, and its version after the claim. */
    public record Lease(long id, long ownerId, long version) {
    }

    public List<Lease> claim(EntityManager em, Instant now, Instant leaseUntil, int limit, int perOwner,
                             Map<Long, Integer> inFlight) {
        if (limit <= 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = em.createNativeQuery("""
                        SELECT id, owner_id FROM (
                            SELECT d.id, d.owner_id, d.next_attempt_at,
                                   row_number() OVER (PARTITION BY d.owner_id ORDER BY d.next_attempt_at, d.id) AS turn
                            FROM %2$s o
                            CROSS JOIN LATERAL (
                                SELECT x.id, x.%3$s AS owner_id, x.next_attempt_at FROM %1$s x
                                WHERE x.%3$s = o.id AND x.status = 'PENDING' AND x.next_attempt_at <= ?1
                                ORDER BY x.next_attempt_at, x.id
                                LIMIT ?2) d
                            WHERE o.%4$s) due
                        ORDER BY turn, next_attempt_at, id
                        LIMIT ?3""".formatted(deliveries, owners, ownerColumn, ownerActive))
                .setParameter(1, now)
                .setParameter(2, perOwner)
                .setParameter(3, limit + inFlight.values().stream().mapToInt(Integer::intValue).sum())
                .getResultList();
        Map<Long, Integer> taken = new HashMap<>(inFlight);
        List<Long> wanted = new ArrayList<>();
        for (Object[] row : candidates) {
            long ownerId = ((Number) row[1]).longValue();
            if (wanted.size() < limit && taken.getOrDefault(ownerId, 0) < perOwner) {
                taken.merge(ownerId, 1, Integer::sum);
                wanted.add(((Number) row[0]).longValue());
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        // Another replica may have claimed some meanwhile: locked ones are skipped, and a row it has
        // already leased fails the re-checked next_attempt_at condition.
        @SuppressWarnings("unchecked")
        List<Object[]> leased = em.createNativeQuery("""
                        UPDATE %1$s SET next_attempt_at = ?3, version = version + 1
                        WHERE id IN (SELECT id FROM %1$s WHERE id IN (?1) AND status = 'PENDING' AND next_attempt_at <= ?2
                                     FOR UPDATE SKIP LOCKED)
                        RETURNING id, %2$s, version""".formatted(deliveries, ownerColumn))
                .setParameter(1, wanted)
                .setParameter(2, now)
                .setParameter(3, leaseUntil)
                .getResultList();
        return leased.stream()
                .map(r -> new Lease(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }
}
