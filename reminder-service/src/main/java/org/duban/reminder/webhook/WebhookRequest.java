package org.duban.reminder.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What an integrator or the office sends to subscribe. Validated by {@link WebhookService}, all fields at once. */
@Schema(name = "WebhookRequest", description = "A new webhook subscription")
public record WebhookRequest(
        @Schema(description = "Where deliveries are POSTed: an absolute http or https URL, at most 2000 characters",
                required = true, example = "https://oa.hefei.gov.cn/hooks/duban")
        String url,
        @Schema(description = "Signing secret in the Standard Webhooks form whsec_<base64 of 24 to 64 random bytes>. "
                + "Leave it out to have 32 random bytes generated; it is shown in full only in the answer to this request",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,
        @Schema(description = "What to deliver: notification kinds (DUE_SOON, DUE_TODAY, OVERDUE, ESCALATION, "
                + "PROGRESS_REPORT_DUE, ACKNOWLEDGE_DUE, MILESTONE_DUE, MILESTONE_OVERDUE, URGE), event types (duban.notification.sent) or * for everything. "
                + "Empty or left out means everything",
                example = "[\"OVERDUE\", \"ESCALATION\"]")
        List<String> events,
        @Schema(description = "Only messages about this unit; left out, every unit's", example = "gov-340100")
        String unitCode) {
}
