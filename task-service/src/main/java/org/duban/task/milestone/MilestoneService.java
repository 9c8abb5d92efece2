package org.duban.task.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.duban.events.AssignmentEvent.MilestoneChanged;
import org.duban.events.MilestoneSnapshot;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.api.Versions;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.duban.task.assignment.Assignment;
import org.duban.task.assignment.AssignmentJournal;
import org.duban.task.assignment.AssignmentService;
import org.duban.task.evidence.Evidence;
import org.duban.task.assignment.AssignmentStatus;
import org.duban.task.assignment.DueDateMoved;
import org.duban.task.assignment.GroupResolved;
import org.duban.task.plan.PlanCalendar;
import org.duban.task.plan.Task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Milestones (节点) inside assignments. The office sets them on any assignment, or on every open assignment of
 * a task at once (task 38: the lead departments send their work plan within a month); a unit plans its own on
 * its own assignments and may change or remove only those; only the assignment's own unit reports one done. A
 * milestone is due no later than its assignment. Every change touches the assignment (its version and
 * {@code updatedAt} move) and goes through {@link AssignmentJournal}: a history entry, the event
 * {@code duban.assignment.milestone-changed} and an entry in the OA sync feed. Writes lock the assignment's row,
 * so its due date and its milestones are checked against each other as they stand.
 */
@ApplicationScoped
public class MilestoneService {

    private final AssignmentService assignments;
    private final AssignmentJournal journal;
    private final PlanCalendar calendar;
    private final CurrentUser user;
    private final Evidence evidence;

    MilestoneService(AssignmentService assignments, AssignmentJournal journal, PlanCalendar calendar, CurrentUser user,
                     Evidence evidence) {
        this.evidence = evidence;
        this.assignments = assignments;
        this.journal = journal;
        this.calendar = calendar;
        this.user = user;
    }

    /** The milestones of an assignment the caller may see, by due date. */
    public List<Milestone> list(long assignmentId) {
        assignments.visible(assignmentId);
        return Milestone.list("assignmentId = ?1 order by dueDate, id", assignmentId);
    }

    /** One milestone, if the caller may see its assignment. */
    public Milestone get(long id) {
        Milestone m = find(id);
        assignments.visible(m.assignmentId);
        return m;
    }

    /** A milestone on one assignment: by the office (set by OFFICE) or by the assignment's own unit (set by UNIT). */
    @Transactional
    public Milestone create(long assignmentId, String title, LocalDate dueDate) {
        Assignment a = assignments.visibleLocked(assignmentId);
        Milestone.SetBy setBy;
        if (user.is(Roles.ADMIN)) {
            setBy = Milestone.SetBy.OFFICE;
            requireNotReplaced(a);
        } else {
            user.requireOwnUnit(a.unitCode);
            AssignmentService.requireActionable(a);
            setBy = Milestone.SetBy.UNIT;
        }
        requireOpen(a);
        if (!MilestoneBounds.fits(dueDate, a.dueDate)) {
            throw ProblemException.validation(List.of(new Problem.FieldError("dueDate",
                    "must be on or before the assignment's due date " + a.dueDate)));
        }
        return add(a, title, dueDate, setBy, user.username());
    }

