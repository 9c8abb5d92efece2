package org.duban.reminder.engine;

import java.time.LocalDate;

/**
 * One reminder an assignment is owed: its kind and the nominal date of the occasion (the lead day,
 * the due date, the n-th overdue day, the end of a reporting period). {@code (assignment, kind, date)}
 * is the key that makes sending happen at most once; a moved due date makes new occasions.
 */
public record Occasion(ReminderKind kind, LocalDate date) {
}
