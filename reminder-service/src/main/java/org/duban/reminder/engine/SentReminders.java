package org.duban.reminder.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reminders sent, one row per key (assignment, kind, occasion, milestone) in {@code reminder}: the exactly-once
 * record. Recording a reminder whose key is there already does nothing, whichever run, restart or replica
 * tries. Called inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SentReminders {

    private record Key(long assignmentId, ReminderKind kind, LocalDate occasion, long milestoneId) {
    }

    private final EntityManager em;

    SentReminders(EntityManager em) {
        this.em = em;
    }

    /**
     * Records {@code owed} (in the order given, which should be {@link Owed#PROCESSING_ORDER}) for run
     * {@code runId}, in one statement; returns those that were not recorded before — what is to be sent now.
     */
    public List<Owed> record(long runId, Instant at, List<Owed> owed) {
        if (owed.isEmpty()) {
            return List.of();
        }
        Map<Key, Owed> byKey = new HashMap<>();
        for (Owed o : owed) {
            byKey.put(new Key(o.assignment().id(), o.occasion().kind(), o.occasion().date(), o.milestoneId()), o);
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<Owed> fresh = new ArrayList<>();
            try (PreparedStatement ins = c.prepareStatement("""
                    INSERT INTO reminder (assignment_id, kind, occasion, milestone_id, run_id, created_at)
                    SELECT a, k, o, m, ?, ? FROM unnest(?::bigint[], ?::text[], ?::date[], ?::bigint[]) AS t(a, k, o, m)
                    ON CONFLICT DO NOTHING RETURNING assignment_id, kind, occasion, milestone_id""")) {
                ins.setLong(1, runId);
                ins.setObject(2, at.atOffset(ZoneOffset.UTC));
                ins.setArray(3, c.createArrayOf("bigint", owed.stream().map(o -> o.assignment().id()).toArray()));
                ins.setArray(4, c.createArrayOf("text", owed.stream().map(o -> o.occasion().kind().name()).toArray()));
                ins.setArray(5, c.createArrayOf("text", owed.stream().map(o -> o.occasion().date().toString()).toArray()));
                ins.setArray(6, c.createArrayOf("bigint", owed.stream().map(Owed::milestoneId).toArray()));
                try (ResultSet rs = ins.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(byKey.get(new Key(rs.getLong(1), ReminderKind.valueOf(rs.getString(2)),
                                rs.getObject(3, LocalDate.class), rs.getLong(4))));
                    }
                }
            }
            return fresh;
        });
    }
}
