package org.duban.reminder.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again, and when an owner (a webhook subscription, a channel) that keeps
 * failing is given up.
 *
 * @param delays               the pause after the 1st, 2nd … failed attempt; a delivery is attempted
 *                             {@code delays.size() + 1} times in all, then FAILED
 * @param disableAfterFailures a subscription is disabled once this many attempts in a row failed …
 * @param disableAfter         … and the first of them is at least this long ago (no success since)
 */
public record RetryPolicy(List<Duration> delays, int disableAfterFailures, Duration disableAfter) {

    public RetryPolicy {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(d -> d.isNegative())) {
            throw new IllegalArgumentException("retry delays cannot be negative: " + delays);
        }
        if (disableAfterFailures < 1) {
            throw new IllegalArgumentException("disable-after-failures must be at least 1");
        }
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** When to try again after {@code attemptsMade} attempts, the last failing at {@code failedAt}; empty when they are used up. */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(delays.get(attemptsMade - 1)));
    }

    /** Whether a subscription with this failure record is to be disabled now. */
    public boolean shouldDisable(int consecutiveFailures, Instant failingSince, Instant now) {
        return failingSince != null
                && consecutiveFailures >= disableAfterFailures
                && !Duration.between(failingSince, now).minus(disableAfter).isNegative();
    }
}
