package org.duban.reminder.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One notice year's schedule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CalendarYear", description = "The dates one State Council notice sets; days is empty when the year is not covered")
public record CalendarYearView(
        @Schema(example = "2026") int year,
        @Schema(description = "Whether this notice year is loaded; if not, Monday–Friday is assumed for it") boolean covered,
        @Schema(enumeration = {"SHIPPED", "PUT", "IMPORT"}, description = "Who loaded it: the bundled file at start, or the office")
        String source,
        @Schema(example = "2026-11-26T09:30:00Z") Instant loadedAt,
        @Schema(example = "office") String loadedBy,
        @Schema(description = "The ETag a PUT of this year names in If-Match", example = "7") Long revision,
        @Schema(description = "In date order") List<DayView> days) {

    @Schema(name = "CalendarDay")
    public record DayView(
            @Schema(example = "2026-10-01") LocalDate date,
            @Schema(example = "OFF") DayKind kind,
            @Schema(example = "国庆节") String name) {

        static DayView of(HolidayEntry entry) {
            return new DayView(entry.date(), entry.kind(), entry.name());
        }
    }

    static CalendarYearView uncovered(int year) {
        return new CalendarYearView(year, false, null, null, null, null, List.of());
    }

    static CalendarYearView of(CalendarYear row, List<HolidayEntry> entries) {
        return new CalendarYearView(row.year, true, row.source.name(), row.loadedAt, row.loadedBy, row.revision,
                entries.stream().map(DayView::of).toList());
    }
}
