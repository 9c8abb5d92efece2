package org.duban.reminder.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Puts a run's reminders into the units' inboxes ({@code notification}), many in one statement. A unit
 * has at most one entry per assignment, kind, occasion and milestone ({@code notification_once}): an entry already
 * there is left as it is, read or not. The digests pick the new entries up later
 * ({@code dispatched_at} is null). Called inside the run's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InboxWriter {

    private final EntityManager em;

    InboxWriter(EntityManager em) {
        this.em = em;
    }

    /** Inserts the entries made by run {@code runId} at {@code createdAt}; returns how many were new. */
    public int insert(long runId, Instant createdAt, List<InboxEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ins = c.prepareStatement("""
                    INSERT INTO notification (unit_code, assignment_id, plan_id, task_number, kind, occasion, due_date,
                        title, body, milestone_id, created_at, run_id)
                    SELECT u, a, p, t, k, o, d, ti, b, m, ?, ?
                    FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::date[], ?::date[], ?::text[], ?::text[],
                                ?::bigint[])
                        AS n(u, a, p, t, k, o, d, ti, b, m)
                    ON CONFLICT DO NOTHING""")) {
                ins.setObject(1, createdAt.atOffset(ZoneOffset.UTC));
                ins.setLong(2, runId);
                ins.setArray(3, c.createArrayOf("text", column(entries, InboxEntry::unitCode)));
                ins.setArray(4, c.createArrayOf("bigint", column(entries, InboxEntry::assignmentId)));
                ins.setArray(5, c.createArrayOf("bigint", column(entries, InboxEntry::planId)));
                ins.setArray(6, c.createArrayOf("int4", column(entries, InboxEntry::taskNumber)));
                ins.setArray(7, c.createArrayOf("text", column(entries, e -> e.kind().name())));
                ins.setArray(8, c.createArrayOf("text", column(entries, e -> e.occasion().toString())));
                ins.setArray(9, c.createArrayOf("text", column(entries, e -> e.dueDate() == null ? null : e.dueDate().toString())));
                ins.setArray(10, c.createArrayOf("text", column(entries, InboxEntry::title)));
                ins.setArray(11, c.createArrayOf("text", column(entries, InboxEntry::body)));
                ins.setArray(12, c.createArrayOf("bigint", column(entries, InboxEntry::milestoneId)));
                return ins.executeUpdate();
            }
        });
    }

    private static Object[] column(List<InboxEntry> entries, java.util.function.Function<InboxEntry, Object> field) {
        Object[] values = new Object[entries.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = field.apply(entries.get(i));
        }
        return values;
    }
}
