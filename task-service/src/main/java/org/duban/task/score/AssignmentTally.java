package org.duban.task.score;

import java.time.LocalDate;

/**
 * One assignment as the score saw it at the end of a day: the due date then in force, when it was completed and
 * signed for, its overdue days and reporting periods.
 */
public record AssignmentTally(long assignmentId, String unitCode, String unitName, int taskNumber, int categoryOrdinal,
                              String role, LocalDate dueDate, LocalDate completedOn, long overdueDays, LocalDate acknowledgeBy,
                              LocalDate acknowledgedOn, long reportsDue, long reportsOnTime) {

    public boolean completed() {
        return completedOn != null;
    }

    public boolean overdueOn(LocalDate asOf) {
        return completedOn == null && dueDate != null && dueDate.isBefore(asOf);
    }
}
