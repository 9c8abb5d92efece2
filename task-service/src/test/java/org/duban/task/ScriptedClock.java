package org.duban.task;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in this module's tests: the system clock, unless a test plays a story on past dates — then
 * the system clock moved by an offset, so that "now" is the scripted moment and time still flows (outbox, leases
 * and timeouts behave as always). The platform's clock is a default bean, so this one replaces it; with no
 * offset it is the system clock, which every other test sees. A test that moves it puts it back ({@link #reset}).
 */
@Singleton
public class ScriptedClock extends Clock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static volatile Duration offset = Duration.ZERO;

    /** From now on "now" is {@code moment} (Asia/Shanghai), and runs on from there. */
    public static void at(LocalDateTime moment) {
        offset = Duration.between(Instant.now(), moment.atZone(SHANGHAI).toInstant());
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

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
}
