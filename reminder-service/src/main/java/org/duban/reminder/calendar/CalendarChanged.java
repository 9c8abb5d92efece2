package org.duban.reminder.calendar;

import java.util.Set;

/** Fired in the transaction that changed these notice years; observed after it commits. */
public record CalendarChanged(Set<Integer> years) {
}
