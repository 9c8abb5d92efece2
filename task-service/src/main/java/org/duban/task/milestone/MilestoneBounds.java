package org.duban.task.milestone;

import java.time.LocalDate;

/** A milestone is due no later than its assignment; work without a due date (ONGOING) bounds nothing. */
public final class MilestoneBounds {

    private MilestoneBounds() {
    }

    /** Whether a milestone due on {@code due} fits an assignment due on {@code assignmentDue} (null: ONGOING). */
    public static boolean fits(LocalDate due, LocalDate assignmentDue) {
        return assignmentDue == null || !due.isAfter(assignmentDue);
    }

    /** {@code due}, or the assignment's due date when {@code due} lies after it. */
    public static LocalDate within(LocalDate due, LocalDate assignmentDue) {
        return fits(due, assignmentDue) ? due : assignmentDue;
    }
}
