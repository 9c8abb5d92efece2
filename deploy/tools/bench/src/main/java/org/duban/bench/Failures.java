package org.duban.bench;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The errors of a benchmark run — a wrong answer, a refused request, an exception — counted, with the
 * first one kept. A run with errors measured something else than it says (73,366 rate-limited answers
 * once passed for a list benchmark), so {@link Bench#main} fails it loudly.
 */
final class Failures {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicReference<String> FIRST = new AtomicReference<>();

    private Failures() {
    }

    static void record(String what) {
        COUNT.incrementAndGet();
        FIRST.compareAndSet(null, what);
    }

    static void record(HttpResponse<?> response) {
        String body = response.body() instanceof String s ? s : "";
        record("HTTP " + response.statusCode() + " for " + response.request().method() + " " + response.request().uri()
                + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(300, body.length()))));
    }

    static void record(Throwable e) {
        record(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    static long count() {
        return COUNT.get();
    }

    static String first() {
        return FIRST.get();
    }
}
