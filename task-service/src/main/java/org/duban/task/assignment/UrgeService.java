package org.duban.task.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.duban.events.AssignmentEvent;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.duban.task.plan.Plan;
import org.duban.task.plan.PlanCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * 催办: the office, a lead unit of the task, or the unit that delegated the assignment nudges its unit. At most one urge
 * per assignment per sender (the office as one sender, or a unit) per day in Asia/Shanghai — the unique key of
 * {@code assignment_urge} decides, so two at once are one. The event {@code duban.assignment.urged} tells
 * reminder-service, which reaches the unit on every channel it uses (notification kind {@code URGE}).
 */
@ApplicationScoped
public class UrgeService {

    static final ZoneId ZONE = ZoneId.of(Plan.DEFAULT_TIME_ZONE);

    private final EntityManager em;
    private final AssignmentJournal journal;
    private final PlanCalendar calendar;
    private final CurrentUser user;
    private final AssignmentAccess access;

    UrgeService(EntityManager em, AssignmentJournal journal, PlanCalendar calendar, CurrentUser user, AssignmentAccess access) {
        this.em = em;
        this.journal = journal;
        this.calendar = calendar;
        this.user = user;
        this.access = access;
    }

    /** What was sent. */
    public record Urge(long assignmentId, String message, String by, String senderUnitCode, String senderRole, Instant urgedAt) {
    }

    /** The second urge of a sender on one day: 429, to be tried again after {@code retryAfterSeconds}. */
    public static final class AlreadyUrged extends ProblemException {
        private final long retryAfterSeconds;

        AlreadyUrged(String detail, long retryAfterSeconds) {
            super(429, "already-urged", "Too many requests", detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Transactional
    public Urge urge(long id, String message) {
        Assignment a = Assignment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("No assignment has the id " + id);
        }
        String role = senderRole(a);
        AssignmentService.requireActionable(a);
        if (a.status == AssignmentStatus.COMPLETED) {
            throw ProblemException.conflict("assignment-completed", "该项任务已办结，无需催办 (assignment " + id + " is completed)");
        }
        String senderUnit = AssignmentEvent.Urged.OFFICE.equals(role) ? null : access.unit().orElseThrow();
        Instant now = calendar.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        LocalDate day = LocalDate.ofInstant(now, ZONE);
        int inserted = em.createNativeQuery("""
                        INSERT INTO assignment_urge (assignment_id, sender, sender_role, urged_on, message, urged_by, urged_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (assignment_id, sender, urged_on) DO NOTHING""")
                .setParameter(1, id).setParameter(2, senderUnit == null ? AssignmentEvent.Urged.OFFICE : senderUnit)
                .setParameter(3, role).setParameter(4, day).setParameter(5, message).setParameter(6, user.username())
                .setParameter(7, now).executeUpdate();
        if (inserted == 0) {
            long seconds = Math.max(1, Duration.between(now, day.plusDays(1).atStartOfDay(ZONE).toInstant()).toSeconds());
            throw new AlreadyUrged("今天已就该项任务催办过" + a.unitName + "，每个单位每天对同一项任务只能催办一次，请明天再催 "
                    + "(assignment " + id + " was urged by this sender today; one urge per assignment per sender per day)", seconds);
        }
        a.updatedAt = now;
        String sender = senderUnit == null ? "督办机关" : senderUnit;
        journal.urged(a, message, user.username(), senderUnit, role, now, sender + "（" + roleLabel(role) + "）催办：" + message);
        return new Urge(id, message, user.username(), senderUnit, role, now);
    }

    /** OFFICE, DELEGATOR or LEAD; 403 for anyone else. */
    private String senderRole(Assignment a) {
        if (user.is(Roles.ADMIN)) {
            return AssignmentEvent.Urged.OFFICE;
        }
        if (access.delegated(a)) {
            return AssignmentEvent.Urged.DELEGATOR;
        }
        String unit = access.unit().orElse(null);
        if (unit != null && !unit.equals(a.unitCode) && access.leads(a.taskId, unit)) {
            return AssignmentEvent.Urged.LEAD;
        }
        throw CurrentUser.forbidden("只有督办机关、本项任务的牵头单位或交办单位可以催办 "
                + "(only the office, a lead unit of the task or the delegating unit may urge)");
    }

    private static String roleLabel(String role) {
        return switch (role) {
            case AssignmentEvent.Urged.OFFICE -> "督办机关";
            case AssignmentEvent.Urged.LEAD -> "牵头单位";
            default -> "交办单位";
        };
    }
}
