package org.duban.gateway.traffic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: {@code burst} requests at once, refilled at {@code ratePerSecond}.
 * Memory stays bounded: a bucket that has refilled completely says nothing a new bucket would not,
 * so {@link #evictIdle()} drops it; and when {@code maxClients} are tracked even after that, the
 * newcomers share one overflow bucket (a flood of made-up clients then throttles itself, not the
 * clients already known).
 */
public final class TokenBuckets {

    static final String OVERFLOW = "\u0000overflow";

    /** Whether a request may pass, and if not, how long until it could. */
    public record Decision(boolean allowed, long retryAfterNanos) {
        /** Whole seconds to wait, at least one (for {@code Retry-After}). */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final double perNano;
    private final int burst;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double ratePerSecond, int burst, int maxClients, LongSupplier nanoTime) {
        if (ratePerSecond <= 0 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("rate, burst and max clients must be positive");
        }
        this.perNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
    }

    /** Takes one token from the client's bucket. */
    public Decision take(String client) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                evictIdle();
            }
            String key = buckets.size() >= maxClients ? OVERFLOW : client;
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        }
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            return new Decision(false, (long) Math.ceil((1 - bucket.tokens) / perNano));
        }
    }

    /** Drops every bucket that is full again; returns how many were dropped. */
    public int evictIdle() {
        long now = nanoTime.getAsLong();
        int dropped = 0;
        for (Map.Entry<String, Bucket> entry : buckets.entrySet()) {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                refill(bucket, now);
                if (bucket.tokens >= burst && buckets.remove(entry.getKey(), bucket)) {
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** How many clients are tracked now. */
    public int size() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = now - bucket.refilledAt;
        if (elapsed > 0) {
            bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perNano);
            bucket.refilledAt = now;
        }
    }
}
