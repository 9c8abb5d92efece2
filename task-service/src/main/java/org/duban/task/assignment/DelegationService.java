package org.duban.task.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.duban.events.AssignmentEvent;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.CurrentUser;
import org.duban.task.plan.PlanCalendar;
import org.duban.task.units.UnitTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 层层分解: a unit breaks its share of a task down to units of its own subtree, at any depth. Each child is a full
 * assignment of the same task (sign-for, milestones, progress, evidence, reminders), due no later than its parent,
 * supervised by the delegating unit. The parent's {@code childCount} and {@code childrenCompleted} are counted again
 * in the transaction of every change of a child, so they are always right; the parent's version moves with them
 * and {@code duban.assignment.children-changed} says so.
 */
@ApplicationScoped
public class DelegationService {

    /** At most this many children in one request. */
    public static final int MAX_ITEMS = 200;

    private final AssignmentJournal journal;
    private final PlanCalendar calendar;
    private final CurrentUser user;
    private final AssignmentAccess access;
    private final UnitTree tree;

    DelegationService(AssignmentJournal journal, PlanCalendar calendar, CurrentUser user, AssignmentAccess access, UnitTree tree) {
        this.journal = journal;
        this.calendar = calendar;
        this.user = user;
        this.access = access;
        this.tree = tree;
    }

    /** One unit to delegate to. */
    public record Item(String unitCode, Assignment.Role role, LocalDate dueDate, String note) {
    }

    /**
     * The assignment's own unit delegates it to {@code items}: 400 for a unit outside its subtree, unknown or abolished,
     * or a date after the parent's; 409 for a unit that has a child of this parent already, or a parent that is
     * submitted or completed. All or nothing.
     */
    @Transactional
    public List<Assignment> delegate(long parentId, List<Item> items, String authorization) {
        Assignment parent = Assignment.findById(parentId, LockModeType.PESSIMISTIC_WRITE);
        if (parent == null) {
            throw ProblemException.notFound("No assignment has the id " + parentId);
        }
        access.requireRead(parent);
        AssignmentService.requireActionable(parent);
        user.requireOwnUnit(parent.unitCode);
        if (parent.status == AssignmentStatus.SUBMITTED || parent.status == AssignmentStatus.COMPLETED) {
            throw ProblemException.conflict("parent-closed", "本单位承担的任务已" + (parent.status == AssignmentStatus.COMPLETED
                    ? "办结" : "报送审核") + "，不能再分解交办 (assignment " + parentId + " is " + parent.status + ")");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<UnitTree.Node> units = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String field = "items[" + i + "]";
            UnitTree.Node unit = null;
            if (!seen.add(item.unitCode())) {
                errors.add(new Problem.FieldError(field + ".unitCode", "同一单位只能交办一次 (" + item.unitCode() + " is named twice)"));
            } else if (item.unitCode().equals(parent.unitCode)) {
                errors.add(new Problem.FieldError(field + ".unitCode", "不能交办给本单位 (a unit cannot delegate to itself)"));
            } else {
                unit = tree.node(item.unitCode(), authorization).orElse(null);
                if (unit == null) {
                    errors.add(new Problem.FieldError(field + ".unitCode", "没有编码为" + item.unitCode() + "的单位 (no such unit)"));
                } else if (!unit.active()) {
                    errors.add(new Problem.FieldError(field + ".unitCode", unit.name() + "已撤销，不能交办 (the unit is deactivated)"));
                } else if (tree.pathBelow(parent.unitCode, unit, authorization).isEmpty()) {
                    errors.add(new Problem.FieldError(field + ".unitCode", unit.name() + "不是" + parent.unitName
                            + "的下级单位，只能交办给本单位的下级单位 (not in the delegating unit's subtree)"));
                    unit = null;
                }
            }
            if (item.dueDate() != null && parent.dueDate != null && item.dueDate().isAfter(parent.dueDate)) {
                errors.add(new Problem.FieldError(field + ".dueDate", "完成时限不得晚于本单位承担任务的完成时限" + parent.dueDate
                        + " (must be no later than the parent's due date)"));
            }
            units.add(unit);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        List<String> taken = Assignment.<Assignment>list("parentId = ?1 and superseded = false and unitCode in ?2", parentId,
                items.stream().map(Item::unitCode).toList()).stream().map(a -> a.unitName).toList();
        if (!taken.isEmpty()) {
            throw ProblemException.conflict("already-delegated", "已向" + String.join("、", taken) + "交办过本项任务 ("
                    + "assignment " + parentId + " was delegated to them already)");
        }
        List<Assignment> children = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            UnitTree.Node unit = units.get(i);
            Assignment a = new Assignment();
            a.taskId = parent.taskId;
            a.planId = parent.planId;
            a.taskNumber = parent.taskNumber;
            a.unitCode = unit.code();
            a.unitName = unit.name();
            a.role = item.role();
            a.dueDate = item.dueDate() != null ? item.dueDate() : parent.dueDate;
            a.parentId = parent.id;
            a.delegatedBy = parent.unitCode;
            a.depth = parent.depth + 1;
            a.supervisors = parent.supervisorsOfChildren();
            a.createdAt = calendar.now();
            a.createdBy = user.username();
            a.updatedAt = a.createdAt;
            a.persist();
            children.add(a);
        }
        journal.created(children, user.username());
        for (int i = 0; i < items.size(); i++) {
            Assignment child = children.get(i);
            String note = items.get(i).note();
            journal.historyOnly(child, AssignmentHistory.Kind.DELEGATED, user.username(), "由" + parent.unitName + "交办"
                    + (note == null || note.isBlank() ? "" : "：" + note.strip()));
        }
        recount(parent);
        journal.childrenChanged(parent, AssignmentEvent.ChildrenChanged.DELEGATED, children.stream().map(c -> c.id).toList(), null,
                user.username(), "交办" + children.stream().map(c -> c.unitName + (c.dueDate == null ? "" : "（" + c.dueDate + "前）"))
                        .collect(Collectors.joining("、")));
        return children;
    }

