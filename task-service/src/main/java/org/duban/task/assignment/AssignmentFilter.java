package org.duban.task.assignment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Filters of GET /api/assignments; every part optional. {@code parentId}, {@code delegatedBy}, {@code supervisedBy}
 * and {@code everyVisible} widen a unit user's list from its own shares to every share it may read (those below its
 * own, and those of tasks it leads); {@code depth} narrows to one level (0: the office's plan).
 */
public record AssignmentFilter(Long planId, String unitCode, Assignment.Role role, AssignmentStatus status,
                               Boolean overdue, LocalDate dueBefore, Instant updatedSince, Boolean reviewNeeded,
                               Integer taskNumber, Boolean acknowledged, Long parentId, String delegatedBy,
                               String supervisedBy, Integer depth, boolean everyVisible) {

    public AssignmentFilter(Long planId, String unitCode, Assignment.Role role, AssignmentStatus status,
                            Boolean overdue, LocalDate dueBefore, Instant updatedSince, Boolean reviewNeeded,
                            Integer taskNumber, Boolean acknowledged) {
        this(planId, unitCode, role, status, overdue, dueBefore, updatedSince, reviewNeeded, taskNumber, acknowledged,
                null, null, null, null, false);
    }

    /** Whether a unit user's list goes beyond its own shares. */
    public boolean widens() {
        return everyVisible || parentId != null || delegatedBy != null || supervisedBy != null;
    }

    /** The same filter over every share the caller may read (a task's view for its lead units). */
    public AssignmentFilter widened() {
        return new AssignmentFilter(planId, unitCode, role, status, overdue, dueBefore, updatedSince, reviewNeeded, taskNumber,
                acknowledged, parentId, delegatedBy, supervisedBy, depth, true);
    }
}
