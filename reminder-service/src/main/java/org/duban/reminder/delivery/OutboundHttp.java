package org.duban.reminder.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every HTTP call this service makes to a receiver outside — webhooks, WeCom, DingTalk and Feishu
 * robots, the SMS provider — goes through {@link #send}. It is the one place where an outbound policy
 * (which hosts and addresses may be called) is applied; redirects are never followed, an answer is
 * read only up to {@link Request#keepBytes()} and the whole exchange is bounded by the request's timeout.
 */
@ApplicationScoped
public class OutboundHttp {

    private final Clock clock;
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    public OutboundHttp(Clock clock) {
        this.clock = clock;
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

    /** Sends and waits; null when the calling thread was interrupted (shutdown): such a call must not count. */
    public Reply send(Request request) {
        Instant at = clock.instant();
        HttpRequest http;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
            request.headers().forEach(builder::header);
            builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
            http = builder.build();
        } catch (IllegalArgumentException e) {
            return new Reply(at, 0, null, "", "cannot send to this URL: " + e.getMessage());
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> response = client(request.connectTimeout()).sendAsync(http, info ->
                HttpResponse.BodySubscribers.fromSubscriber(new FirstBytes(request.keepBytes()), FirstBytes::text));
        try {
            // the request timeout covers the answer's head; this deadline covers its body too
            HttpResponse<String> answer = response.get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Reply(at, millisSince(started), answer.statusCode(), answer.body(), null);
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

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    /** A failure in words for a delivery log: no class names, just what happened. */
    private static String describe(Throwable failure, Request request) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within " + human(request.connectTimeout());
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + human(request.timeout());
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof ConnectException || cause instanceof SSLException || cause instanceof UnknownHostException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return "host not found";
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

    /** Keeps the first bytes of an answer and drops the rest, however much a receiver sends. */
    private static final class FirstBytes implements Flow.Subscriber<List<ByteBuffer>> {

        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;

        FirstBytes(int limit) {
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int n = Math.min(buffer.remaining(), limit - kept.size());
                if (n > 0) {
                    byte[] bytes = new byte[n];
                    buffer.get(bytes);
                    kept.write(bytes, 0, n);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the future fails with it
        }

        @Override
        public void onComplete() {
        }

        String text() {
            return new String(kept.toByteArray(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        }
    }
}
