package org.duban.gateway.traffic;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);

    @Test
    void aBurstPassesThenTheRateHolds() {
        RateLimiter limiter = new RateLimiter(2, 3, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.take("a").allowed());
        }
        RateLimiter.Decision refused = limiter.take("a");
        assertFalse(refused.allowed());
        assertEquals(SECOND / 2, refused.retryAfterNanos());
        assertEquals(1, refused.retryAfterSeconds());
        now.addAndGet(SECOND / 2);
        assertTrue(limiter.take("a").allowed());
        assertFalse(limiter.take("a").allowed());
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        RateLimiter limiter = new RateLimiter(0.1, 1, 100, now::get);
        assertTrue(limiter.take("a").allowed());
        RateLimiter.Decision refused = limiter.take("a");
        assertEquals(10, refused.retryAfterSeconds());
        now.addAndGet(SECOND * 4);
        assertEquals(6, limiter.take("a").retryAfterSeconds());
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        RateLimiter limiter = new RateLimiter(1, 1, 100, now::get);
        assertTrue(limiter.take("a").allowed());
        assertFalse(limiter.take("a").allowed());
        assertTrue(limiter.take("b").allowed());
    }

    @Test
    void aQuietClientNeverSavesMoreThanTheBurst() {
        RateLimiter limiter = new RateLimiter(10, 2, 100, now::get);
        limiter.take("a");
        now.addAndGet(3600 * SECOND);
        assertTrue(limiter.take("a").allowed());
        assertTrue(limiter.take("a").allowed());
        assertFalse(limiter.take("a").allowed());
    }

    @Test
    void refilledBucketsAreDroppedAndBusyOnesKept() {
        RateLimiter limiter = new RateLimiter(1, 2, 100, now::get);
        limiter.take("idle");
        limiter.take("busy");
        limiter.take("busy");
        now.addAndGet(SECOND);       // idle is full again, busy has one of two
        assertEquals(1, limiter.evictIdle());
        assertEquals(1, limiter.size());
        assertFalse(limiter.take("busy").allowed() && limiter.take("busy").allowed(), "busy kept its debt");
    }

    @Test
    void memoryIsBoundedNewcomersShareTheOverflowBucket() {
        RateLimiter limiter = new RateLimiter(1, 1, 3, now::get);
        for (String c : new String[] {"a", "b", "c"}) {
            assertTrue(limiter.take(c).allowed());
        }
        assertTrue(limiter.take("d").allowed());   // the overflow bucket's one token
        assertFalse(limiter.take("e").allowed());  // shares it with d
        assertTrue(limiter.size() <= 4);
        now.addAndGet(10 * SECOND);                // everyone refilled: the next newcomer makes room
        assertTrue(limiter.take("f").allowed());
        assertTrue(limiter.size() <= 3);
    }

    @Test
    void tokensComeBackOneByOneAsTheyAreDueNotInALump() {
        RateLimiter limiter = new RateLimiter(10, 10, 100, now::get);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.take("a").allowed());
        }
        assertFalse(limiter.take("a").allowed());
        now.addAndGet(SECOND / 10 - 1);            // not quite one token's worth
        assertFalse(limiter.take("a").allowed());
        now.addAndGet(1 + 2 * SECOND / 10 + SECOND / 20); // 3.5 tokens' worth in all
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.take("a").allowed(), "token " + (i + 1));
        }
        RateLimiter.Decision refused = limiter.take("a");
        assertFalse(refused.allowed());
        assertEquals(SECOND / 20, refused.retryAfterNanos()); // the half token left to wait for
    }

    @Test
    void aRateBelowOnePerSecondRefillsAfterItsWholePeriod() {
        RateLimiter limiter = new RateLimiter(0.2, 1, 100, now::get);
        assertTrue(limiter.take("a").allowed());
        now.addAndGet(5 * SECOND - 1);
        assertFalse(limiter.take("a").allowed());
        now.addAndGet(1);
        assertTrue(limiter.take("a").allowed());
    }

    @Test
    void refusedRequestsCostNothing() {
        RateLimiter limiter = new RateLimiter(1, 1, 100, now::get);
        assertTrue(limiter.take("a").allowed());
        for (int i = 0; i < 50; i++) {
            assertFalse(limiter.take("a").allowed());
        }
        now.addAndGet(SECOND);
        assertTrue(limiter.take("a").allowed(), "hammering while refused did not push the next token out");
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(Double.NaN, 1, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 1, 0, now::get));
    }
}
