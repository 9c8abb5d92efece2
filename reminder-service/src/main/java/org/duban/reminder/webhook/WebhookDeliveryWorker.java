package org.duban.reminder.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.duban.reminder.delivery.OutboundHttp;
import org.duban.reminder.delivery.SlotPump;
import org.duban.reminder.webhook.WebhookDeliveryQueue.Claimed;
import org.duban.reminder.webhook.WebhookDeliveryQueue.Outcome;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Sends due deliveries through a {@link SlotPump}: as many as there are free sender slots
 * ({@code max-concurrency}), never more than {@code per-subscription-concurrency} for one subscription,
 * so a receiver that hangs until the timeout occupies at most its own slots and the others' deliveries
 * go on. The pump runs on every poll, right after an enqueue commits, and after each attempt. The HTTP
 * call itself is {@link OutboundHttp}'s.
 */
@ApplicationScoped
public class WebhookDeliveryWorker {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class);
    private static final int RESPONSE_SNIPPET_BYTES = 200;
    static final String USER_AGENT = "Duban-Webhooks/1.0";

    private final WebhookDeliveryQueue queue;
    private final WebhooksConfig config;
    private final Clock clock;
    private final OutboundHttp http;
    private SlotPump<Claimed> pump;

    WebhookDeliveryWorker(WebhookDeliveryQueue queue, WebhooksConfig config, Clock clock, OutboundHttp http) {
        this.queue = queue;
        this.config = config;
        this.clock = clock;
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
        pump = new SlotPump<>("webhook", config.maxConcurrency(), queue::claim, Claimed::subscriptionId, this::attempt);
        pump.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (pump != null) {
            pump.stop();
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
        if (pump != null) {
            pump.kick();
        }
    }

    private void attempt(Claimed delivery) {
        Outcome outcome = send(delivery);
        if (outcome != null) {
            queue.complete(delivery, outcome);
        }
    }

    /**
     * One HTTP attempt; null when it was cut short by shutdown and must not count. The URL goes through
     * the outbound policy first (resolved once, here); the connection is pinned to the checked address.
     */
    Outcome send(Claimed delivery) {
        long timestamp = clock.instant().getEpochSecond();
        URI uri;
        try {
            uri = URI.create(delivery.url());
        } catch (IllegalArgumentException e) {
            return new Outcome(clock.instant(), 0, null, "cannot send to this URL: " + e.getMessage());
        }
        if (delivery.secret() == null) {
            return new Outcome(clock.instant(), 0, null, "the signing secret cannot be decrypted (see the service log); "
                    + "create a new subscription or restore the key");
        }
        OutboundHttp.Reply reply = http.send(new OutboundHttp.Request("POST", uri, Map.of(
                "Content-Type", "application/json",
                "User-Agent", USER_AGENT,
                WebhookSignature.ID_HEADER, delivery.messageId(),
                WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(delivery.secret(), delivery.messageId(), timestamp, delivery.body())),
                delivery.body(), config.connectTimeout(), config.timeout(), RESPONSE_SNIPPET_BYTES));
        if (reply == null) {
            return null;
        }
        String error = reply.error();
        Integer status = reply.status();
        if (status != null && !reply.is2xx()) {
            error = "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "")
                    + (reply.body().isEmpty() ? "" : ": " + reply.body());
        }
        return new Outcome(reply.attemptedAt(), reply.durationMs(), status, error);
    }
}
