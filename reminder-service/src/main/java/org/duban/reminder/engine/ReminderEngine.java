package org.duban.reminder.engine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.duban.reminder.policy.PolicyStore;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Evaluates the reminder rules as of an instant and records what is owed: the scheduler and
 * {@code POST /api/reminders/run} both come here. A reminder is recorded under its key (assignment,
 * kind, occasion) with {@code ON CONFLICT DO NOTHING}: re-runs, restarts and replicas running at the
 * same time record each one once, and only what was recorded now gets inbox entries. The units'
 * digests then go out through {@link DigestDispatcher}.
 */
@ApplicationScoped
public class ReminderEngine {

    private static final Logger LOG = Logger.getLogger(ReminderEngine.class);
    private static final String OPEN = "active AND unit_code IS NOT NULL AND status IN ('NOT_STARTED', 'IN_PROGRESS')";

    private final EntityManager em;
    private final PolicyStore policies;
    private final DayRule days;
    private final ReminderTexts texts;
    private final DigestDispatcher dispatcher;
    private final RemindersConfig config;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    ReminderEngine(EntityManager em, PolicyStore policies, DayRule days, ReminderTexts texts, DigestDispatcher dispatcher,
                   RemindersConfig config, Clock clock) {
        this.em = em;
        this.policies = policies;
        this.days = days;
        this.texts = texts;
        this.dispatcher = dispatcher;
        this.config = config;
        this.clock = clock;
    }

    /** What a run did. */
    public record RunResult(long runId, Instant at, long evaluated, long sent, long skipped, long notifications,
                            long digests, long millis) {
    }

    /** A reminder an open assignment is owed in this run. */
    record Owed(Candidate assignment, Occasion occasion) {
    }

    record Candidate(long id, long planId, long taskId, int taskNumber, String requirement, String unitCode,
                     String unitName, LocalDate dueDate) {
    }

    public RunResult run(Instant at, String trigger, String by) {
        running.lock();
        try {
            return evaluate(at, trigger, by);
        } finally {
            running.unlock();
        }
    }