    /** The children of an assignment the caller may read, by unit code. */
    public List<Assignment> children(long id) {
        Assignment parent = AssignmentService.find(id);
        access.requireRead(parent);
        return Assignment.list("parentId = ?1 and superseded = false order by unitCode, id", id);
    }

    /** 409 naming the children that are not completed yet: a share is done when its children are. */
    public void requireChildrenDone(Assignment a) {
        if (a.childCount == 0) {
            return;
        }
        List<Assignment> open = Assignment.list("parentId = ?1 and superseded = false and status <> ?2 order by unitCode, id",
                a.id, AssignmentStatus.COMPLETED);
        if (!open.isEmpty()) {
            throw ProblemException.conflict("children-open", "下级单位尚未办结：" + open.stream()
                    .map(c -> c.unitName + "（" + label(c.status) + "，编号" + c.id + "）").collect(Collectors.joining("、"))
                    + "。请待其办结后再报送 (" + open.size() + " delegated assignments are not completed: "
                    + open.stream().map(c -> c.id + " " + c.unitCode + " " + c.status).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** After a child's status changed (in the same transaction): the parent's figures are counted again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void childMoved(Assignment child, String by) {
        if (child.parentId == null) {
            return;
        }
        Assignment parent = Assignment.findById(child.parentId, LockModeType.PESSIMISTIC_WRITE);
        recount(parent);
        journal.childrenChanged(parent, AssignmentEvent.ChildrenChanged.STATUS_CHANGED, List.of(child.id), child.status.name(), by,
                child.unitName + "：" + label(child.status));
    }

    /** A child of an abolished unit was replaced by the units its supervisor named. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void childrenReplaced(Assignment replaced, List<Assignment> by, String user) {
        if (replaced.parentId == null) {
            return;
        }
        Assignment parent = Assignment.findById(replaced.parentId, LockModeType.PESSIMISTIC_WRITE);
        recount(parent);
        journal.childrenChanged(parent, AssignmentEvent.ChildrenChanged.DELEGATED, by.stream().map(c -> c.id).toList(), null, user,
                "改由" + by.stream().map(c -> c.unitName).collect(Collectors.joining("、")) + "承办");
    }

    /** 400 unless {@code unitCode} is a unit below {@code ancestor}. */
    public void requireBelow(String ancestor, String unitCode, String field, String authorization) {
        UnitTree.Node unit = tree.node(unitCode, authorization).orElse(null);
        if (unit == null || tree.pathBelow(ancestor, unit, authorization).isEmpty()) {
            throw ProblemException.validation(List.of(new Problem.FieldError(field, unitCode
                    + "不是交办单位的下级单位 (not in the delegating unit's subtree)")));
        }
    }

    private void recount(Assignment parent) {
        List<?> counts = Assignment.getEntityManager().createQuery("select count(a), coalesce(sum(case when a.status = :done then 1 else 0 end), 0)"
                        + " from Assignment a where a.parentId = :parent and a.superseded = false")
                .setParameter("done", AssignmentStatus.COMPLETED).setParameter("parent", parent.id).getResultList();
        Object[] row = (Object[]) counts.getFirst();
        parent.childCount = ((Number) row[0]).intValue();
        parent.childrenCompleted = ((Number) row[1]).intValue();
        parent.updatedAt = calendar.now();
    }

    static String label(AssignmentStatus status) {
        return switch (status) {
            case NOT_STARTED -> "未开始";
            case IN_PROGRESS -> "办理中";
            case SUBMITTED -> "已报送待审核";
            case COMPLETED -> "已办结";
        };
    }
}
