package org.duban.task.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan's progress day by day: its assignments as they stood at the end of each day. Every day counts
 * all of the plan's current assignments, so {@code completed + overdue + open} is the same each day.
 */
@Schema(name = "PlanTimeline", description = "The plan's assignments as they stood at the end of each day from .. to")
public record PlanTimeline(@Schema(example = "2022-06-06") LocalDate from, @Schema(example = "2022-12-31") LocalDate to,
                           List<Point> points) {

    @Schema(name = "TimelinePoint")
    public record Point(@Schema(example = "2022-09-30") LocalDate date,
                        @Schema(description = "Completed by the end of the day", example = "1200") long completed,
                        @Schema(description = "Not completed, and the due date then in force was before the day", example = "300")
                        long overdue,
                        @Schema(description = "Neither completed nor overdue", example = "3538") long open) {
    }
}
