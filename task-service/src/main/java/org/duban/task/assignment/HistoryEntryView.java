package org.duban.task.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.duban.task.evidence.AttachmentView;

import java.time.Instant;
import java.util.List;


/**
 * One entry of an assignment's history: its signing for (签收), a status change, a progress report, a due-date
 * change, a milestone set, changed, done or removed (from/to: its due dates when they moved).
 */
@Schema(name = "HistoryEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntryView(
        @Schema(enumeration = {"CREATED", "ACKNOWLEDGED", "STATUS_CHANGED", "PROGRESS_REPORTED", "DUE_DATE_CHANGED", "REPLACED",
                "MILESTONE_CHANGED", "UNIT_UPDATED", "DELEGATED", "CHILDREN_CHANGED", "URGED"}) String kind,
        Instant at, String by, String from, String to, Integer percent,
        @Schema(description = "The note of a status change, the text of a progress report, what happened to a milestone, "
                + "what the unit registry changed, "
                + "to whom it was delegated, how its children stand, an urge (催办) and who sent it")
        String text,
        @Schema(description = "The evidence files (佐证材料) a progress report or a status change cites; absent when none")
        List<AttachmentView> attachments) {

    public static HistoryEntryView of(AssignmentHistory h) {
        return of(h, null);
    }

    /** With the files the entry cites ({@code null} or empty: none). */
    public static HistoryEntryView of(AssignmentHistory h, List<AttachmentView> attachments) {
        String from = h.fromStatus != null ? h.fromStatus.name() : h.fromDate != null ? h.fromDate.toString() : null;
        String to = h.toStatus != null ? h.toStatus.name() : h.toDate != null ? h.toDate.toString() : null;
        return new HistoryEntryView(h.kind.name(), h.at, h.by, from, to, h.percent, h.note,
                attachments == null || attachments.isEmpty() ? null : List.copyOf(attachments));
    }

}
