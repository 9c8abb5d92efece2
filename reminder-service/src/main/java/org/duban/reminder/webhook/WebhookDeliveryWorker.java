package org.duban.reminder.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.duban.platform.outbound.OutboundPolicy;
import org.duban.platform.outbound.OutboundRefused;
import org.duban.platform.outbound.OutboundTarget;
import org.duban.platform.outbound.PinnedHttpClient;
import org.duban.reminder.webhook.WebhookDeliveryQueue.Claimed;
import org.duban.reminder.webhook.WebhookDeliveryQueue.Outcome;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private final OutboundPolicy policy;
    private final PinnedHttpClient http;

    WebhookDeliveryWorker(WebhookDeliveryQueue queue, WebhooksConfig config, Clock clock, OutboundPolicy policy,
                          PinnedHttpClient http) {
        this.queue = queue;
        this.config = config;
        this.clock = clock;
        this.policy = policy;
        this.http = http;
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

    /**
     * One HTTP attempt; null when it was cut short by shutdown and must not count. The URL goes through
     * the outbound policy first (resolved once, here); the connection is pinned to the checked address.
     */
    Outcome send(Claimed delivery) {
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        OutboundTarget target;
        try {
            target = policy.check(delivery.url());
        } catch (OutboundRefused e) {
            return new Outcome(at, 0, null, "refused by the outbound policy: " + e.getMessage());
        }
        if (delivery.secret() == null) {
            return new Outcome(at, 0, null, "the signing secret cannot be decrypted (see the service log); "
                    + "create a new subscription or restore the key");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put(WebhookSignature.ID_HEADER, delivery.messageId());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(delivery.secret(), delivery.messageId(), timestamp, delivery.body()));
        long started = System.nanoTime();
        CompletableFuture<PinnedHttpClient.Answer> response = http.post(target, headers, delivery.body(),
                config.connectTimeout(), config.timeout(), RESPONSE_SNIPPET_BYTES);
        try {
            // the idle timeout covers a receiver that stops sending; this deadline covers the whole answer
            PinnedHttpClient.Answer answer = response.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            int status = answer.status();
            String error = null;
            if (status < 200 || status >= 300) {
                error = "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "")
                        + (answer.snippet().isEmpty() ? "" : ": " + answer.snippet());
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
        if (failure instanceof io.netty.channel.ConnectTimeoutException) {
            return "no connection within " + human(config.connectTimeout());
        }
        if (failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof io.netty.handler.timeout.TimeoutException
                || failure.getClass().getSimpleName().contains("TimeoutException")) {
            return "no answer within " + human(config.timeout());
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
}
