package org.duban.task.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An assignment as the REST API shows it. The events and the sync feed carry the same fields as
 * duban-events' {@code AssignmentSnapshot} ({@link AssignmentSnapshots}; a test keeps the two lists equal).
 */
@Schema(name = "Assignment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignmentView(
        @Schema(example = "1042") long id,
        @Schema(example = "7") long taskId,
        @Schema(example = "1") long planId,
        @Schema(example = "4") int taskNumber,
        @Schema(description = "Absent while a vague group waits for the office to name units", example = "gov-340100")
        String unitCode,
        @Schema(example = "合肥市人民政府") String unitName,
        @Schema(description = "The group this share came from", example = "cities") String groupCode,
        @Schema(example = "司法局") String qualifier,
        @Schema(enumeration = {"LEAD", "RESPONSIBLE"}) String role,
        @Schema(description = "Absent for ONGOING work", example = "2022-12-31") LocalDate dueDate,
        AssignmentStatus status,
        @Schema(description = "Due date before today (plan time zone) and not COMPLETED") boolean overdue,
        @Schema(description = "A vague group, an unclear deadline or an abolished unit the office has to look at") boolean reviewNeeded,
        @Schema(description = "Why the office has to look at it; reasons joined by ；", example = "责任单位已撤销，请重新明确承办单位")
        String reviewReason,
        @Schema(example = "60") Integer progressPercent,
        Instant lastProgressAt,
        @Schema(description = "When the unit signed for it (签收); absent until it has", example = "2022-06-07T01:30:00Z")
        Instant acknowledgedAt,
        @Schema(description = "Who of the unit signed for it", example = "hefei") String acknowledgedBy,
        @Schema(description = "The assignment this one was delegated from (层层分解); absent for a share the office's plan issued",
                example = "1042") Long parentId,
        @Schema(description = "The unit that delegated it and supervises it; absent for the office's own", example = "gov-340100")
        String delegatedBy,
        @Schema(description = "0: issued by the office's plan; 1: delegated once; 2: delegated on again …", example = "1") int depth,
        @Schema(description = "How many assignments this one was delegated to", example = "2") int childCount,
        @Schema(description = "How many of those are COMPLETED", example = "1") int childrenCompleted,
        Instant updatedAt,
        @Schema(description = "The ETag") long version) {

    /** {@code today} decides whether it is overdue. */
    public static AssignmentView of(Assignment a, LocalDate today) {
        return new AssignmentView(a.id, a.taskId, a.planId, a.taskNumber, a.unitCode, a.unitName, a.groupCode,
                a.qualifier, a.role.name(), a.dueDate, a.status, a.status.overdue(a.dueDate, today), a.reviewNeeded,
                a.reviewReason, a.progressPercent, a.lastProgressAt, a.acknowledgedAt, a.acknowledgedBy, a.parentId, a.delegatedBy,
                a.depth, a.childCount, a.childrenCompleted, a.updatedAt, a.version);
    }
}
