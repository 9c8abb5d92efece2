package org.duban.task.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;


/** One entry of an assignment's history: a status change, a progress report, a due-date change. */
@Schema(name = "HistoryEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntryView(
        @Schema(enumeration = {"CREATED", "STATUS_CHANGED", "PROGRESS_REPORTED", "DUE_DATE_CHANGED", "REPLACED", "UNIT_UPDATED"})
        String kind,
        Instant at, String by, String from, String to, Integer percent,
        @Schema(description = "The note of a status change, the text of a progress report, what the unit registry changed")
        String text) {

    public static HistoryEntryView of(AssignmentHistory h) {
        String from = h.fromStatus != null ? h.fromStatus.name() : h.fromDate != null ? h.fromDate.toString() : null;
        String to = h.toStatus != null ? h.toStatus.name() : h.toDate != null ? h.toDate.toString() : null;
        return new HistoryEntryView(h.kind.name(), h.at, h.by, from, to, h.percent, h.note);
    }

}
