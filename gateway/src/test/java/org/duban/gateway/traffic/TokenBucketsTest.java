package org.duban.gateway.traffic;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);

    @Test
    void aBurstPassesThenTheRateHolds() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(buckets.take("a").allowed());
        }
        TokenBuckets.Decision refused = buckets.take("a");
        assertFalse(refused.allowed());
        assertEquals(SECOND / 2, refused.retryAfterNanos());
        assertEquals(1, refused.retryAfterSeconds());
        now.addAndGet(SECOND / 2);
        assertTrue(buckets.take("a").allowed());
        assertFalse(buckets.take("a").allowed());
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        TokenBuckets buckets = new TokenBuckets(0.1, 1, 100, now::get);
        assertTrue(buckets.take("a").allowed());
        TokenBuckets.Decision refused = buckets.take("a");
        assertEquals(10, refused.retryAfterSeconds());
        now.addAndGet(SECOND * 4);
        assertEquals(6, buckets.take("a").retryAfterSeconds());
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, now::get);
        assertTrue(buckets.take("a").allowed());
        assertFalse(buckets.take("a").allowed());
        assertTrue(buckets.take("b").allowed());
    }

    @Test
    void aQuietClientNeverSavesMoreThanTheBurst() {
        TokenBuckets buckets = new TokenBuckets(10, 2, 100, now::get);
        buckets.take("a");
        now.addAndGet(3600 * SECOND);
        assertTrue(buckets.take("a").allowed());
        assertTrue(buckets.take("a").allowed());
        assertFalse(buckets.take("a").allowed());
    }

    @Test
    void refilledBucketsAreDroppedAndBusyOnesKept() {
        TokenBuckets buckets = new TokenBuckets(1, 2, 100, now::get);
        buckets.take("idle");
        buckets.take("busy");
        buckets.take("busy");
        now.addAndGet(SECOND);       // idle is full again, busy has one of two
        assertEquals(1, buckets.evictIdle());
        assertEquals(1, buckets.size());
        assertFalse(buckets.take("busy").allowed() && buckets.take("busy").allowed(), "busy kept its debt");
    }

    @Test
    void memoryIsBoundedNewcomersShareTheOverflowBucket() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 3, now::get);
        for (String c : new String[] {"a", "b", "c"}) {
            assertTrue(buckets.take(c).allowed());
        }
        assertTrue(buckets.take("d").allowed());   // the overflow bucket's one token
        assertFalse(buckets.take("e").allowed());  // shares it with d
        assertTrue(buckets.size() <= 4);
        now.addAndGet(10 * SECOND);                // everyone refilled: the next newcomer makes room
        assertTrue(buckets.take("f").allowed());
        assertTrue(buckets.size() <= 3);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 1, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 0, 1, now::get));
    }
}
