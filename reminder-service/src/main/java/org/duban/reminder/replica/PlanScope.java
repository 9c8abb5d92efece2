package org.duban.reminder.replica;

import java.util.Collection;
import java.util.List;

/**
 * The plans a reminder policy covers: one plan with its own policy, or every plan but those (the
 * {@code default} policy).
 */
public record PlanScope(boolean allBut, List<Long> planIds) {

    public PlanScope {
        planIds = List.copyOf(planIds);
    }

    public static PlanScope only(long planId) {
        return new PlanScope(false, List.of(planId));
    }

    public static PlanScope allBut(Collection<Long> planIds) {
        return new PlanScope(true, List.copyOf(planIds));
    }
}
