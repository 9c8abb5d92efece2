package org.duban.reminder.inbox;

import org.duban.reminder.engine.ReminderKind;

import java.time.LocalDate;

/**
 * A reminder for one recipient unit, as it goes into that unit's inbox.
 *
 * @param unitCode the recipient (for an escalation also the task's lead units and the office)
 * @param dueDate  null for ONGOING work
 */
public record InboxEntry(String unitCode, long assignmentId, long planId, int taskNumber, ReminderKind kind,
                         LocalDate occasion, LocalDate dueDate, String title, String body) {
}
