package org.duban.gateway.traffic;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One Bucket4j token bucket per client: {@code burst} requests at once, refilled greedily (a token as
 * soon as it is due) at {@code ratePerSecond}. Memory stays bounded: a bucket that has refilled
 * completely says nothing a new bucket would not, so {@link #evictIdle()} drops it; and when
 * {@code maxClients} are tracked even after that, the newcomers share one overflow bucket (a flood of
 * made-up clients then throttles itself, not the clients already known).
 */
public final class RateLimiter {

    static final String OVERFLOW = "\u0000overflow";

    /** Whether a request may pass, and if not, how long until it could. */
    public record Decision(boolean allowed, long retryAfterNanos) {
        /** Whole seconds to wait, at least one (for {@code Retry-After}). */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    private final Bandwidth bandwidth;
    private final int burst;
    private final int maxClients;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}) */
    public RateLimiter(double ratePerSecond, int burst, int maxClients, LongSupplier nanoTime) {
        if (!(ratePerSecond > 0) || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("rate, burst and max clients must be positive");
        }
        // the whole burst refills in burst / rate seconds; whole tokens in whole nanoseconds keep the rate exact
        double refillNanos = burst * 1e9 / ratePerSecond;
        if (refillNanos < 1 || refillNanos > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException(
                    "a rate of " + ratePerSecond + " per second with a burst of " + burst + " cannot be kept");
        }
        this.bandwidth = Bandwidth.builder().capacity(burst)
                .refillGreedy(burst, Duration.ofNanos(Math.round(refillNanos))).build();
        this.burst = burst;
        this.maxClients = maxClients;
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /** Takes one token from the client's bucket. */
    public Decision take(String client) {
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                evictIdle();
            }
            String key = buckets.size() >= maxClients ? OVERFLOW : client;
            bucket = buckets.computeIfAbsent(key, k -> newBucket());
        }
        // a bucket evicted between get and here was full: this request is at worst one token the client is not charged
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? new Decision(true, 0) : new Decision(false, probe.getNanosToWaitForRefill());
    }

    /** Drops every bucket that is full again; returns how many were dropped. */
    public int evictIdle() {
        int dropped = 0;
        for (Map.Entry<String, Bucket> entry : buckets.entrySet()) {
            if (entry.getValue().getAvailableTokens() >= burst && buckets.remove(entry.getKey(), entry.getValue())) {
                dropped++;
            }
        }
        return dropped;
    }

    /** How many clients are tracked now. */
    public int size() {
        return buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(clock).build();
    }
}