    private RunResult evaluate(Instant at, String trigger, String by) {
        long started = System.nanoTime();
        long runId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "INSERT INTO reminder_run (at, trigger, started_by, started_at) VALUES (?1, ?2, ?3, ?4) RETURNING id")
                .setParameter(1, at).setParameter(2, trigger).setParameter(3, by).setParameter(4, clock.instant())
                .getSingleResult()).longValue());
        Map<String, Policy> all = policies.all();
        Map<String, LocalDate> sentThrough = sentThrough();
        List<Long> ownPlans = all.keySet().stream().filter(k -> !k.equals(PolicyStore.DEFAULT)).map(Long::valueOf).toList();
        long evaluated = 0;
        long sent = 0;
        long notified = 0;
        for (Map.Entry<String, Policy> entry : all.entrySet()) {
            Schedule schedule = new Schedule(entry.getValue(), days, at, sentThrough.get(entry.getKey()), config.catchUpDays());
            if (!schedule.active()) {
                LOG.debugf("run %d: %s is a day off for policy %s; nothing goes out", runId, schedule.today(), entry.getKey());
                continue;
            }
            PlanFilter plans = entry.getKey().equals(PolicyStore.DEFAULT)
                    ? new PlanFilter("NOT (plan_id = ANY(?))", ownPlans)
                    : new PlanFilter("plan_id = ANY(?)", List.of(Long.valueOf(entry.getKey())));
            List<Owed> owed = owed(schedule, plans);
            evaluated += owed.size();
            for (int from = 0; from < owed.size(); from += config.chunkSize()) {
                List<Owed> chunk = owed.subList(from, Math.min(owed.size(), from + config.chunkSize()));
                long[] counts = QuarkusTransaction.requiringNew().call(() -> record(runId, schedule, entry.getValue(), chunk));
                sent += counts[0];
                notified += counts[1];
            }
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "INSERT INTO reminder_watermark (policy_key, sent_through) VALUES (?1, ?2) ON CONFLICT (policy_key) "
                                    + "DO UPDATE SET sent_through = GREATEST(reminder_watermark.sent_through, EXCLUDED.sent_through)")
                    .setParameter(1, entry.getKey()).setParameter(2, schedule.lastSendDate()).executeUpdate());
        }
        long recorded = System.nanoTime();
        long e = evaluated;
        long s = sent;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE reminder_run SET finished_at = ?1, evaluated = ?2, sent = ?3, skipped = ?4 WHERE id = ?5")
                .setParameter(1, clock.instant()).setParameter(2, e).setParameter(3, s).setParameter(4, e - s)
                .setParameter(5, runId).executeUpdate());
        int digests = dispatcher.dispatchPending();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("reminder run %d as of %s (%s by %s): %d owed, %d sent, %d already sent, %d inbox entries, %d digests, "
                        + "%d ms (%d ms deciding and recording, %d ms dispatching)", runId, at, trigger, by, evaluated, sent,
                evaluated - sent, notified, digests, millis, (recorded - started) / 1_000_000, (System.nanoTime() - recorded) / 1_000_000);
        return new RunResult(runId, at, evaluated, sent, evaluated - sent, notified, digests, millis);
    }

    record PlanFilter(String sql, List<Long> planIds) {
    }

    @SuppressWarnings("unchecked")
    private Map<String, LocalDate> sentThrough() {
        Map<String, LocalDate> marks = new HashMap<>();
        QuarkusTransaction.requiringNew().call(() -> (List<Object[]>) em.createNativeQuery(
                        "SELECT policy_key, sent_through FROM reminder_watermark").getResultList())
                .forEach(row -> marks.put((String) row[0], row[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[1]));
        return marks;
    }

    /** Reads the open assignments that can owe something in this run and works out what they owe. */
    private List<Owed> owed(Schedule schedule, PlanFilter plans) {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(c -> {
            List<Owed> owed = new ArrayList<>();
            Map<String, String> shared = new HashMap<>();
            LocalDate earliest = null;
            try (PreparedStatement q = c.prepareStatement("SELECT min(due_date) FROM assignment_copy WHERE " + OPEN
                    + " AND due_date IS NOT NULL AND " + plans.sql())) {
                q.setArray(1, c.createArrayOf("bigint", plans.planIds().toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        earliest = rs.getObject(1, LocalDate.class);
                    }
                }
            }
            if (earliest != null) {
                Set<LocalDate> dueDates = schedule.candidateDueDates(earliest);
                try (PreparedStatement q = c.prepareStatement(select("due_date = ANY(?::date[])", plans))) {
                    q.setArray(1, dates(c, dueDates));
                    q.setArray(2, c.createArrayOf("bigint", plans.planIds().toArray()));
                    q.setFetchSize(5000);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            Candidate a = candidate(rs, shared);
                            for (Occasion o : schedule.fixed(a.dueDate())) {
                                owed.add(new Owed(a, o));
                            }
                        }
                    }
                }
            }
            List<LocalDate> anchors = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT anchor_date FROM assignment_copy WHERE " + OPEN
                    + " AND due_date IS NULL AND " + plans.sql())) {
                q.setArray(1, c.createArrayOf("bigint", plans.planIds().toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        anchors.add(rs.getObject(1, LocalDate.class));
                    }
                }
            }
            Set<LocalDate> due = schedule.anchorsDue(new java.util.HashSet<>(anchors));
            if (!due.isEmpty()) {
                try (PreparedStatement q = c.prepareStatement(select("due_date IS NULL AND anchor_date = ANY(?::date[])", plans)
                        .replace("SELECT ", "SELECT last_progress_at, anchor_date, "))) {
                    q.setArray(1, dates(c, due));
                    q.setArray(2, c.createArrayOf("bigint", plans.planIds().toArray()));
                    q.setFetchSize(5000);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            OffsetDateTime last = rs.getObject(1, OffsetDateTime.class);
                            LocalDate anchor = rs.getObject(2, LocalDate.class);
                            Candidate a = candidate(rs, 2, shared);
                            schedule.progress(anchor, last == null ? null : last.toInstant())
                                    .ifPresent(o -> owed.add(new Owed(a, o)));
                        }
                    }
                }
            }
            // one order for every replica: concurrent runs then wait on each other's keys instead of deadlocking
            owed.sort(Comparator.comparingLong((Owed o) -> o.assignment().id())
                    .thenComparing(o -> o.occasion().kind().name()).thenComparing(o -> o.occasion().date()));
            return owed;
        }));
    }

    private static String select(String condition, PlanFilter plans) {
        return "SELECT id, plan_id, task_id, task_number, task_requirement, unit_code, unit_name, due_date "
                + "FROM assignment_copy WHERE " + OPEN + " AND " + condition + " AND " + plans.sql();
    }

    private static Candidate candidate(ResultSet rs, Map<String, String> shared) throws SQLException {
        return candidate(rs, 0, shared);
    }

    /** {@code shared} keeps one copy of the texts that repeat (requirements, unit names): a large run holds many candidates. */
    private static Candidate candidate(ResultSet rs, int skip, Map<String, String> shared) throws SQLException {
        return new Candidate(rs.getLong(skip + 1), rs.getLong(skip + 2), rs.getLong(skip + 3), rs.getInt(skip + 4),
                share(shared, rs.getString(skip + 5)), share(shared, rs.getString(skip + 6)), share(shared, rs.getString(skip + 7)),
                rs.getObject(skip + 8, LocalDate.class));
    }

    private static String share(Map<String, String> shared, String text) {
        return text == null ? null : shared.computeIfAbsent(text, t -> t);
    }

    private static Array dates(Connection c, Set<LocalDate> dates) throws SQLException {
        return c.createArrayOf("text", dates.stream().map(LocalDate::toString).toArray());
    }

    /**
     * Records a chunk of owed reminders; those not recorded before get inbox entries: the unit, and for
     * an escalation also the task's lead units and the supervising office. Returns {sent, inbox entries}.
     */
    private long[] record(long runId, Schedule schedule, Policy policy, List<Owed> chunk) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Instant now = clock.instant();
            Map<String, Owed> byKey = new LinkedHashMap<>();
            for (Owed o : chunk) {
                byKey.put(key(o.assignment().id(), o.occasion().kind().name(), o.occasion().date()), o);
            }
            List<Owed> fresh = new ArrayList<>();
            try (PreparedStatement ins = c.prepareStatement("""
                    INSERT INTO reminder (assignment_id, kind, occasion, run_id, created_at)
                    SELECT a, k, o, ?, ? FROM unnest(?::bigint[], ?::text[], ?::date[]) AS t(a, k, o)
                    ON CONFLICT DO NOTHING RETURNING assignment_id, kind, occasion""")) {
                ins.setLong(1, runId);
                ins.setObject(2, now.atOffset(ZoneOffset.UTC));
                ins.setArray(3, c.createArrayOf("bigint", chunk.stream().map(o -> o.assignment().id()).toArray()));
                ins.setArray(4, c.createArrayOf("text", chunk.stream().map(o -> o.occasion().kind().name()).toArray()));
                ins.setArray(5, c.createArrayOf("text", chunk.stream().map(o -> o.occasion().date().toString()).toArray()));
                try (ResultSet rs = ins.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(byKey.get(key(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))));
                    }
                }
            }
            if (fresh.isEmpty()) {
                return new long[] {0, 0};
            }
            Map<Long, List<String[]>> leads = leadUnits(c, fresh);
            String officeName = unitName(c, config.officeUnit());
            NotificationRows rows = new NotificationRows();
            for (Owed o : fresh) {
                Candidate a = o.assignment();
                ReminderKind kind = o.occasion().kind();
                rows.add(a, o.occasion(), a.unitCode(), texts.reminder(kind, a.taskNumber(), a.dueDate(), schedule.today(),
                        a.requirement(), a.unitName(), a.unitName(), policy.ongoingReportEvery()), runId, now);
                if (kind == ReminderKind.ESCALATION) {
                    Map<String, String> also = new LinkedHashMap<>();
                    for (String[] lead : leads.getOrDefault(a.taskId(), List.of())) {
                        also.put(lead[0], lead[1]);
                    }
                    also.put(config.officeUnit(), officeName);
                    also.remove(a.unitCode());
                    also.forEach((code, name) -> rows.add(a, o.occasion(), code, texts.reminder(kind, a.taskNumber(),
                            a.dueDate(), schedule.today(), a.requirement(), a.unitName(), name, policy.ongoingReportEvery()),
                            runId, now));
                }
            }
            return new long[] {fresh.size(), rows.insert(c)};
        });
    }

    private static String key(long assignment, String kind, LocalDate occasion) {
        return assignment + "|" + kind + "|" + occasion;
    }

    /** The lead units (code, name) of the tasks that escalate in this chunk. */
    private static Map<Long, List<String[]>> leadUnits(Connection c, List<Owed> fresh) throws SQLException {
        Object[] tasks = fresh.stream().filter(o -> o.occasion().kind() == ReminderKind.ESCALATION)
                .map(o -> o.assignment().taskId()).distinct().toArray();
        Map<Long, List<String[]>> leads = new HashMap<>();
        if (tasks.length == 0) {
            return leads;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT task_id, unit_code, unit_name FROM assignment_copy "
                + "WHERE task_id = ANY(?) AND role = 'LEAD' AND active AND unit_code IS NOT NULL ORDER BY task_id, unit_code")) {
            q.setArray(1, c.createArrayOf("bigint", tasks));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    leads.computeIfAbsent(rs.getLong(1), t -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return leads;
    }

    private static String unitName(Connection c, String code) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT name FROM unit_contact WHERE code = ?")) {
            q.setString(1, code);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : code;
            }
        }
    }

    /** Inbox entries of a chunk, inserted in one statement. */
    private static final class NotificationRows {
        final List<Object> unit = new ArrayList<>();
        final List<Object> assignment = new ArrayList<>();
        final List<Object> plan = new ArrayList<>();
        final List<Object> task = new ArrayList<>();
        final List<Object> kind = new ArrayList<>();
        final List<Object> occasion = new ArrayList<>();
        final List<Object> due = new ArrayList<>();
        final List<Object> title = new ArrayList<>();
        final List<Object> body = new ArrayList<>();
        long runId;
        Instant at;

        void add(Candidate a, Occasion o, String recipient, ReminderTexts.Text text, long runId, Instant at) {
            unit.add(recipient);
            assignment.add(a.id());
            plan.add(a.planId());
            task.add(a.taskNumber());
            kind.add(o.kind().name());
            occasion.add(o.date().toString());
            due.add(a.dueDate() == null ? null : a.dueDate().toString());
            title.add(text.title());
            body.add(text.body());
            this.runId = runId;
            this.at = at;
        }

        int insert(Connection c) throws SQLException {
            try (PreparedStatement ins = c.prepareStatement("""
                    INSERT INTO notification (unit_code, assignment_id, plan_id, task_number, kind, occasion, due_date,
                        title, body, created_at, run_id)
                    SELECT u, a, p, t, k, o, d, ti, b, ?, ?
                    FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::date[], ?::date[], ?::text[], ?::text[])
                        AS n(u, a, p, t, k, o, d, ti, b)
                    ON CONFLICT DO NOTHING""")) {
                ins.setObject(1, at.atOffset(ZoneOffset.UTC));
                ins.setLong(2, runId);
                ins.setArray(3, c.createArrayOf("text", unit.toArray()));
                ins.setArray(4, c.createArrayOf("bigint", assignment.toArray()));
                ins.setArray(5, c.createArrayOf("bigint", plan.toArray()));
                ins.setArray(6, c.createArrayOf("int4", task.toArray()));
                ins.setArray(7, c.createArrayOf("text", kind.toArray()));
                ins.setArray(8, c.createArrayOf("text", occasion.toArray()));
                ins.setArray(9, c.createArrayOf("text", due.toArray()));
                ins.setArray(10, c.createArrayOf("text", title.toArray()));
                ins.setArray(11, c.createArrayOf("text", body.toArray()));
                return ins.executeUpdate();
            }
        }
    }
}