    /**
     * The same milestone on every assignment of a task that is not completed or replaced (a group still waiting
     * for its units included: its milestones go to the units when the office names them), or only on those of
     * {@code role}. All or nothing: 400 when an assignment is due before {@code dueDate}, 422 when none is left.
     */
    @Transactional
    public List<Milestone> createForTask(long taskId, String title, LocalDate dueDate, Assignment.Role role) {
        Task task = Task.findById(taskId);
        if (task == null) {
            throw ProblemException.notFound("No task has the id " + taskId);
        }
        List<Assignment> targets = Assignment.<Assignment>find("taskId = ?1 and superseded = false and status <> ?2 order by id",
                        taskId, AssignmentStatus.COMPLETED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).stream()
                .filter(a -> role == null || a.role == role).toList();
        if (targets.isEmpty()) {
            throw ProblemException.unprocessable("no-assignments", "Task " + task.number + " has no open assignment"
                    + (role == null ? "" : " of the role " + role) + " to set a milestone on",
                    role == null ? List.of() : List.of(new Problem.FieldError("role", "no open assignment of task "
                            + task.number + " has the role " + role)));
        }
        List<String> earlier = targets.stream().filter(a -> !MilestoneBounds.fits(dueDate, a.dueDate))
                .map(a -> a.unitName + " (" + a.dueDate + ")").toList();
        if (!earlier.isEmpty()) {
            throw ProblemException.validation(List.of(new Problem.FieldError("dueDate",
                    "must be on or before the due date of every assignment it goes on; due earlier: "
                            + String.join("、", earlier.subList(0, Math.min(5, earlier.size())))
                            + (earlier.size() > 5 ? " and " + (earlier.size() - 5) + " more" : ""))));
        }
        List<Milestone> created = new ArrayList<>(targets.size());
        for (Assignment a : targets) {
            created.add(add(a, title, dueDate, Milestone.SetBy.OFFICE, user.username()));
        }
        return created;
    }

    /** A new title and due date (If-Match); a done milestone stays as it was. Nothing changed: nothing published. */
    @Transactional
    public Milestone update(long id, long expectedVersion, String title, LocalDate dueDate) {
        Assignment a = assignments.visibleLocked(assignmentOf(id));
        Milestone m = find(id);
        requireMayChange(a, m);
        requireOpen(a);
        if (m.status == Milestone.Status.DONE) {
            throw ProblemException.conflict("milestone-done", "Milestone " + id + " is done; it is kept as it was reported");
        }
        Versions.check(expectedVersion, m.version, "Milestone " + id);
        if (!MilestoneBounds.fits(dueDate, a.dueDate)) {
            throw ProblemException.validation(List.of(new Problem.FieldError("dueDate",
                    "must be on or before the assignment's due date " + a.dueDate)));
        }
        if (m.title.equals(title) && m.dueDate.equals(dueDate)) {
            return m;
        }
        LocalDate from = m.dueDate;
        m.title = title;
        m.dueDate = dueDate;
        changed(a, m, MilestoneChanged.UPDATED, from.equals(dueDate) ? null : from, from.equals(dueDate) ? null : dueDate,
                user.username());
        return m;
    }

    /** Removes a milestone (If-Match). A done one only the office removes. */
    @Transactional
    public void delete(long id, long expectedVersion) {
        Assignment a = assignments.visibleLocked(assignmentOf(id));
        Milestone m = find(id);
        requireMayChange(a, m);
        if (m.status == Milestone.Status.DONE && !user.is(Roles.ADMIN)) {
            throw ProblemException.conflict("milestone-done", "Milestone " + id + " is done; only the office may remove it");
        }
        Versions.check(expectedVersion, m.version, "Milestone " + id);
        MilestoneSnapshot last = MilestoneView.of(m, calendar.today()).snapshot();
        m.delete();
        a.updatedAt = calendar.now();
        journal.milestoneChanged(a, MilestoneChanged.DELETED, () -> last, null, null, user.username());
    }

    /**
     * The assignment's own unit reports a milestone done, with a note and the ids of its evidence (kept as given,
     * duplicates dropped; each must be one of the assignment's attachments, else 400, and is cited from then on). If-Match is
     * optional: when given it must be current. Done once: a second report answers 409.
     */
    @Transactional
    public Milestone complete(long id, Long expectedVersion, String note, List<Long> attachmentIds) {
        Assignment a = assignments.visibleLocked(assignmentOf(id));
        Milestone m = find(id);
        user.requireOwnUnit(a.unitCode);
        AssignmentService.requireActionable(a);
        requireOpen(a);
        if (m.status == Milestone.Status.DONE) {
            throw ProblemException.conflict("milestone-done", "Milestone " + id + " was already reported done at " + m.doneAt);
        }
        if (expectedVersion != null) {
            Versions.check(expectedVersion, m.version, "Milestone " + id);
        }
        m.status = Milestone.Status.DONE;
        m.doneAt = calendar.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored: the answer shows what a read will
        m.doneBy = user.username();
        m.note = note;
        m.attachmentIds.clear();
        m.attachmentIds.addAll(evidence.requireAttachments(a.id, attachmentIds).stream().map(f -> f.id).toList());
        changed(a, m, MilestoneChanged.COMPLETED, null, null, user.username());
        return m;
    }

