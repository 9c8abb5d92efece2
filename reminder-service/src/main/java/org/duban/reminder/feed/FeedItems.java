package org.duban.reminder.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What a unit's feed shows, from reminder-service's copy: the fixed due dates of its open assignments and the open
 * milestones (节点) of those — "open" as the reminders count it ({@code NOT_STARTED}, {@code IN_PROGRESS}; submitted
 * work waits for the office, completed work is done), active, not removed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FeedItems {

    /** An open assignment with a fixed due date. */
    public record Due(long assignmentId, long planId, int taskNumber, String requirement, String role, String status,
                      LocalDate dueDate, long version, Instant updatedAt) {
    }

    /** An open milestone of an open assignment. */
    public record Milestone(long milestoneId, long assignmentId, long planId, int taskNumber, String requirement, String title,
                            LocalDate dueDate, long version, Instant updatedAt) {
    }

    private final EntityManager em;

    FeedItems(EntityManager em) {
        this.em = em;
    }

    /** The unit's name as the replica knows it; empty when neither its units nor its assignments name it. */
    public Optional<String> unitName(String unitCode) {
        List<?> names = em.createNativeQuery("""
                        SELECT name FROM unit_contact WHERE code = ?1
                        UNION ALL
                        (SELECT coalesce(unit_name, unit_code) FROM assignment_copy WHERE unit_code = ?1 LIMIT 1)""")
                .setParameter(1, unitCode).getResultList();
        return names.isEmpty() ? Optional.empty() : Optional.of((String) names.get(0));
    }

    public List<Due> dueDates(String unitCode) {
        List<?> rows = em.createNativeQuery("""
                        SELECT id, plan_id, task_number, coalesce(task_requirement, ''), role, status, due_date, version, updated_at
                        FROM assignment_copy
                        WHERE unit_code = ?1 AND active AND status IN ('NOT_STARTED', 'IN_PROGRESS') AND due_date IS NOT NULL
                        ORDER BY due_date, id""")
                .setParameter(1, unitCode).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Due(number(r[0]), number(r[1]), (int) number(r[2]),
                (String) r[3], (String) r[4], (String) r[5], date(r[6]), number(r[7]), instant(r[8]))).toList();
    }

    public List<Milestone> milestones(String unitCode) {
        List<?> rows = em.createNativeQuery("""
                        SELECT m.id, a.id, a.plan_id, a.task_number, coalesce(a.task_requirement, ''), m.title, m.due_date,
                               m.version, m.updated_at
                        FROM milestone_copy m JOIN assignment_copy a ON a.id = m.assignment_id
                        WHERE a.unit_code = ?1 AND a.active AND a.status IN ('NOT_STARTED', 'IN_PROGRESS')
                          AND m.active AND m.status = 'OPEN'
                        ORDER BY m.due_date, m.id""")
                .setParameter(1, unitCode).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Milestone(number(r[0]), number(r[1]), number(r[2]),
                (int) number(r[3]), (String) r[4], (String) r[5], date(r[6]), number(r[7]), instant(r[8]))).toList();
    }

    /**
     * The latest change that can alter the unit's feed: any of its assignments or their milestones (also those that
     * just left it), and any reminder policy (the alarms).
     */
    public Optional<Instant> lastChange(String unitCode) {
        Object latest = em.createNativeQuery("""
                        SELECT greatest(
                            (SELECT max(updated_at) FROM assignment_copy WHERE unit_code = ?1),
                            (SELECT max(m.updated_at) FROM milestone_copy m JOIN assignment_copy a ON a.id = m.assignment_id
                             WHERE a.unit_code = ?1),
                            (SELECT max(updated_at) FROM reminder_policy))""")
                .setParameter(1, unitCode).getSingleResult();
        return Optional.ofNullable(latest).map(FeedItems::instant);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
