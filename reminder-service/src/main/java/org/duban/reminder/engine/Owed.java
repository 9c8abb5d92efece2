package org.duban.reminder.engine;

import org.duban.reminder.replica.OpenAssignment;

import java.util.Comparator;

/** A reminder an open assignment is owed in a run: the assignment and the occasion. */
public record Owed(OpenAssignment assignment, Occasion occasion) {

    /**
     * The one order every replica records reminders in — by assignment, kind and occasion date: concurrent
     * runs then wait on each other's keys instead of deadlocking.
     */
    public static final Comparator<Owed> PROCESSING_ORDER = Comparator.comparingLong((Owed o) -> o.assignment().id())
            .thenComparing(o -> o.occasion().kind().name()).thenComparing(o -> o.occasion().date());
}
