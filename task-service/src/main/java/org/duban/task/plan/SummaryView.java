package org.duban.task.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Dashboard figures of a plan, as of {@code asOf} (today in the plan's time zone). */
@Schema(name = "PlanSummary")
public record SummaryView(PlanView plan, LocalDate asOf, List<UnitLine> units, List<CategoryLine> categories) {

    /** One unit's line; unitCode is absent for group assignments waiting for units to be named. */
    @Schema(name = "UnitSummary")
    public record UnitLine(@Schema(example = "gov-340100") String unitCode, @Schema(example = "合肥市人民政府") String unitName,
                           long total, long completed, long overdue, long dueWithin7Days) {
    }

    @Schema(name = "CategorySummary")
    public record CategoryLine(int ordinal, String title, long total, long completed, long overdue, long dueWithin7Days) {
    }
}
