package org.duban.reminder.channel;

import java.time.Instant;

/**
 * What one attempt at a channel delivery came to: delivered when {@code error} is null. A robot that
 * answers HTTP 200 with an {@code errcode}/{@code code} other than 0 failed, and says why in {@code error}.
 *
 * @param statusCode the HTTP status; null when no answer came (or for e-mail)
 */
public record SendResult(Instant attemptedAt, long durationMs, Integer statusCode, String error) {

    public boolean delivered() {
        return error == null;
    }
}
