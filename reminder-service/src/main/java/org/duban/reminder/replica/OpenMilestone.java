package org.duban.reminder.replica;

import java.time.LocalDate;

/**
 * An open milestone (节点) of an open assignment, as a reminder run reads it from the replica.
 *
 * @param assignment the assignment it belongs to
 * @param id         the milestone
 * @param title      what is to be done by then
 * @param dueDate    when
 */
public record OpenMilestone(OpenAssignment assignment, long id, String title, LocalDate dueDate) {
}