    /**
     * Keeps the open milestones of an assignment within its due date when the date moves earlier: each one due
     * later moves to the new date (UPDATED). Extension requests only move a due date later, so today this changes
     * nothing for them; it holds the rule for any way a due date may come to move.
     */
    void keepWithin(@Observes DueDateMoved moved) {
        Assignment a = moved.assignment();
        List<Milestone> open = Milestone.list("assignmentId = ?1 and status = ?2 order by dueDate, id", a.id, Milestone.Status.OPEN);
        for (Milestone m : open) {
            LocalDate to = MilestoneBounds.within(m.dueDate, a.dueDate);
            if (!to.equals(m.dueDate)) {
                LocalDate from = m.dueDate;
                m.dueDate = to;
                changed(a, m, MilestoneChanged.UPDATED, from, to, moved.by());
            }
        }
    }

    /** A group's open milestones go to each unit the office names for it (set by and title kept). */
    void copyToNamedUnits(@Observes GroupResolved resolved) {
        List<Milestone> open = Milestone.list("assignmentId = ?1 and status = ?2 order by dueDate, id",
                resolved.group().id, Milestone.Status.OPEN);
        for (Assignment a : resolved.named()) {
            for (Milestone m : open) {
                add(a, m.title, MilestoneBounds.within(m.dueDate, a.dueDate), m.setBy, resolved.by());
            }
        }
    }

    private Milestone add(Assignment a, String title, LocalDate dueDate, Milestone.SetBy setBy, String by) {
        Milestone m = new Milestone();
        m.assignmentId = a.id;
        m.title = title;
        m.dueDate = dueDate;
        m.setBy = setBy;
        m.createdAt = calendar.now();
        m.createdBy = by;
        m.updatedAt = m.createdAt;
        m.persist();
        journal(a, m, MilestoneChanged.CREATED, null, null, by);
        return m;
    }

    /** Touches the milestone, then journals the change. */
    private void changed(Assignment a, Milestone m, String change, LocalDate from, LocalDate to, String by) {
        m.updatedAt = calendar.now();
        journal(a, m, change, from, to, by);
    }

    /** Touches the assignment and journals the change; the snapshot is read after the flush, with its new version. */
    private void journal(Assignment a, Milestone m, String change, LocalDate from, LocalDate to, String by) {
        a.updatedAt = m.updatedAt;
        journal.milestoneChanged(a, change, () -> MilestoneView.of(m, calendar.today()).snapshot(), from, to, by);
    }

    /** The office changes any milestone; a unit only those it planned itself on its own assignments. */
    private void requireMayChange(Assignment a, Milestone m) {
        if (user.is(Roles.ADMIN)) {
            return;
        }
        user.requireOwnUnit(a.unitCode);
        if (m.setBy != Milestone.SetBy.UNIT) {
            throw CurrentUser.forbidden("Milestone " + m.id + " was set by the supervising office; only the office changes it");
        }
    }

    private static void requireOpen(Assignment a) {
        if (a.status == AssignmentStatus.COMPLETED) {
            throw ProblemException.conflict("assignment-completed", "Assignment " + a.id + " is completed; its milestones are closed");
        }
    }

    private static void requireNotReplaced(Assignment a) {
        if (a.superseded) {
            throw ProblemException.conflict("assignment-replaced",
                    "Assignment " + a.id + " was replaced by the units the office named; set milestones on theirs");
        }
    }

    /**
     * The assignment a milestone belongs to, read without loading the milestone: writers lock the assignment
     * first and only then read the milestone, so they see what the writer before them left.
     */
    private static long assignmentOf(long id) {
        return Milestone.getEntityManager().createQuery("select m.assignmentId from Milestone m where m.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("No milestone has the id " + id));
    }

    private static Milestone find(long id) {
        Milestone m = Milestone.findById(id);
        if (m == null) {
            throw ProblemException.notFound("No milestone has the id " + id);
        }
        return m;
    }
}
