package org.duban.task.assignment;

import org.duban.events.AssignmentSnapshot;
import org.duban.task.plan.TaskFacts;

/**
 * The assignment as the events on {@code duban.assignments} show it: the REST view, field for field (a
 * test keeps the two lists equal), and the two fields of its task that reminder-service's copy needs.
 */
public final class AssignmentSnapshots {

    private AssignmentSnapshots() {
    }

    public static AssignmentSnapshot of(AssignmentView view, TaskFacts.Facts task) {
        return new AssignmentSnapshot(view.id(), view.taskId(), view.planId(), view.taskNumber(), view.unitCode(),
                view.unitName(), view.groupCode(), view.qualifier(), view.role(), view.dueDate(), view.status().name(),
                view.overdue(), view.reviewNeeded(), view.reviewReason(), view.progressPercent(), view.lastProgressAt(),
                view.acknowledgedAt(), view.acknowledgedBy(), view.parentId(), view.delegatedBy(), view.depth(),
                view.childCount(), view.childrenCompleted(), view.updatedAt(),
                view.version(), task.requirement(), task.deadlineKind().name());
    }
}
