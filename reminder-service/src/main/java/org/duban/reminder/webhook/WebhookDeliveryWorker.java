package org.duban.reminder.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.duban.reminder.webhook.WebhookDeliveryQueue.Claimed;
import org.duban.reminder.webhook.WebhookDeliveryQueue.Outcome;
import org.jboss.logging.Logger;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries. A single "pump" claims as many as there are free sender slots
 * ({@code max-concurrency}), never more than {@code per-subscription-concurrency} for one
 * subscription, and hands each to a sender thread; every finished attempt frees its slot and wakes
 * the pump again. So a receiver that hangs until the timeout occupies at most its own slots, and the
 * others' deliveries go on. The pump runs on every poll, right after an enqueue commits, and after
 * each attempt.
 */
@ApplicationScoped
public class WebhookDeliveryWorker {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class);
    private static final int RESPONSE_SNIPPET_BYTES = 200;
    static final String USER_AGENT = "Duban-Webhooks/1.0";

    private final WebhookDeliveryQueue queue;
    private final WebhooksConfig config;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<Long, Integer> inFlightBySubscription = new ConcurrentHashMap<>();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private volatile boolean running;
    private ExecutorService pump;
    private ExecutorService senders;
    private HttpClient http;

    WebhookDeliveryWorker(WebhookDeliveryQueue queue, WebhooksConfig config, Clock clock) {
        this.queue = queue;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!config.worker().enabled()) {
            LOG.info("Webhook delivery worker is disabled");
            return;
        }
        if (config.lease().compareTo(config.timeout().plus(config.connectTimeout())) <= 0) {
            throw new IllegalStateException("duban.webhooks.lease (" + config.lease() + ") must be longer than "
                    + "duban.webhooks.timeout plus connect-timeout, or a slow attempt could be sent twice");
        }
        if (config.maxConcurrency() < 1 || config.perSubscriptionConcurrency() < 1) {
            throw new IllegalStateException("duban.webhooks.max-concurrency and per-subscription-concurrency must be at least 1");
        }
        pump = Executors.newSingleThreadExecutor(named("webhook-pump"));
        // An attempt mostly waits for a receiver (up to the timeout): a virtual thread each, so a hanging
        // receiver parks no platform thread. How many run at once stays bounded by the pump's slots.
        senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-sender-", 1).factory());
        http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        running = true;
        kick();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (pump != null) {
            pump.shutdownNow();
            senders.shutdownNow(); // attempts cut short are not recorded: their lease runs out and they are made again
            senders.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Scheduled(every = "${duban.webhooks.poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    void onEnqueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookEnqueued event) {
        kick();
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        queue.closeOrphans();
        int deleted = queue.purgeFinishedBefore(clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.infof("Deleted %d finished webhook deliveries older than %s", deleted, config.retention());
        }
    }

    /** Looks for due deliveries now, on the pump thread; calls while a look is queued are merged into it. */
    public void kick() {
        if (running && pumpQueued.compareAndSet(false, true)) {
            try {
                pump.execute(this::pumpOnce);
            } catch (RejectedExecutionException e) {
                pumpQueued.set(false); // shutting down
            }
        }
    }

    private void pumpOnce() {
        pumpQueued.set(false); // a kick from now on queues another pass, so no wake-up is lost
        try {
            while (running) {
                int free = config.maxConcurrency() - inFlight.get();
                if (free <= 0) {
                    return; // the next attempt to finish kicks again
                }
                List<Claimed> claimed = queue.claim(free, Map.copyOf(inFlightBySubscription));
                for (Claimed delivery : claimed) {
                    inFlight.incrementAndGet();
                    inFlightBySubscription.merge(delivery.subscriptionId(), 1, Integer::sum);
                    senders.execute(() -> attempt(delivery));
                }
                if (claimed.size() < free) {
                    return;
                }
            }
        } catch (RejectedExecutionException e) {
            LOG.debug("Webhook worker is shutting down");
        } catch (RuntimeException e) {
            LOG.warnf("Looking for due webhook deliveries failed; trying again at the next poll: %s", e.toString());
        }
    }

    private void attempt(Claimed delivery) {
        try {
            Outcome outcome = send(delivery);
            if (outcome != null) {
                queue.complete(delivery, outcome);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Recording webhook %d delivery %d failed; it is attempted again when its lease runs out",
                    delivery.subscriptionId(), delivery.deliveryId());
        } finally {
            inFlight.decrementAndGet();
            inFlightBySubscription.computeIfPresent(delivery.subscriptionId(), (id, n) -> n <= 1 ? null : n - 1);
            kick();
        }
    }

    /** One HTTP attempt; null when it was cut short by shutdown and must not count. */
    Outcome send(Claimed delivery) {
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignature.ID_HEADER, delivery.messageId())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(delivery.secret(), delivery.messageId(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return new Outcome(at, 0, null, "cannot send to this URL: " + e.getMessage());
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(request, info ->
                HttpResponse.BodySubscribers.fromSubscriber(new FirstBytes(RESPONSE_SNIPPET_BYTES), FirstBytes::text));
        try {
            // the request timeout covers the answer's head; this deadline covers its body too
            HttpResponse<String> answer = response.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            int status = answer.statusCode();
            String error = null;
            if (status < 200 || status >= 300) {
                error = "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "")
                        + (answer.body().isEmpty() ? "" : ": " + answer.body());
            }
            return new Outcome(at, millisSince(started), status, error);
        } catch (TimeoutException e) {
            response.cancel(true);
            return new Outcome(at, millisSince(started), null, "no answer within " + human(config.timeout()));
        } catch (ExecutionException e) {
            return new Outcome(at, millisSince(started), null, describe(e.getCause()));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A failure in words for the delivery log: no class names, just what happened. */
    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within " + human(config.connectTimeout());
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + human(config.timeout());
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

    static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static ThreadFactory named(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Keeps the first bytes of an answer (for the log) and drops the rest, however much a receiver sends. */
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
