package org.duban.task.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.api.Versions;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.duban.task.evidence.Attachment;
import org.duban.task.evidence.Evidence;
import org.duban.task.plan.PlanCalendar;
import org.duban.task.units.UnitDirectoryClient;
import org.duban.task.units.UnitServiceApi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;


/** What units and the office do with assignments: the status workflow, progress, extensions, naming units. */
@ApplicationScoped
public class AssignmentService {

    private final AssignmentJournal journal;
    private final PlanCalendar calendar;
    private final CurrentUser user;
    private final UnitDirectoryClient units;
    private final Event<DueDateMoved> dueDateMoved;
    private final Event<GroupResolved> groupResolved;
    private final Evidence evidence;
    private final AssignmentAccess access;
    private final DelegationService delegations;

    AssignmentService(AssignmentJournal journal, PlanCalendar calendar, CurrentUser user, UnitDirectoryClient units,
                      Event<DueDateMoved> dueDateMoved, Event<GroupResolved> groupResolved, Evidence evidence,
                      AssignmentAccess access, DelegationService delegations) {
        this.access = access;
        this.delegations = delegations;
        this.journal = journal;
        this.calendar = calendar;
        this.user = user;
        this.units = units;
        this.dueDateMoved = dueDateMoved;
        this.groupResolved = groupResolved;
        this.evidence = evidence;
    }

    /** The assignment, if the caller may see it (403 for another unit's). */
    public Assignment visible(long id) {
        return visible(id, LockModeType.NONE);
    }

