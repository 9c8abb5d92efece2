package org.duban.reminder.calendar;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Which notice years are loaded, and whether this year's or next year's is missing. */
@Schema(name = "CalendarOverview")
public record CalendarOverview(
        @Schema(description = "The current year in Asia/Shanghai", example = "2026") int thisYear,
        @Schema(example = "[2020, 2021, 2022, 2023, 2024, 2025, 2026]") List<Integer> coveredYears,
        @Schema(description = "This year and next year when not loaded: their dates are assumed to follow Monday–Friday",
                example = "[2027]") List<Integer> missing,
        @Schema(description = "The loaded years, oldest first") List<YearSummary> years) {

    @Schema(name = "CalendarYearSummary")
    public record YearSummary(
            @Schema(example = "2026") int year,
            @Schema(enumeration = {"SHIPPED", "PUT", "IMPORT"}, example = "SHIPPED") String source,
            Instant loadedAt,
            @Schema(example = "duban") String loadedBy,
            @Schema(description = "How many dates the notice sets", example = "39") long days,
            @Schema(description = "The year's ETag", example = "7") long revision) {
    }
}
