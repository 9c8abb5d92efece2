package org.duban.task.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The supervision board (督办看板) of a plan as it stood at the end of {@code asOf}: per unit and per
 * category, how many assignments there are, are completed (on time or not), overdue, due within 7 days
 * and returned. Red when overdue &gt; 0; else yellow when due within 7 days or returned; else green.
 */
@Schema(name = "PlanBoard", description = "The supervision board (督办看板): units × categories as of the end of asOf")
public record PlanBoard(
        PlanView plan,
        @Schema(example = "2022-09-30") LocalDate asOf,
        List<TaskView.HeadingView> categories,
        List<UnitLine> units,
        @Schema(description = "Assignments of vague groups still waiting for the office to name units (not on the board)",
                example = "3") long unnamed,
        @Schema(description = "The level of delegation the unit lines count: 0 (default) the plan as the office issued it, "
                + "1 what those shares were delegated to, …, or all", example = "0") String depth,
        @Schema(description = "Every level of delegation in the plan, whatever depth shows: how much work was delegated "
                + "below the issued shares (层层分解) and how it stands") List<DepthLine> depths) {

    /** The plan's assignments at one level of delegation, as of asOf. */
    @Schema(name = "BoardDepth")
    public record DepthLine(@Schema(description = "0: issued by the office's plan; 1: delegated once; …", example = "1") int depth,
                            @Schema(example = "230") long total, @Schema(example = "41") long completed,
                            @Schema(example = "6") long overdue, @Schema(example = "9") long dueWithin7Days) {
    }

    /** A unit's figures, overall and per category of the plan it has assignments in. */
    @Schema(name = "BoardUnit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitLine(
            @Schema(example = "gov-340123") String unitCode,
            @Schema(example = "肥西县人民政府") String unitName,
            @Schema(enumeration = {"PROVINCE", "CITY", "COUNTY"}) String level,
            @Schema(description = "For a government: the city it belongs to (a city is its own); absent for the province "
                    + "and its departments", example = "gov-340100") String cityCode,
            long total, long completed, long completedOnTime, long overdue, long dueWithin7Days, long returned,
            @Schema(description = "Signed for (签收); 0 until sign-for exists") long acknowledged,
            List<Cell> cells) {
    }

    /** One unit's figures in one category. */
    @Schema(name = "BoardCell")
    public record Cell(@Schema(example = "1") int categoryOrdinal, @Schema(example = "12") long total,
                       @Schema(example = "5") long completed,
                       @Schema(description = "Completed no later than the due date in force", example = "4") long completedOnTime,
                       @Schema(description = "Open and due before asOf", example = "2") long overdue,
                       @Schema(description = "Open, not overdue, due in [asOf, asOf + 7 days]", example = "1") long dueWithin7Days,
                       @Schema(description = "Open, and the last status change was the office's return (SUBMITTED → IN_PROGRESS)",
                               example = "0") long returned) {
    }
}
