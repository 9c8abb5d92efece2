package org.duban.reminder.webhook;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset that tests move forward, so that hours of retry schedule pass in
 * milliseconds. Time keeps flowing: leases and timeouts behave as in production. Selected only by
 * {@link WebhookTestProfile}, so other tests of the module keep the platform's clock.
 */
@Alternative
@Singleton
public class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward in these tests");
        }
        offset = offset.plus(by);
    }

    /** Moves the clock to just past {@code instant}, if it is not there yet. */
    public synchronized void advancePast(Instant instant) {
        Duration gap = Duration.between(instant(), instant);
        if (!gap.isNegative()) {
            advance(gap.plusMillis(50));
        }
    }
}
