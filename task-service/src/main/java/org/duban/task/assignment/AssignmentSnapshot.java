package org.duban.task.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An assignment as recorded at one version: what the {@code duban.assignments} events and the OA sync
 * feed carry, with the change's own fields beside it ({@link AssignmentJournal}). Its JSON is the REST
 * API's {@link AssignmentView} (API.md: event data is the assignment as the REST API shows it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignmentSnapshot(long id, long taskId, long planId, int taskNumber, String unitCode, String unitName,
                                 String groupCode, String qualifier, String role, LocalDate dueDate, AssignmentStatus status,
                                 boolean overdue, boolean reviewNeeded, Integer progressPercent, Instant lastProgressAt,
                                 Instant updatedAt, long version) {

    /** {@code today} decides whether it is overdue. */
    public static AssignmentSnapshot of(Assignment a, LocalDate today) {
        return new AssignmentSnapshot(a.id, a.taskId, a.planId, a.taskNumber, a.unitCode, a.unitName, a.groupCode,
                a.qualifier, a.role.name(), a.dueDate, a.status, a.status.overdue(a.dueDate, today), a.reviewNeeded,
                a.progressPercent, a.lastProgressAt, a.updatedAt, a.version);
    }
}
