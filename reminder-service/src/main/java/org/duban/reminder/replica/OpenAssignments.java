package org.duban.reminder.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a reminder run reads from the replica's {@code assignment_copy} and {@code milestone_copy}: the open
 * assignments of a policy's plans — those with a fixed due date by due date, ONGOING ones by the day their work
 * began, those not signed for by the day they were issued — and their open milestones by due date, each through
 * its partial index ({@code assignment_copy_open_due}, {@code assignment_copy_open_ongoing},
 * {@code assignment_copy_unsigned}, {@code milestone_copy_open_due}), so a run reads what can be due, not every
 * assignment. Called inside the run's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OpenAssignments {

    /** Open: not started or in progress, of a named unit, not replaced — the partial indexes' condition. */
    private static final String OPEN = "active AND unit_code IS NOT NULL AND status IN ('NOT_STARTED', 'IN_PROGRESS')";
    /** Not started and not signed for (签收) — the partial index assignment_copy_unsigned's condition. */
    private static final String UNSIGNED = "active AND unit_code IS NOT NULL AND status = 'NOT_STARTED' AND acknowledged_at IS NULL";
    private static final String COLUMNS = "id, plan_id, task_id, task_number, task_requirement, unit_code, unit_name, due_date";
    /** The same as OPEN and COLUMNS, of assignment_copy {@code a} joined to its milestones. */
    private static final String A_OPEN = "a.active AND a.unit_code IS NOT NULL AND a.status IN ('NOT_STARTED', 'IN_PROGRESS')";
    private static final String A_COLUMNS = "a.id, a.plan_id, a.task_id, a.task_number, a.task_requirement, a.unit_code, "
            + "a.unit_name, a.due_date";
    private static final int FETCH_SIZE = 5000;

    /**
     * The statements for each kind of plan scope: they differ only in the plan condition, fixed text either
     * way ({@code plan_id = ANY(?)} lets a plan's own policy read just its plan from the index).
     */
    private record Statements(String earliestDue, String dueOn, String startDays, String startedOn, String issueDays,
                              String issuedOn, String milestonesDueOn) {

        /** {@code plans} and {@code aPlans}: the plan condition on assignment_copy, bare and as {@code a}. */
        static Statements where(String plans, String aPlans) {
            String open = " FROM assignment_copy WHERE " + OPEN + " AND ";
            String unsigned = " FROM assignment_copy WHERE " + UNSIGNED + " AND ";
            return new Statements(
                    "SELECT min(due_date)" + open + "due_date IS NOT NULL AND " + plans,
                    "SELECT " + COLUMNS + open + "due_date = ANY(?::date[]) AND " + plans,
                    "SELECT DISTINCT anchor_date" + open + "due_date IS NULL AND " + plans,
                    "SELECT " + COLUMNS + ", anchor_date, last_progress_at" + open
                            + "due_date IS NULL AND anchor_date = ANY(?::date[]) AND " + plans,
                    "SELECT DISTINCT anchor_date" + unsigned + plans,
                    "SELECT " + COLUMNS + ", anchor_date" + unsigned + "anchor_date = ANY(?::date[]) AND " + plans,
                    "SELECT " + A_COLUMNS + ", m.id, m.title, m.due_date"
                            + " FROM milestone_copy m JOIN assignment_copy a ON a.id = m.assignment_id"
                            + " WHERE m.active AND m.status = 'OPEN' AND m.due_date = ANY(?::date[]) AND " + A_OPEN + " AND " + aPlans);
        }
    }

    private static final Statements ONLY = Statements.where("plan_id = ANY(?)", "a.plan_id = ANY(?)");
    private static final Statements ALL_BUT = Statements.where("NOT (plan_id = ANY(?))", "NOT (a.plan_id = ANY(?))");

    private final EntityManager em;

    OpenAssignments(EntityManager em) {
        this.em = em;
    }

    /** The earliest due date of any open assignment of these plans (OVERDUE repeats reach back to it). */
    public Optional<LocalDate> earliestDueDate(PlanScope plans) {
        return work(c -> {
            try (PreparedStatement q = c.prepareStatement(statements(plans).earliestDue())) {
                q.setArray(1, planIds(c, plans));
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getObject(1, LocalDate.class)) : Optional.empty();
                }
            }
        });
    }

    /** The open assignments of these plans due on one of {@code dueDates}. */
    public List<OpenAssignment> dueOn(PlanScope plans, Collection<LocalDate> dueDates) {
        if (dueDates.isEmpty()) {
            return List.of();
        }
        return work(c -> {
            List<OpenAssignment> found = new ArrayList<>();
            Map<String, String> shared = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(statements(plans).dueOn())) {
                q.setArray(1, dates(c, dueDates));
                q.setArray(2, planIds(c, plans));
                q.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(assignment(rs, shared));
                    }
                }
            }
            return found;
        });
    }

    /** The days on which the ONGOING work of these plans that is still open began. */
    public Set<LocalDate> ongoingStartDays(PlanScope plans) {
        return work(c -> {
            Set<LocalDate> days = new HashSet<>();
            try (PreparedStatement q = c.prepareStatement(statements(plans).startDays())) {
                q.setArray(1, planIds(c, plans));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        days.add(rs.getObject(1, LocalDate.class));
                    }
                }
            }
            return days;
        });
    }

    /** The open ONGOING assignments of these plans whose work began on one of {@code startDays}. */
    public List<OngoingAssignment> ongoingStartedOn(PlanScope plans, Collection<LocalDate> startDays) {
        if (startDays.isEmpty()) {
            return List.of();
        }
        return work(c -> {
            List<OngoingAssignment> found = new ArrayList<>();
            Map<String, String> shared = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(statements(plans).startedOn())) {
                q.setArray(1, dates(c, startDays));
                q.setArray(2, planIds(c, plans));
                q.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime last = rs.getObject(10, OffsetDateTime.class);
                        found.add(new OngoingAssignment(assignment(rs, shared), rs.getObject(9, LocalDate.class),
                                last == null ? null : last.toInstant()));
                    }
                }
            }
            return found;
        });
    }

    /** The days on which the work of these plans that is not started and not signed for was issued. */
    public Set<LocalDate> unsignedIssueDays(PlanScope plans) {
        return work(c -> {
            Set<LocalDate> days = new HashSet<>();
            try (PreparedStatement q = c.prepareStatement(statements(plans).issueDays())) {
                q.setArray(1, planIds(c, plans));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        days.add(rs.getObject(1, LocalDate.class));
                    }
                }
            }
            return days;
        });
    }

    /** The work of these plans issued on one of {@code issueDays}, not started and not signed for. */
    public List<UnsignedAssignment> unsignedIssuedOn(PlanScope plans, Collection<LocalDate> issueDays) {
        if (issueDays.isEmpty()) {
            return List.of();
        }
        return work(c -> {
            List<UnsignedAssignment> found = new ArrayList<>();
            Map<String, String> shared = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(statements(plans).issuedOn())) {
                q.setArray(1, dates(c, issueDays));
                q.setArray(2, planIds(c, plans));
                q.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(new UnsignedAssignment(assignment(rs, shared), rs.getObject(9, LocalDate.class)));
                    }
                }
            }
            return found;
        });
    }

    /** The open milestones due on one of {@code dueDates} of the open assignments of these plans. */
    public List<OpenMilestone> milestonesDueOn(PlanScope plans, Collection<LocalDate> dueDates) {
        if (dueDates.isEmpty()) {
            return List.of();
        }
        return work(c -> {
            List<OpenMilestone> found = new ArrayList<>();
            Map<String, String> shared = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(statements(plans).milestonesDueOn())) {
                q.setArray(1, dates(c, dueDates));
                q.setArray(2, planIds(c, plans));
                q.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(new OpenMilestone(assignment(rs, shared), rs.getLong(9), rs.getString(10),
                                rs.getObject(11, LocalDate.class)));
                    }
                }
            }
            return found;
        });
    }

    private static Statements statements(PlanScope plans) {
        return plans.allBut() ? ALL_BUT : ONLY;
    }

    /** {@code shared} keeps one copy of the texts that repeat (requirements, unit names): a large run holds many. */
    private static OpenAssignment assignment(ResultSet rs, Map<String, String> shared) throws SQLException {
        return new OpenAssignment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), share(shared, rs.getString(5)),
                share(shared, rs.getString(6)), share(shared, rs.getString(7)), rs.getObject(8, LocalDate.class));
    }

    private static String share(Map<String, String> shared, String text) {
        return text == null ? null : shared.computeIfAbsent(text, t -> t);
    }

    private static Array planIds(Connection c, PlanScope plans) throws SQLException {
        return c.createArrayOf("bigint", plans.planIds().toArray());
    }

    private static Array dates(Connection c, Collection<LocalDate> dates) throws SQLException {
        return c.createArrayOf("text", dates.stream().map(LocalDate::toString).toArray());
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
