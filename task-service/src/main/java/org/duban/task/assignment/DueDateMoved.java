package org.duban.task.assignment;

import java.time.LocalDate;

/**
 * Fired (synchronously, inside the changing transaction) when an assignment's due date moved, after the
 * assignment has its new date: what hangs on the date (its milestones) follows.
 */
public record DueDateMoved(Assignment assignment, LocalDate from, LocalDate to, String by) {
}
