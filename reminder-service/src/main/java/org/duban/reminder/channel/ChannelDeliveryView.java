package org.duban.reminder.channel;

import org.duban.reminder.webhook.DeliveryStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One delivery of a channel with its attempt log. */
@Schema(name = "ChannelDelivery", description = "One message (or one part of a digest) for one channel, and every attempt")
public record ChannelDeliveryView(
        @Schema(description = "Identifies the delivery", example = "4096") long id,
        @Schema(description = "The digest it carries (and the part); the same message is queued once per channel",
                example = "digest-57-gov-340100#1/2") String messageId,
        @Schema(description = "Part of the digest", example = "1") int part,
        @Schema(description = "Parts the digest was split into for this platform", example = "2") int parts,
        @Schema(description = "Its title", example = "合肥市人民政府：38项督办事项需要关注（1/2）") String title,
        @Schema(description = "Sent by the test endpoint", example = "false") boolean test,
        @Schema(description = "PENDING (waiting, perhaps for the end of the quiet hours), DELIVERED or FAILED",
                example = "DELIVERED") DeliveryStatus status,
        @Schema(description = "Attempts made", example = "1") int attempts,
        @Schema(description = "HTTP status of the last answer; null when none came or for e-mail", example = "200") Integer lastStatusCode,
        @Schema(description = "What went wrong last; a platform's refusal reads errcode/code and its message",
                example = "errcode 310000: sign not match") String lastError,
        @Schema(description = "When the next attempt is due; null once finished", example = "2026-03-02T00:00:00Z") Instant nextAttemptAt,
        @Schema(description = "When it was queued", example = "2026-03-01T01:00:00Z") Instant createdAt,
        @Schema(description = "When the platform accepted it", example = "2026-03-01T01:00:01Z") Instant deliveredAt,
        @Schema(description = "Every attempt, first to last") List<AttemptView> attemptLog) {

    @Schema(name = "ChannelAttempt", description = "One attempt at a channel delivery")
    public record AttemptView(
            @Schema(description = "1 for the first attempt", example = "1") int number,
            @Schema(description = "When it was made", example = "2026-03-01T01:00:00Z") Instant attemptedAt,
            @Schema(description = "How long it took, in milliseconds", example = "143") int durationMs,
            @Schema(description = "HTTP status; null when no answer came or for e-mail", example = "200") Integer statusCode,
            @Schema(description = "What went wrong; null on success", example = "errcode 310000: sign not match") String error) {

        static AttemptView of(ChannelAttempt a) {
            return new AttemptView(a.number, a.attemptedAt, a.durationMs, a.statusCode, a.error);
        }
    }

    static ChannelDeliveryView of(ChannelDelivery d, List<AttemptView> attempts) {
        return new ChannelDeliveryView(d.id, d.messageId, d.part, d.parts, d.title, d.test, d.status, d.attempts,
                d.lastStatusCode, d.lastError, d.nextAttemptAt, d.createdAt, d.deliveredAt, attempts);
    }
}
