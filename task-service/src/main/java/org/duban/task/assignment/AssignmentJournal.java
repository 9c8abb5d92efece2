package org.duban.task.assignment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.duban.events.AssignmentEvent;
import org.duban.events.AssignmentSnapshot;
import org.duban.events.MilestoneSnapshot;
import org.duban.platform.messaging.Outbox;
import org.duban.task.plan.PlanCalendar;
import org.duban.task.plan.TaskFacts;
import org.duban.task.sync.SyncSequencer;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every change of an assignment goes through here, inside the changing transaction: a history
 * entry, a CloudEvent in the outbox (topic duban.assignments, key = assignment id) and an entry in
 * the OA sync feed (numbered after commit by SyncSequencer). The event's data is a record of
 * duban-events ({@link AssignmentEvent}): the assignment as the REST API shows it, plus the change's
 * own fields ({@code from}, {@code to}, {@code by}, {@code note} …) and, for consumers that keep their
 * own copy (reminder-service), the task's {@code taskRequirement} and {@code deadlineKind}.
 */
@ApplicationScoped
public class AssignmentJournal {

    /** Who changes an assignment when the unit registry changed its unit. */
    public static final String UNIT_REGISTRY = "unit-service";

    private final EntityManager em;
    private final Outbox outbox;
    private final PlanCalendar calendar;
    private final SyncSequencer sequencer;
    private final TaskFacts tasks;

    AssignmentJournal(EntityManager em, Outbox outbox, PlanCalendar calendar, SyncSequencer sequencer, TaskFacts tasks) {
        this.em = em;
        this.outbox = outbox;
        this.calendar = calendar;
        this.sequencer = sequencer;
        this.tasks = tasks;
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
            feed.add(publish(a, today, now, s -> new AssignmentEvent.Created(s, by)));
        }
        append(feed);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledged(Assignment a, String by) {
        Instant now = calendar.now();
        history(a, AssignmentHistory.Kind.ACKNOWLEDGED, by, now, h -> {
        });
        publishOne(a, now, s -> new AssignmentEvent.Acknowledged(s, by));
    }

