package org.duban.tokens;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void aTokenIsFoundByItsExactTextUntilItsExpiry() {
        TokenCache<String> cache = new TokenCache<>(10, now::get);
        cache.remember("a.b.c", "office", 1_060);
        assertEquals("office", cache.find("a.b.c"));
        assertNull(cache.find("a.b.d"), "another token, even one character apart, is another key");
        now.set(1_059);
        assertEquals("office", cache.find("a.b.c"));
        now.set(1_060);
        assertNull(cache.find("a.b.c"), "at exp the token is expired");
        assertEquals(0, cache.size(), "and forgotten");
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        TokenCache<String> cache = new TokenCache<>(10, now::get);
        cache.remember("old", "office", 1_000);
        cache.remember("older", "office", 900);
        assertEquals(0, cache.size());
    }

    @Test
    void itStaysWithinItsBoundDroppingExpiredEntriesFirst() {
        TokenCache<String> cache = new TokenCache<>(3, now::get);
        cache.remember("t1", "1", 1_010);
        cache.remember("t2", "2", 1_100);
        cache.remember("t3", "3", 1_100);
        now.set(1_020); // t1 has expired
        cache.remember("t4", "4", 1_100);
        assertEquals(3, cache.size());
        assertNull(cache.find("t1"));
        assertEquals("2", cache.find("t2"));
        cache.remember("t5", "5", 1_100); // full of live tokens: it starts again
        assertEquals(1, cache.size());
        assertEquals("5", cache.find("t5"));
        assertNull(cache.find("t2"));
        cache.remember("t5", "5 again", 1_200); // a known token is replaced, not counted twice
        assertEquals(1, cache.size());
        assertThrows(IllegalArgumentException.class, () -> new TokenCache<String>(0, now::get));
    }
}
