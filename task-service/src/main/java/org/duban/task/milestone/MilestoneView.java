package org.duban.task.milestone;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.duban.events.MilestoneSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A milestone as the REST API shows it; the events carry the same fields as duban-events'
 * {@link MilestoneSnapshot} (a test keeps the two lists equal).
 */
@Schema(name = "Milestone")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MilestoneView(
        @Schema(example = "12") long id,
        @Schema(example = "1042") long assignmentId,
        @Schema(example = "报送工作方案") String title,
        @Schema(description = "Never after the assignment's due date", example = "2022-07-06") LocalDate dueDate,
        @Schema(enumeration = {"OPEN", "DONE"}) String status,
        @Schema(description = "Due date before today (plan time zone) and still OPEN") boolean overdue,
        @Schema(description = "OFFICE: set by the supervising office; UNIT: planned by the unit itself (it may change "
                + "only these)", enumeration = {"OFFICE", "UNIT"}) String setBy,
        @Schema(description = "When the unit reported it done") Instant doneAt,
        @Schema(example = "hefei") String doneBy,
        @Schema(description = "What the unit wrote when it reported it done", example = "工作方案已于7月5日报送省政务公开办")
        String note,
        @Schema(description = "Evidence (佐证材料) named when it was reported done; empty when none", example = "[501]")
        List<Long> attachmentIds,
        @Schema(example = "office") String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The ETag") long version) {

    /** {@code today} decides whether it is overdue. */
    public static MilestoneView of(Milestone m, LocalDate today) {
        return new MilestoneView(m.id, m.assignmentId, m.title, m.dueDate, m.status.name(), m.overdue(today), m.setBy.name(),
                m.doneAt, m.doneBy, m.note, List.copyOf(m.attachmentIds), m.createdBy, m.createdAt, m.updatedAt, m.version);
    }

    /** The same, as the events and the OA sync feed carry it. */
    public MilestoneSnapshot snapshot() {
        return new MilestoneSnapshot(id, assignmentId, title, dueDate, status, overdue, setBy, doneAt, doneBy, note,
                attachmentIds, createdBy, createdAt, updatedAt, version);
    }
}
