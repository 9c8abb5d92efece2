package org.duban.reminder.delivery;

import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.platform.outbound.OutboundPolicy;
import org.duban.platform.outbound.OutboundRefused;
import org.duban.platform.outbound.OutboundTarget;
import org.duban.platform.outbound.PinnedHttpClient;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every HTTP call this service makes to a receiver outside — webhooks, WeCom, DingTalk and Feishu
 * robots, the SMS provider — goes through {@link #send}. It is the one place where the outbound policy
 * (platform {@link OutboundPolicy}: no loopback, link-local or private address unless allowed) is applied, and the
 * connection goes to the address the policy checked (no second DNS lookup); redirects are never followed, an answer is
 * read only up to {@link Request#keepBytes()} and the whole exchange is bounded by the request's timeout.
 */
@ApplicationScoped
public class OutboundHttp {

    private final Clock clock;
    private final OutboundPolicy policy;
    private final PinnedHttpClient http;

    public OutboundHttp(Clock clock, OutboundPolicy policy, PinnedHttpClient http) {
        this.clock = clock;
        this.policy = policy;
        this.http = http;
    }

    /**
     * One request.
     *
     * @param method         {@code POST} or {@code GET}
     * @param body           UTF-8 text, or null for none
     * @param connectTimeout no connection within this fails the call
     * @param timeout        no complete answer within this fails the call
     * @param keepBytes      how much of the answer's body is kept (for checking it and for the log)
     */
    public record Request(String method, URI uri, Map<String, String> headers, String body, Duration connectTimeout,
                          Duration timeout, int keepBytes) {
    }

    /**
     * What came of a request: the HTTP status and the first bytes of the answer, or (status null) why there
     * was none, in words without class names.
     */
    public record Reply(Instant attemptedAt, long durationMs, Integer status, String body, String error) {
        public boolean is2xx() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /**
     * Checks the URL against the outbound policy (resolving its host once), then sends over a connection
     * pinned to the checked address and waits; null when the calling thread was interrupted (shutdown):
     * such a call must not count.
     */
    public Reply send(Request request) {
        Instant at = clock.instant();
        OutboundTarget target;
        try {
            target = policy.check(request.uri());
        } catch (OutboundRefused e) {
            return new Reply(at, 0, null, "", "refused by the outbound policy: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Reply(at, 0, null, "", "cannot send to this URL: " + e.getMessage());
        }
        HttpMethod method;
        try {
            method = HttpMethod.valueOf(request.method());
        } catch (IllegalArgumentException e) {
            return new Reply(at, 0, null, "", "cannot send with method " + request.method());
        }
        long started = System.nanoTime();
        CompletableFuture<PinnedHttpClient.Answer> response = http.send(target, method, request.headers(),
                request.body(), request.connectTimeout(), request.timeout(), request.keepBytes());
        try {
            // the idle timeout covers a receiver that stops sending; this deadline covers the whole answer
            PinnedHttpClient.Answer answer = response.get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Reply(at, millisSince(started), answer.status(), answer.snippet(), null);
        } catch (TimeoutException e) {
            response.cancel(true);
            return new Reply(at, millisSince(started), null, "", "no answer within " + human(request.timeout()));
        } catch (ExecutionException e) {
            return new Reply(at, millisSince(started), null, "", describe(e.getCause(), request));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A failure in words for a delivery log: no class names, just what happened. */
    private static String describe(Throwable failure, Request request) {
        if (failure instanceof io.netty.channel.ConnectTimeoutException) {
            return "no connection within " + human(request.connectTimeout());
        }
        if (failure instanceof TimeoutException || failure instanceof io.netty.handler.timeout.TimeoutException
                || failure.getClass().getSimpleName().contains("TimeoutException")) {
            return "no answer within " + human(request.timeout());
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof ConnectException || cause instanceof SSLException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException) {
            return "connection failed" + detail(cause);
        }
        if (cause instanceof SSLException) {
            return "TLS failed" + detail(cause);
        }
        if (cause instanceof IOException) {
            return "connection error" + detail(cause);
        }
        return "sending failed" + detail(cause);
    }

    private static String detail(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "" : ": " + message;
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    public static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
