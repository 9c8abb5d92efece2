package org.duban.tokens;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a process remembers of the bearer tokens it has verified: the value (an identity) of each token, by
 * the token's exact text, until the token's own expiry. A token that differs in a single character is another
 * key, so nothing is ever found for a token that was not verified as it is. Bounded: at {@code maxSize} the
 * expired entries go, and if that is not enough, all of them (the next request of each user verifies again).
 *
 * @param <V> what is remembered per token
 */
final class TokenCache<V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final LongSupplier epochSeconds;

    TokenCache(int maxSize, LongSupplier epochSeconds) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1");
        }
        this.maxSize = maxSize;
        this.epochSeconds = epochSeconds;
    }

    /** The value remembered for exactly this token, or null when there is none or the token has expired. */
    V find(String token) {
        Entry<V> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAt() <= epochSeconds.getAsLong()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.value();
    }

    /**
     * Remembers {@code value} for {@code token} until {@code expiresAt} (epoch seconds, the token's {@code exp}).
     * A token already expired is not remembered.
     */
    void remember(String token, V value, long expiresAt) {
        long now = epochSeconds.getAsLong();
        if (expiresAt <= now) {
            return;
        }
        if (entries.size() >= maxSize && !entries.containsKey(token)) {
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(token, new Entry<>(value, expiresAt));
    }

    int size() {
        return entries.size();
    }
}
