package org.duban.reminder.replica;

import java.time.LocalDate;

/**
 * An open assignment (not started or in progress, of a named unit, not replaced) as a reminder run reads
 * it from the replica.
 *
 * @param dueDate null for ONGOING work
 */
public record OpenAssignment(long id, long planId, long taskId, int taskNumber, String requirement, String unitCode,
                             String unitName, LocalDate dueDate) {
}