    /** The assignment, if the caller may see it (403 for another unit's), locked for this transaction. */
    public Assignment visibleLocked(long id) {
        return visible(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private Assignment visible(long id, LockModeType lock) {
        Assignment a = find(id, lock);
        access.requireRead(a);
        return a;
    }

    @Transactional
    public Assignment transition(long id, long expectedVersion, AssignmentStatus to, String note) {
        return transition(id, expectedVersion, to, note, List.of());
    }

    /** A move that cites evidence files of this assignment (a submission with its 佐证材料, say). */
    @Transactional
    public Assignment transition(long id, long expectedVersion, AssignmentStatus to, String note, List<Long> attachmentIds) {
        Assignment a = visible(id);
        AssignmentStatus.Mover mover = a.status.mover(to).orElseThrow(() -> ProblemException.conflict("illegal-transition",
                "An assignment cannot move from " + a.status + " to " + to));
        if (mover == AssignmentStatus.Mover.OFFICE) {
            access.requireSupervisor(a, "move an assignment from " + a.status + " to " + to);
        } else {
            requireActionable(a);
            user.requireOwnUnit(a.unitCode);
        }
        Versions.check(expectedVersion, a.version, "Assignment " + id);
        if (to == AssignmentStatus.SUBMITTED) {
            delegations.requireChildrenDone(a);
        }
        List<Long> cited = ids(evidence.requireAttachments(id, attachmentIds));
        AssignmentStatus from = a.status;
        a.status = to;
        a.updatedAt = calendar.now();
        journal.statusChanged(a, from, to, user.username(), note, cited);
        delegations.childMoved(a, user.username());
        return a;
    }

    /**
     * 签收: the assignment's own unit signs for it. Idempotent: once signed, signing again changes nothing and
     * answers the first signature (who and when), without a second event. The row lock makes two signatures at
     * once one: the second sees the first.
     */
    @Transactional
    public Assignment acknowledge(long id) {
        Assignment a = visible(id, LockModeType.PESSIMISTIC_WRITE);
        requireActionable(a);
        user.requireOwnUnit(a.unitCode);
        if (a.acknowledgedAt == null) {
            // as the database keeps it (microseconds), so that the first answer shows what every later one will
            a.acknowledgedAt = calendar.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            a.acknowledgedBy = user.username();
            a.updatedAt = a.acknowledgedAt;
            journal.acknowledged(a, a.acknowledgedBy);
        }
        return a;
    }

    /** A progress report (台账); the first one also starts the work. */
    @Transactional
    public Assignment reportProgress(long id, String text, Integer percent) {
        return reportProgress(id, text, percent, List.of());
    }

    /** A progress report citing evidence files of this assignment. */
    @Transactional
    public Assignment reportProgress(long id, String text, Integer percent, List<Long> attachmentIds) {
        Assignment a = ownOpenWork(id);
        List<Long> cited = ids(evidence.requireAttachments(id, attachmentIds));
        if (a.status == AssignmentStatus.NOT_STARTED) {
            a.status = AssignmentStatus.IN_PROGRESS;
            a.updatedAt = calendar.now();
            journal.statusChanged(a, AssignmentStatus.NOT_STARTED, AssignmentStatus.IN_PROGRESS, user.username(),
                    "started with the first progress report");
            delegations.childMoved(a, user.username());
        }
        a.progressPercent = percent != null ? percent : a.progressPercent;
        a.lastProgressAt = calendar.now();
        a.updatedAt = a.lastProgressAt;
        journal.progressReported(a, text, percent, user.username(), cited);
        return a;
    }

    private static List<Long> ids(List<Attachment> attachments) {
        return attachments.stream().map(f -> f.id).toList();
    }

    @Transactional
    public ExtensionRequest requestExtension(long id, LocalDate until, String reason) {
        Assignment a = ownOpenWork(id);
        if (a.dueDate == null) {
            throw ProblemException.conflict("no-due-date", "Assignment " + id + " is ongoing work without a due date");
        }
        if (!until.isAfter(a.dueDate)) {
            throw ProblemException.validation(List.of(new Problem.FieldError("until", "must be after the current due date " + a.dueDate)));
        }
        if (ExtensionRequest.count("assignmentId = ?1 and status = ?2", id, ExtensionRequest.Status.PENDING) > 0) {
            throw ProblemException.conflict("extension-pending", "Assignment " + id + " already has an extension request waiting for a decision");
        }
        ExtensionRequest request = new ExtensionRequest();
        request.assignmentId = id;
        request.until = until;
        request.reason = reason;
        request.requestedBy = user.username();
        request.requestedAt = calendar.now();
        request.persist();
        return request;
    }

    /**
     * The supervisor's decision (the office; for a delegated share also the unit that delegated it); an approval moves
     * the due date and publishes due-date-changed. A delegated share cannot be given more time than its parent has:
     * the supervisor has to ask upward first.
     */
    @Transactional
    public ExtensionRequest decide(long requestId, boolean approved, String note) {
        ExtensionRequest request = ExtensionRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw ProblemException.notFound("No extension request has the id " + requestId);
        }
        Assignment subject = find(request.assignmentId);
        access.requireSupervisor(subject, "decide this extension request");
        if (approved && subject.parentId != null) {
            LocalDate bound = find(subject.parentId).dueDate;
            if (bound != null && request.until.isAfter(bound)) {
                throw ProblemException.conflict("extension-beyond-parent", "申请延期至" + request.until + "，超出交办单位"
                        + subject.delegatedBy + "本身的完成时限" + bound + "，须先向上级申请延期 (the requested date " + request.until
                        + " is after the delegating unit's own due date " + bound + "; it must ask its own supervisor first)");
            }
        }
        if (request.status != ExtensionRequest.Status.PENDING) {
            throw ProblemException.conflict("extension-decided", "Extension request " + requestId + " was already " + request.status);
        }
        request.status = approved ? ExtensionRequest.Status.APPROVED : ExtensionRequest.Status.REJECTED;
        request.decidedBy = user.username();
        request.decidedAt = calendar.now();
        request.decisionNote = note;
        if (approved) {
            Assignment a = find(request.assignmentId);
            LocalDate from = a.dueDate;
            a.dueDate = request.until;
            a.updatedAt = calendar.now();
            journal.dueDateChanged(a, from, request.until, user.username(),
                    note == null ? "extension approved: " + request.reason : note);
            dueDateMoved.fire(new DueDateMoved(a, from, request.until, user.username()));
        }
        return request;
    }

    /**
     * Replaces a group (or unresolved) assignment, or the assignment of an abolished unit, with one
     * assignment per unit the office names.
     */
    @Transactional
    public List<Assignment> resolve(long id, List<String> unitCodes, String authorization) {
        Assignment group = find(id, LockModeType.PESSIMISTIC_WRITE);
        access.requireSupervisor(group, "name the units of this assignment");
        boolean unitAbolished = ReviewReasons.contains(group.reviewReason, ReviewReasons.UNIT_DEACTIVATED);
        if (!group.reviewNeeded || (group.unitCode != null && !unitAbolished) || group.superseded) {
            throw ProblemException.conflict("not-a-group", "Assignment " + id
                    + " is neither a group waiting for units to be named nor the work of an abolished unit");
        }
        List<Assignment> created = new ArrayList<>();
        for (String code : new LinkedHashSet<>(unitCodes)) {
            UnitServiceApi.Unit unit;
            try {
                unit = units.unit(authorization, code);
            } catch (ProblemException e) {
                throw ProblemException.validation(List.of(new Problem.FieldError("unitCodes", "no unit has the code " + code)));
            } catch (RuntimeException e) {
                throw UnitDirectoryClient.unavailable(e);
            }
            if (group.parentId == null
                    ? Assignment.count("taskId = ?1 and unitCode = ?2 and superseded = false and parentId is null", group.taskId, code) > 0
                    : Assignment.count("parentId = ?1 and unitCode = ?2 and superseded = false", group.parentId, code) > 0) {
                throw ProblemException.conflict("already-assigned", unit.name() + " already has an assignment in task " + group.taskNumber);
            }
            if (group.parentId != null) {
                delegations.requireBelow(group.delegatedBy, code, "unitCodes", authorization);
            }
            Assignment a = new Assignment();
            a.taskId = group.taskId;
            a.planId = group.planId;
            a.taskNumber = group.taskNumber;
            a.unitCode = unit.code();
            a.unitName = unit.name();
            a.groupCode = group.groupCode;
            a.qualifier = group.qualifier;
            a.role = group.role;
            a.dueDate = group.dueDate;
            a.parentId = group.parentId;
            a.delegatedBy = group.delegatedBy;
            a.depth = group.depth;
            a.supervisors = group.supervisors;
            a.createdAt = calendar.now();
            a.createdBy = user.username();
            a.updatedAt = a.createdAt;
            a.persist();
            created.add(a);
        }
        group.superseded = true;
        group.updatedAt = calendar.now();
        journal.created(created, user.username());
        journal.replaced(group, created.stream().map(x -> x.id).toList(), user.username());
        groupResolved.fire(new GroupResolved(group, created, user.username()));
        delegations.childrenReplaced(group, created, user.username());
        return created;
    }

    /** The history, oldest first, opened by the assignment's creation. */
    public List<AssignmentHistory> history(long id) {
        Assignment a = visible(id);
        AssignmentHistory created = new AssignmentHistory();
        created.assignmentId = a.id;
        created.kind = AssignmentHistory.Kind.CREATED;
        created.at = a.createdAt;
        created.by = a.createdBy;
        List<AssignmentHistory> history = new ArrayList<>();
        history.add(created);
        history.addAll(AssignmentHistory.list("assignmentId = ?1 order by id", id));
        return history;
    }

    public List<ExtensionRequest> extensionRequests(long id) {
        visible(id);
        return ExtensionRequest.list("assignmentId = ?1 order by id", id);
    }

    /**
     * The caller's own assignment, still open (not completed, units named), locked for this transaction. Progress reports and
     * extension requests carry no If-Match, so two at once on one assignment must not fail the second
     * with a stale version: the row lock makes the second wait for the first, and its checks (an
     * extension already pending?) see what the first left behind.
     */
    private Assignment ownOpenWork(long id) {
        Assignment a = visible(id, LockModeType.PESSIMISTIC_WRITE);
        requireActionable(a);
        user.requireOwnUnit(a.unitCode);
        if (a.status == AssignmentStatus.COMPLETED) {
            throw ProblemException.conflict("assignment-completed", "Assignment " + id + " is completed; it takes no more reports or requests");
        }
        return a;
    }

    /** 409 while a group's units are not named yet, or once it was replaced by them. */
    public static void requireActionable(Assignment a) {
        if (a.unitCode == null || a.superseded) {
            throw ProblemException.conflict("units-not-named",
                    "Assignment " + a.id + " belongs to a group; the office has to name its units first");
        }
    }

    static Assignment find(long id) {
        return find(id, LockModeType.NONE);
    }

    private static Assignment find(long id, LockModeType lock) {
        Assignment a = Assignment.findById(id, lock);
        if (a == null) {
            throw ProblemException.notFound("No assignment has the id " + id);
        }
        return a;
    }

}
