package org.duban.task.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.duban.platform.messaging.Outbox;
import org.duban.task.api.AssignmentView;
import org.duban.task.domain.Assignment;
import org.duban.task.domain.AssignmentHistory;
import org.duban.task.domain.AssignmentStatus;
import org.duban.task.domain.Task;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every change of an assignment goes through here, inside the changing transaction: a history
 * entry, a CloudEvent in the outbox (topic duban.assignments, key = assignment id) and an entry in
 * the OA sync feed (numbered after commit by SyncSequencer). The event's data is the assignment as
 * the REST API shows it, plus the change's own fields ({@code from}, {@code to}, {@code by},
 * {@code note} …) and, for consumers that keep their own copy (reminder-service), the task's
 * {@code taskRequirement} and {@code deadlineKind}.
 */
@ApplicationScoped
public class AssignmentJournal {

    public static final String TOPIC = "duban.assignments";
    public static final String CREATED = "duban.assignment.created";
    public static final String STATUS_CHANGED = "duban.assignment.status-changed";
    public static final String DUE_DATE_CHANGED = "duban.assignment.due-date-changed";
    public static final String PROGRESS_REPORTED = "duban.assignment.progress-reported";
    /** Added to API.md's list: a vague group assignment replaced by the units the office named. */
    public static final String REPLACED = "duban.assignment.replaced";

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final PlanCalendar calendar;
    private final SyncSequencer sequencer;

    AssignmentJournal(EntityManager em, Outbox outbox, ObjectMapper json, PlanCalendar calendar, SyncSequencer sequencer) {
        this.em = em;
        this.outbox = outbox;
        this.json = json;
        this.calendar = calendar;
        this.sequencer = sequencer;
    }

    /**
     * Announces new assignments (already persisted, with createdAt/createdBy: their creation is the
     * first entry of their history); one feed position each, in the list's order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(List<Assignment> assignments, String by) {
        em.flush();
        LocalDate today = calendar.today();
        Instant now = calendar.now();
        List<SyncRow> feed = new ArrayList<>(assignments.size());
        for (Assignment a : assignments) {
            feed.add(publish(a, CREATED, today, now, Map.of("by", by)));
        }
        append(feed);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Assignment a, AssignmentStatus from, AssignmentStatus to, String by, String note) {
        Instant now = calendar.now();
        history(a, AssignmentHistory.Kind.STATUS_CHANGED, by, now, h -> {
            h.fromStatus = from;
            h.toStatus = to;
            h.note = note;
        });
        publishOne(a, STATUS_CHANGED, now, map("from", from.name(), "to", to.name(), "by", by, "note", note));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void progressReported(Assignment a, String text, Integer percent, String by) {
        Instant now = calendar.now();
        history(a, AssignmentHistory.Kind.PROGRESS_REPORTED, by, now, h -> {
            h.note = text;
            h.percent = percent;
        });
        publishOne(a, PROGRESS_REPORTED, now, map("text", text, "percent", percent, "by", by));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dueDateChanged(Assignment a, LocalDate from, LocalDate to, String by, String note) {
        Instant now = calendar.now();
        history(a, AssignmentHistory.Kind.DUE_DATE_CHANGED, by, now, h -> {
            h.fromDate = from;
            h.toDate = to;
            h.note = note;
        });
        publishOne(a, DUE_DATE_CHANGED, now, map("from", from == null ? null : from.toString(),
                "to", to == null ? null : to.toString(), "by", by, "note", note));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void replaced(Assignment a, List<Long> by, String user) {
        Instant now = calendar.now();
        history(a, AssignmentHistory.Kind.REPLACED, user, now, h -> h.note = "replaced by assignments " + by);
        publishOne(a, REPLACED, now, map("replacedBy", by, "by", user));
    }

    private void publishOne(Assignment a, String type, Instant now, Map<String, Object> extra) {
        em.flush(); // the version the event shows is the one the change produced
        append(List.of(publish(a, type, calendar.today(), now, extra)));
    }

    /** One change for the OA sync feed, as written; SyncSequencer gives it its position after commit. */
    private record SyncRow(long assignmentId, String type, Instant at, String payload) {
    }

    private SyncRow publish(Assignment a, String type, LocalDate today, Instant now, Map<String, Object> extra) {
        ObjectNode data = json.valueToTree(AssignmentView.of(a, today));
        Task task = em.find(Task.class, a.taskId); // in the persistence context already during an import
        data.put("taskRequirement", task.requirement);
        data.put("deadlineKind", task.deadlineKind.name());
        extra.forEach((key, value) -> data.set(key, json.valueToTree(value)));
        outbox.publish(TOPIC, a.id.toString(), type, data);
        return new SyncRow(a.id, type, now, data.toString());
    }

    /**
     * Writes changes to the feed in one statement, in the list's order (their ids, from the table's
     * sequence, follow it), without positions: those come after commit (SyncSequencer), so this
     * transaction holds no lock that other writers wait for.
     */
    private void append(List<SyncRow> rows) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO sync_change (id, assignment_id, change_type, changed_at, payload)
                    SELECT nextval('sync_change_id_seq'), a, t, w, p
                    FROM (SELECT a, t, w, p FROM unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::text[])
                          WITH ORDINALITY AS r(a, t, w, p, n) ORDER BY n) ordered""")) {
                insert.setArray(1, c.createArrayOf("bigint", rows.stream().map(SyncRow::assignmentId).toArray()));
                insert.setArray(2, c.createArrayOf("text", rows.stream().map(SyncRow::type).toArray()));
                insert.setArray(3, c.createArrayOf("text", rows.stream().map(r -> r.at().toString()).toArray()));
                insert.setArray(4, c.createArrayOf("text", rows.stream().map(SyncRow::payload).toArray()));
                insert.executeUpdate();
            }
        });
        sequencer.afterCommit();
    }

    private void history(Assignment a, AssignmentHistory.Kind kind, String by, Instant at,
                         java.util.function.Consumer<AssignmentHistory> details) {
        AssignmentHistory h = new AssignmentHistory();
        h.assignmentId = a.id;
        h.kind = kind;
        h.by = by;
        h.at = at;
        details.accept(h);
        h.persist();
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
