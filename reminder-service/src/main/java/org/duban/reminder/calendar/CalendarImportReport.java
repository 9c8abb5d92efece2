package org.duban.reminder.calendar;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What an import did to each notice year of the file, or would do on a dry run. */
@Schema(name = "CalendarImportReport")
public record CalendarImportReport(
        @Schema(description = "true: nothing was stored") boolean dryRun,
        List<YearResult> years) {

    public enum Action { CREATED, REPLACED, UNCHANGED }

    @Schema(name = "CalendarImportYear")
    public record YearResult(
            @Schema(example = "2027") int year,
            @Schema(description = "Dates in the file for this notice year", example = "33") int days,
            @Schema(example = "CREATED") Action action) {
    }
}
