package org.duban.reminder.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of the rules ({@code reminder_run}: when, why, by whom, what they did) and, per policy, the
 * latest send date a completed run covered ({@code reminder_watermark}), where the next run's window
 * starts. Called inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReminderRuns {

    private final EntityManager em;
    private final Clock clock;

    ReminderRuns(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records that a run as of {@code at} starts now; returns its id. */
    public long start(Instant at, String trigger, String by) {
        return ((Number) em.createNativeQuery(
                        "INSERT INTO reminder_run (at, trigger, started_by, started_at) VALUES (?1, ?2, ?3, ?4) RETURNING id")
                .setParameter(1, at).setParameter(2, trigger).setParameter(3, by).setParameter(4, clock.instant())
                .getSingleResult()).longValue();
    }

    /** Records that run {@code runId} finished now: reminders owed, of them sent now, the rest sent before. */
    public void finish(long runId, long evaluated, long sent) {
        em.createNativeQuery("UPDATE reminder_run SET finished_at = ?1, evaluated = ?2, sent = ?3, skipped = ?4 WHERE id = ?5")
                .setParameter(1, clock.instant()).setParameter(2, evaluated).setParameter(3, sent)
                .setParameter(4, evaluated - sent).setParameter(5, runId).executeUpdate();
    }

    /** Policy key → the latest send date a completed run covered; policies never run are absent. */
    public Map<String, LocalDate> sentThrough() {
        Map<String, LocalDate> marks = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT policy_key, sent_through FROM reminder_watermark").getResultList();
        rows.forEach(row -> marks.put((String) row[0], row[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[1]));
        return marks;
    }

    /** A completed run of the policy covered the send dates through {@code sentThrough}; the mark never moves back. */
    public void advance(String policyKey, LocalDate sentThrough) {
        em.createNativeQuery("INSERT INTO reminder_watermark (policy_key, sent_through) VALUES (?1, ?2) ON CONFLICT (policy_key) "
                        + "DO UPDATE SET sent_through = GREATEST(reminder_watermark.sent_through, EXCLUDED.sent_through)")
                .setParameter(1, policyKey).setParameter(2, sentThrough).executeUpdate();
    }
}
