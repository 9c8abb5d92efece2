package org.duban.reminder.calendar;

/** How a listed date differs from the Monday–Friday rule. */
public enum DayKind {
    /** A day off: a holiday on a weekday, or a day of a holiday run. */
    OFF,
    /** A weekend day made a working day (调休). */
    WORK
}
