package org.duban.reminder.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.duban.reminder.engine.ReminderKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/** A notification as the inbox, the digests and the {@code duban.notification.sent} event show it. */
@Schema(name = "Notification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(
        @Schema(example = "310") long id,
        @Schema(example = "gov-340100") String unitCode,
        @Schema(example = "1042") Long assignmentId,
        @Schema(example = "39") Integer taskNumber,
        @Schema(description = "The milestone (节点) of the assignment it is about, for MILESTONE_DUE and MILESTONE_OVERDUE",
                example = "12") Long milestoneId,
        @Schema(description = "DUE_SOON, DUE_TODAY, OVERDUE, ESCALATION (also to the delegating unit, for delegated work), "
                + "PROGRESS_REPORT_DUE, ACKNOWLEDGE_DUE, MILESTONE_DUE, MILESTONE_OVERDUE, URGE (催办: sent at once, naming the "
                + "sender and its message), WEBHOOK_DISABLED; a reader should expect more") ReminderKind kind,
        @Schema(example = "第39项任务还有7天到期（2022年6月30日）") String title,
        @Schema(example = "合肥市人民政府：\n您单位承担的第39项任务……完成时限为2022年6月30日，距到期还有7天。") String body,
        @Schema(description = "The due date the reminder is about (the milestone's, for the milestone kinds)",
                example = "2022-06-30") LocalDate dueDate,
        @Schema(description = "The occasion: the lead day, the due date, the overdue day…", example = "2022-06-23")
        LocalDate occasion,
        Instant createdAt,
        @Schema(description = "Absent while unread") Instant readAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.unitCode, n.assignmentId, n.taskNumber, n.milestoneId, n.kind, n.title, n.body, n.dueDate,
                n.occasion, n.createdAt, n.readAt);
    }
}
