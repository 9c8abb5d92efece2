package org.duban.task.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * Dashboard figures of a plan as of {@code asOf} (today in the plan's time zone): per unit and per
 * category, how many assignments there are, are completed, overdue, due within 7 days and signed for (签收).
 */
public record PlanSummary(Plan plan, LocalDate asOf, List<UnitLine> units, List<CategoryLine> categories) {

    /** unitCode is null for group assignments waiting for units to be named. */
    public record UnitLine(String unitCode, String unitName, long total, long completed, long overdue, long dueWithin7Days,
                           long acknowledged) {
    }

    public record CategoryLine(int ordinal, String title, long total, long completed, long overdue, long dueWithin7Days,
                               long acknowledged) {
    }
}
