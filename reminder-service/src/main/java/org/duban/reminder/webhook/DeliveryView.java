package org.duban.reminder.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One delivery with its attempt log. */
@Schema(name = "WebhookDelivery", description = "One message for one subscription, and every attempt to deliver it")
public record DeliveryView(
        @Schema(description = "Identifies the delivery", example = "1024") long id,
        @Schema(description = "The webhook-id header: the same on every attempt, for the receiver to drop duplicates",
                example = "msg_2c6f0b1e-notification-88") String messageId,
        @Schema(description = "The type in the body's envelope", example = "duban.notification.sent") String eventType,
        @Schema(description = "PENDING (waiting for an attempt), DELIVERED (a receiver answered 2xx) or FAILED "
                + "(every attempt failed, or the subscription was disabled)", example = "DELIVERED") DeliveryStatus status,
        @Schema(description = "Attempts made", example = "2") int attempts,
        @Schema(description = "HTTP status of the last answer; null when none came", example = "200") Integer lastStatusCode,
        @Schema(description = "What went wrong on the last attempt (truncated); null after a success",
                example = "HTTP 503: Service Unavailable") String lastError,
        @Schema(description = "When the next attempt is due; null once DELIVERED or FAILED",
                example = "2026-03-01T00:00:05Z") Instant nextAttemptAt,
        @Schema(description = "When the message was queued", example = "2026-03-01T00:00:00Z") Instant createdAt,
        @Schema(description = "When a receiver accepted it; null until then", example = "2026-03-01T00:00:05.120Z") Instant deliveredAt,
        @Schema(description = "Every attempt, first to last") List<AttemptView> attemptLog) {

    /** One HTTP attempt. */
    @Schema(name = "WebhookAttempt", description = "One HTTP attempt at a delivery")
    public record AttemptView(
            @Schema(description = "1 for the first attempt", example = "1") int number,
            @Schema(description = "When it was sent", example = "2026-03-01T00:00:00Z") Instant attemptedAt,
            @Schema(description = "How long the receiver took, in milliseconds", example = "87") int durationMs,
            @Schema(description = "HTTP status of the answer; null when none came", example = "503") Integer statusCode,
            @Schema(description = "What went wrong (truncated); null on success",
                    example = "HTTP 503: Service Unavailable") String error) {

        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.number, a.attemptedAt, a.durationMs, a.statusCode, a.error);
        }
    }

    static DeliveryView of(WebhookDelivery d, List<AttemptView> attempts) {
        return new DeliveryView(d.id, d.messageId, d.eventType, d.status, d.attempts, d.lastStatusCode, d.lastError,
                d.nextAttemptAt, d.createdAt, d.deliveredAt, attempts);
    }
}
