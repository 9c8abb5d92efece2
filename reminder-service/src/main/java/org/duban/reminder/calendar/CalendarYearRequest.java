package org.duban.reminder.calendar;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The whole schedule of one notice year, as the office sends it. */
@Schema(name = "CalendarYearRequest", description = "Every date of one notice year that differs from the Monday–Friday rule")
public record CalendarYearRequest(
        @Schema(required = true, description = "At least one date; dates from December 1 of the year before to January 31 of the year after")
        List<DayRequest> days) {

    /** Fields are text so that every mistake can be reported with its place, not just the first. */
    @Schema(name = "CalendarDayRequest")
    public record DayRequest(
            @Schema(required = true, format = "date", example = "2027-10-01") String date,
            @Schema(required = true, enumeration = {"OFF", "WORK"}, example = "OFF",
                    description = "OFF: a day off (a holiday on a weekday, or a weekend day inside a holiday run); "
                            + "WORK: a weekend day made a working day (调休)") String kind,
            @Schema(required = true, maxLength = 50, example = "国庆节") String name) {
    }
}
