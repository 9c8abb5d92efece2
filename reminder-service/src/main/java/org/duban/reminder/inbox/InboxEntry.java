package org.duban.reminder.inbox;

import org.duban.reminder.engine.ReminderKind;

import java.time.LocalDate;

/**
 * A reminder for one recipient unit, as it goes into that unit's inbox.
 *
 * @param unitCode the recipient (for an escalation also the task's lead units and the office)
 * @param milestoneId the milestone it is about (MILESTONE_DUE, MILESTONE_OVERDUE); null otherwise
 * @param dueDate  null for ONGOING work; the milestone's for the milestone kinds
 */
public record InboxEntry(String unitCode, long assignmentId, long planId, int taskNumber, Long milestoneId, ReminderKind kind,
                         LocalDate occasion, LocalDate dueDate, String title, String body) {
}
