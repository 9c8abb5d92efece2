package org.duban.task.assignment;

import java.time.Instant;
import java.time.LocalDate;

/** Filters of GET /api/assignments; every part optional. */
public record AssignmentFilter(Long planId, String unitCode, Assignment.Role role, AssignmentStatus status,
                               Boolean overdue, LocalDate dueBefore, Instant updatedSince, Boolean reviewNeeded,
                               Integer taskNumber, Boolean acknowledged) {
}
