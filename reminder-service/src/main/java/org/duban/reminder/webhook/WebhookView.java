package org.duban.reminder.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it; the secret in full only right after creation. */
@Schema(name = "Webhook", description = "A webhook subscription")
public record WebhookView(
        @Schema(description = "Identifies the subscription", example = "7") long id,
        @Schema(description = "Where deliveries are POSTed", example = "https://oa.hefei.gov.cn/hooks/duban") String url,
        @Schema(description = "The signing secret: in full in the answer to the creating POST, masked (whsec_ and its "
                + "last four characters) everywhere else", example = "whsec_********LaSw") String secret,
        @Schema(description = "Notification kinds, event types or *; empty means everything",
                example = "[\"OVERDUE\", \"ESCALATION\"]") List<String> events,
        @Schema(description = "Only this unit's messages; null for every unit's", example = "gov-340100") String unitCode,
        @Schema(description = "False once disabled after repeated failure; a disabled subscription gets nothing "
                + "(create a new one when the receiver works again)", example = "true") boolean active,
        @Schema(description = "When it was disabled; null while active", example = "2026-03-02T01:35:05Z") Instant disabledAt,
        @Schema(description = "Why it was disabled; null while active",
                example = "8 attempts in a row failed and none has succeeded since 2026-03-01T00:00:00Z; "
                        + "the last failed with HTTP 503") String disabledReason,
        @Schema(description = "Failed attempts since the last success", example = "0") int consecutiveFailures,
        @Schema(description = "First of those failed attempts; null while the receiver answers",
                example = "2026-03-01T00:00:00Z") Instant failingSince,
        @Schema(description = "Last successful delivery; null before the first", example = "2026-03-01T01:00:00Z") Instant lastSuccessAt,
        @Schema(description = "When it was created", example = "2026-02-27T08:00:00Z") Instant createdAt,
        @Schema(description = "Who created it", example = "service-account-duban-integrator") String createdBy) {

    /**
     * @param secret the plaintext secret (null when it cannot be decrypted); shown in full only when
     *               {@code revealSecret}, in the answer that created it
     */
    static WebhookView of(WebhookSubscription s, String secret, boolean revealSecret) {
        String shown = secret == null ? WebhookSecret.PREFIX + "********" : revealSecret ? secret : WebhookSecret.mask(secret);
        return new WebhookView(s.id, s.url, shown, List.copyOf(s.events),
                s.unitCode, s.active, s.disabledAt, s.disabledReason, s.consecutiveFailures, s.failingSince,
                s.lastSuccessAt, s.createdAt, s.createdBy);
    }
}
