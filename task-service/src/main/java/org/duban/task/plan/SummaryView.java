package org.duban.task.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Dashboard figures of a plan, as of {@code asOf} (today in the plan's time zone). */
@Schema(name = "PlanSummary")
public record SummaryView(PlanView plan, LocalDate asOf, List<UnitLine> units, List<CategoryLine> categories) {

    /** One unit's line; unitCode is absent for group assignments waiting for units to be named. */
    @Schema(name = "UnitSummary")
    public record UnitLine(@Schema(example = "gov-340100") String unitCode, @Schema(example = "合肥市人民政府") String unitName,
                           long total, long completed, long overdue, long dueWithin7Days,
                           @Schema(description = "How many of them the unit has signed for (签收): the signing rate is "
                                   + "acknowledged / total", example = "38") long acknowledged) {
    }

    @Schema(name = "CategorySummary")
    public record CategoryLine(int ordinal, String title, long total, long completed, long overdue, long dueWithin7Days,
                               @Schema(description = "How many of them are signed for (签收)") long acknowledged) {
    }

    public static SummaryView of(PlanSummary summary) {
        return new SummaryView(PlanView.of(summary.plan()), summary.asOf(),
                summary.units().stream().map(u -> new UnitLine(u.unitCode(), u.unitName(),
                        u.total(), u.completed(), u.overdue(), u.dueWithin7Days(), u.acknowledged())).toList(),
                summary.categories().stream().map(c -> new CategoryLine(c.ordinal(), c.title(),
                        c.total(), c.completed(), c.overdue(), c.dueWithin7Days(), c.acknowledged())).toList());
    }
}
