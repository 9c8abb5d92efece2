package org.duban.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code data} of {@code duban.notification.sent} on {@code duban.notifications} (key and subject: the
 * unit code): what one unit was told in one reminder run, for OA systems that show it in their own inbox.
 * The same object is the {@code data} of the webhook deliveries. Absent values are left out.
 *
 * @param messageId     stable per run and unit (and part): e-mail and webhooks deliver the digest under it
 * @param unitCode      the unit told
 * @param unitName      its name (its code when reminder-service has not heard of it)
 * @param runId         the reminder run; absent for notices outside a run
 * @param part          which part this is, when a digest is split (more than 200 notifications by default)
 * @param parts         how many parts there are; both absent when the digest is whole
 * @param notifications the inbox entries, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationSent(
        String messageId,
        String unitCode,
        String unitName,
        Long runId,
        Integer part,
        Integer parts,
        List<Notification> notifications) {

    public static final String TOPIC = "duban.notifications";
    public static final String TYPE = "duban.notification.sent";

    /**
     * One inbox entry, as the REST API's Notification shows it (reminder-service's tests keep the two field
     * lists equal).
     *
     * @param id           the notification
     * @param unitCode     the unit told (the same as the digest's)
     * @param assignmentId the assignment it is about, if any
     * @param taskNumber   that assignment's task number, if any
     * @param milestoneId  the milestone (节点) of that assignment it is about, for {@code MILESTONE_DUE} and
     *                     {@code MILESTONE_OVERDUE}
     * @param kind         {@code DUE_SOON}, {@code DUE_TODAY}, {@code OVERDUE}, {@code ESCALATION},
     *                     {@code PROGRESS_REPORT_DUE}, {@code ACKNOWLEDGE_DUE} (not signed for in time),
     *                     {@code MILESTONE_DUE}, {@code MILESTONE_OVERDUE}, {@code URGE} (催办), or {@code WEBHOOK_DISABLED} (a
     *                     unit's webhook subscription was given up); a reader should expect more kinds
     * @param title        one line, Chinese
     * @param body         the message, Chinese
     * @param dueDate      ISO date the reminder is about (the milestone's for the milestone kinds); absent for
     *                     ONGOING work
     * @param occasion     ISO date of the occasion: the lead day, the due date, the overdue day…
     * @param createdAt    ISO instant it was made
     * @param readAt       ISO instant it was read in the inbox; absent while unread
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notification(
            long id,
            String unitCode,
            Long assignmentId,
            Integer taskNumber,
            Long milestoneId,
            String kind,
            String title,
            String body,
            @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate dueDate,
            @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate occasion,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant createdAt,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant readAt) {
    }
}
