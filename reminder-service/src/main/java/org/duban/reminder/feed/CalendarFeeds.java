package org.duban.reminder.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** {@code calendar_feed}: each unit's current feed secret (its SHA-256). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CalendarFeeds {

    /** The unit a feed belongs to, and when its URL was made. */
    public record Owner(String unitCode, Instant rotatedAt) {
    }

    private final EntityManager em;

    CalendarFeeds(EntityManager em) {
        this.em = em;
    }

    /** Makes {@code sha256} the unit's only feed secret: the one before it stops working with this commit. */
    public void replace(String unitCode, byte[] sha256, Instant at, String by) {
        em.createNativeQuery("""
                        INSERT INTO calendar_feed (unit_code, token_sha256, rotated_at, rotated_by) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (unit_code) DO UPDATE
                            SET token_sha256 = EXCLUDED.token_sha256, rotated_at = EXCLUDED.rotated_at, rotated_by = EXCLUDED.rotated_by""")
                .setParameter(1, unitCode).setParameter(2, sha256).setParameter(3, at.atOffset(ZoneOffset.UTC)).setParameter(4, by)
                .executeUpdate();
    }

    public Optional<Owner> owner(byte[] sha256) {
        List<?> rows = em.createNativeQuery("SELECT unit_code, rotated_at FROM calendar_feed WHERE token_sha256 = ?1")
                .setParameter(1, sha256).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Owner((String) row[0], FeedItems.instant(row[1])));
    }
}
