package org.duban.task.score;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.duban.task.plan.PlanView;
import org.duban.task.plan.TaskView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The scorecard (考核排名) of a plan's units as it stood at the end of {@code asOf}: each unit's counts, its score
 * from the weights used and its rank among the units listed (one level, one category when asked).
 */
@Schema(name = "Scorecard", description = "考核排名: each unit's counts, score (0–100) and rank as of the end of asOf")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scorecard(
        PlanView plan,
        @Schema(example = "2022-09-30") LocalDate asOf,
        @Schema(description = "The level ranked (absent: every unit)", enumeration = {"PROVINCE", "CITY", "COUNTY"}) String level,
        @Schema(description = "The category counted (absent: the whole plan)") TaskView.HeadingView category,
        @Schema(description = "The weights used") Weights weights,
        @Schema(description = "The rules' settings used") Rules rules,
        @Schema(description = "Version of the plan's scoring settings used (0: the defaults)", example = "1") long scoringVersion,
        @Schema(description = "How many units are ranked (also when only one is shown)", example = "16") int ranked,
        List<UnitScore> units) {

    @Schema(name = "ScoringRules")
    public record Rules(@Schema(example = "3") int acknowledgeWithinDays, @Schema(example = "30") int overdueDaysCap,
                        @Schema(example = "1") int reportEveryMonths,
                        @Schema(enumeration = {"ALL", "ONGOING"}) String reportScope) {
    }

    /** One unit's line. */
    @Schema(name = "UnitScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitScore(
            @Schema(example = "gov-340100") String unitCode,
            @Schema(example = "合肥市人民政府") String unitName,
            @Schema(enumeration = {"PROVINCE", "CITY", "COUNTY"}) String level,
            @Schema(example = "gov-340100") String cityCode,
            @Schema(description = "Assignments that existed by then", example = "40") long assignments,
            @Schema(example = "12") long completed,
            @Schema(description = "Completed no later than the due date then in force", example = "10") long completedOnTime,
            @Schema(description = "Open with the due date passed", example = "2") long overdue,
            @Schema(description = "Days past the due date: of open work up to asOf, of late completions up to the completion",
                    example = "37") long overdueDays,
            @Schema(description = "Completed, or open with the due date passed: what on-time completion is measured on",
                    example = "14") long fellDue,
            @Schema(description = "Signed for by then, on time or not", example = "38") long acknowledged,
            @Schema(description = "Signed for, or unsigned with the sign-for window over", example = "40") long acknowledgeDue,
            @Schema(description = "Signed for within the window (working days after issue)", example = "35") long acknowledgedOnTime,
            @Schema(description = "Reporting periods that ended while the work was open", example = "90") long reportsDue,
            @Schema(description = "Of those, the periods with a progress report or submission", example = "81") long reportsOnTime,
            @Schema(description = "0–100, one decimal", example = "86.4") BigDecimal score,
            @Schema(description = "1 = best; equal scores share a rank", example = "3") int rank,
            @Schema(description = "How the score came about, part by part") List<ScoreRules.Part> parts,
            @Schema(description = "Only for one unit (?unit=, or a unit's own): the assignments that cost it points")
            List<Finding> findings) {
    }

    /** One assignment that cost its unit points, and why. */
    @Schema(name = "ScoreFinding")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(
            @Schema(example = "1234") long assignmentId,
            @Schema(example = "38") int taskNumber,
            @Schema(example = "6") int categoryOrdinal,
            @Schema(enumeration = {"LEAD", "RESPONSIBLE"}) String role,
            @Schema(description = "The due date then in force", example = "2022-06-30") LocalDate dueDate,
            LocalDate completedOn,
            @Schema(example = "12") long overdueDays,
            @Schema(description = "The last day to sign for it", example = "2022-06-09") LocalDate acknowledgeBy,
            LocalDate acknowledgedOn,
            long reportsDue, long reportsOnTime,
            @Schema(description = "OVERDUE, COMPLETED_LATE, NOT_ACKNOWLEDGED, ACKNOWLEDGED_LATE, REPORTS_MISSED")
            List<String> issues,
            @Schema(example = "任务38：截止日期2022-06-30，逾期未办结92天；签收超期（应于2022-06-09前签收，2022-06-13签收）")
            String text) {
    }
}