    /**
     * A milestone of {@code a} was set, changed, done or removed ({@code change}, one of
     * {@link AssignmentEvent.MilestoneChanged}'s values). The caller has touched the assignment
     * ({@code updatedAt}), so its version moves with the milestone; {@code milestone} is read after the flush,
     * so the event shows the versions the change produced. {@code from} and {@code to}: the milestone's due
     * dates when they moved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void milestoneChanged(Assignment a, String change, java.util.function.Supplier<MilestoneSnapshot> milestone,
                                 LocalDate from, LocalDate to, String by) {
        Instant now = calendar.now();
        em.flush();
        MilestoneSnapshot m = milestone.get();
        history(a, AssignmentHistory.Kind.MILESTONE_CHANGED, by, now, h -> {
            h.fromDate = from;
            h.toDate = to;
            h.note = "milestone " + m.id() + " \"" + m.title() + "\" due " + m.dueDate() + ": " + change;
        });
        publishOne(a, now, s -> new AssignmentEvent.MilestoneChanged(s, change, m, by));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Assignment a, AssignmentStatus from, AssignmentStatus to, String by, String note) {
        statusChanged(a, from, to, by, note, List.of());
    }

    /** A status change citing evidence files (ids already checked to be this assignment's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Assignment a, AssignmentStatus from, AssignmentStatus to, String by, String note,
                              List<Long> attachmentIds) {
        Instant now = calendar.now();
        AssignmentHistory entry = history(a, AssignmentHistory.Kind.STATUS_CHANGED, by, now, h -> {
            h.fromStatus = from;
            h.toStatus = to;
            h.note = note;
        });
        cite(entry, attachmentIds);
        publishOne(a, now, s -> new AssignmentEvent.StatusChanged(s, from.name(), to.name(), by, note, attachmentIds));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void progressReported(Assignment a, String text, Integer percent, String by) {
        progressReported(a, text, percent, by, List.of());
    }

    /** A progress report citing evidence files (ids already checked to be this assignment's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void progressReported(Assignment a, String text, Integer percent, String by, List<Long> attachmentIds) {
        Instant now = calendar.now();
        AssignmentHistory entry = history(a, AssignmentHistory.Kind.PROGRESS_REPORTED, by, now, h -> {
            h.note = text;
            h.percent = percent;
        });
        cite(entry, attachmentIds);
        publishOne(a, now, s -> new AssignmentEvent.ProgressReported(s, text, percent, by, attachmentIds));
    }

    /** The files a history entry cites, in the order given. */
    private void cite(AssignmentHistory entry, List<Long> attachmentIds) {
        if (attachmentIds == null || attachmentIds.isEmpty()) {
            return;
        }
        em.flush(); // the entry's row first
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO assignment_history_attachment (history_id, attachment_id, position) "
                            + "SELECT ?, f, n FROM unnest(?::bigint[]) WITH ORDINALITY AS r(f, n)")) {
                insert.setLong(1, entry.id);
                insert.setArray(2, c.createArrayOf("bigint", attachmentIds.toArray()));
                insert.executeUpdate();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dueDateChanged(Assignment a, LocalDate from, LocalDate to, String by, String note) {
        Instant now = calendar.now();
        history(a, AssignmentHistory.Kind.DUE_DATE_CHANGED, by, now, h -> {
            h.fromDate = from;
            h.toDate = to;
            h.note = note;
        });
        publishOne(a, now, s -> new AssignmentEvent.DueDateChanged(s, from, to, by, note));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void replaced(Assignment a, List<Long> by, String user) {
        Instant now = calendar.now();
        history(a, AssignmentHistory.Kind.REPLACED, user, now, h -> h.note = "replaced by assignments " + by);
        publishOne(a, now, s -> new AssignmentEvent.Replaced(s, by, user));
    }

    /**
     * The unit of these assignments changed in the registry ({@code change} of {@link AssignmentEvent.UnitUpdated};
     * {@code from} and {@code to} are the names of a rename): a history entry ({@code note}), an event and
     * a feed entry each, the feed entries in one statement. The assignments are changed and locked already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unitUpdated(List<Assignment> assignments, String change, String from, String to, String note) {
        em.flush(); // the versions the events show are the ones the change produced
        LocalDate today = calendar.today();
        Instant now = calendar.now();
        List<SyncRow> feed = new ArrayList<>(assignments.size());
        for (Assignment a : assignments) {
            history(a, AssignmentHistory.Kind.UNIT_UPDATED, UNIT_REGISTRY, now, h -> h.note = note);
            feed.add(publish(a, today, now, s -> new AssignmentEvent.UnitUpdated(s, change, from, to, UNIT_REGISTRY)));
        }
        if (!feed.isEmpty()) {
            append(feed);
        }
    }

    /**
     * The children of {@code parent} changed (delegated, or one moved); the parent's figures are counted already.
     * History: {@code DELEGATED} for new children, {@code CHILDREN_CHANGED} for a move, with {@code note}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void childrenChanged(Assignment parent, String change, List<Long> childIds, String childStatus, String by, String note) {
        Instant now = calendar.now();
        history(parent, AssignmentEvent.ChildrenChanged.DELEGATED.equals(change) ? AssignmentHistory.Kind.DELEGATED
                : AssignmentHistory.Kind.CHILDREN_CHANGED, by, now, h -> h.note = note);
        publishOne(parent, now, s -> new AssignmentEvent.ChildrenChanged(s, change, childIds, childStatus, by));
    }

    /** 催办: the assignment's history records it, the event tells reminder-service (notification kind URGE). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void urged(Assignment a, String message, String by, String senderUnitCode, String senderRole, Instant urgedAt,
                      String note) {
        history(a, AssignmentHistory.Kind.URGED, by, urgedAt, h -> h.note = note);
        publishOne(a, urgedAt, s -> new AssignmentEvent.Urged(s, message, by, senderUnitCode, senderRole, urgedAt));
    }

    /** A history entry without an event of its own (the change is announced by another one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void historyOnly(Assignment a, AssignmentHistory.Kind kind, String by, String note) {
        history(a, kind, by, calendar.now(), h -> h.note = note);
    }

    private void publishOne(Assignment a, Instant now, Function<AssignmentSnapshot, AssignmentEvent> change) {
        em.flush(); // the version the event shows is the one the change produced
        append(List.of(publish(a, calendar.today(), now, change)));
    }

    /** One change for the OA sync feed, as written; SyncSequencer gives it its position after commit. */
    private record SyncRow(long assignmentId, String type, Instant at, String payload) {
    }

    private SyncRow publish(Assignment a, LocalDate today, Instant now, Function<AssignmentSnapshot, AssignmentEvent> change) {
        AssignmentEvent event = change.apply(AssignmentSnapshots.of(AssignmentView.of(a, today), tasks.of(a.taskId)));
        JsonNode data = outbox.publish(AssignmentEvent.TOPIC, a.id.toString(), event.eventType(), event).data();
        return new SyncRow(a.id, event.eventType(), now, data.toString());
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

    private AssignmentHistory history(Assignment a, AssignmentHistory.Kind kind, String by, Instant at,
                                      java.util.function.Consumer<AssignmentHistory> details) {
        AssignmentHistory h = new AssignmentHistory();
        h.assignmentId = a.id;
        h.kind = kind;
        h.by = by;
        h.at = at;
        details.accept(h);
        h.persist();
        return h;
    }
}
