package org.duban.reminder.engine;

import org.duban.reminder.replica.OpenAssignment;
import org.duban.reminder.replica.OpenMilestone;

import java.util.Comparator;

/**
 * A reminder an open assignment is owed in a run: the assignment, the occasion and, for MILESTONE_DUE and
 * MILESTONE_OVERDUE, the milestone (null otherwise).
 */
public record Owed(OpenAssignment assignment, Occasion occasion, OpenMilestone milestone) {

    /**
     * The one order every replica records reminders in — by assignment, kind, occasion date and milestone:
     * concurrent runs then wait on each other's keys instead of deadlocking.
     */
    public static final Comparator<Owed> PROCESSING_ORDER = Comparator.comparingLong((Owed o) -> o.assignment().id())
            .thenComparing(o -> o.occasion().kind().name()).thenComparing(o -> o.occasion().date())
            .thenComparingLong(Owed::milestoneId);

    public Owed(OpenAssignment assignment, Occasion occasion) {
        this(assignment, occasion, null);
    }

    public Owed(OpenMilestone milestone, Occasion occasion) {
        this(milestone.assignment(), occasion, milestone);
    }

    /** The milestone's id in the exactly-once key; 0 for a reminder about the assignment itself. */
    public long milestoneId() {
        return milestone == null ? 0 : milestone.id();
    }
}
