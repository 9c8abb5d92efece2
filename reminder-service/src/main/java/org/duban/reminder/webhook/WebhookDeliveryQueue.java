package org.duban.reminder.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.duban.reminder.delivery.DueRows;
import org.duban.reminder.delivery.RetryPolicy;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery table as a work queue shared by every replica: claiming ({@link DueRows}) takes due rows
 * with {@code FOR UPDATE SKIP LOCKED} and leases them (pushes {@code next_attempt_at} forward), so two
 * workers never send the same attempt and a worker that dies only delays its deliveries by the
 * lease. Each method is its own short transaction; no transaction is open while a receiver is called.
 */
@ApplicationScoped
public class WebhookDeliveryQueue {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryQueue.class);
    private static final DueRows ROWS = new DueRows("webhook_delivery", "webhook_subscription", "subscription_id", "active");
    static final int MAX_ERROR_LENGTH = 500;

    private final EntityManager em;
    private final Clock clock;
    private final WebhooksConfig config;
    private final RetryPolicy policy;
    private final Event<WebhookDisabled> disabled;

    private final WebhookSecretsAtRest secrets;

    WebhookDeliveryQueue(EntityManager em, Clock clock, WebhooksConfig config, Event<WebhookDisabled> disabled,
                         WebhookSecretsAtRest secrets) {
        this.secrets = secrets;
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.policy = new RetryPolicy(config.retrySchedule(), config.disableAfterFailures(), config.disableAfter());
        this.disabled = disabled;
    }

    /** A delivery reserved for one attempt: everything the sender needs, without a transaction. */
    /** A claimed delivery; {@code secret} is the decrypted signing secret, null when it cannot be decrypted. */
    public record Claimed(long deliveryId, long version, long subscriptionId, String url, String secret,
                          String messageId, String eventType, String body, int attempt) {
        @Override
        public String toString() { // never the secret
            return "Claimed[delivery=" + deliveryId + ", subscription=" + subscriptionId + ", message=" + messageId
                    + ", attempt=" + attempt + "]";
        }
    }

    /** What one attempt came to: a status code (null without an answer), an error text (null on 2xx). */
    public record Outcome(Instant attemptedAt, long durationMs, Integer statusCode, String error) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /**
     * Claims up to {@code limit} due deliveries of active subscriptions, round-robin over
     * subscriptions (every subscription's oldest due delivery before anyone's second), and at most
     * {@code perSubscription} minus what this replica already has in flight for each — so a backlog or
     * a slow receiver never fills the worker.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(int limit, Map<Long, Integer> inFlight) {
        int perSubscription = config.perSubscriptionConcurrency();
        Instant now = clock.instant();
        List<DueRows.Lease> leases = ROWS.claim(em, now, now.plus(config.lease()), limit, perSubscription, inFlight);
        if (leases.isEmpty()) {
            return List.of();
        }
        List<WebhookDelivery> deliveries = WebhookDelivery.list("id in ?1 order by id",
                leases.stream().map(DueRows.Lease::id).toList());
        Map<Long, WebhookSubscription> subscriptions = new HashMap<>();
        WebhookSubscription.<WebhookSubscription>list("id in ?1",
                        deliveries.stream().map(d -> d.subscriptionId).distinct().toList())
                .forEach(s -> subscriptions.put(s.id, s));
        List<Claimed> claimed = new ArrayList<>(deliveries.size());
        for (WebhookDelivery d : deliveries) {
            WebhookSubscription s = subscriptions.get(d.subscriptionId);
            claimed.add(new Claimed(d.id, d.version, s.id, s.url, secrets.readable(s), d.messageId, d.eventType, d.body,
                    d.attempts + 1));
        }
        return claimed;
    }

    /**
     * Records an attempt and decides what follows: delivered, another attempt on the retry schedule,
     * or FAILED; and whether the subscription has failed long enough to be disabled.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(Claimed claimed, Outcome outcome) {
        // The subscription row first (the order DELETE takes too): its failure count is shared by
        // every delivery in flight for it.
        WebhookSubscription subscription = em.find(WebhookSubscription.class, claimed.subscriptionId(),
                LockModeType.PESSIMISTIC_WRITE);
        WebhookDelivery delivery = subscription == null ? null
                : em.find(WebhookDelivery.class, claimed.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            LOG.debugf("Webhook %d was deleted while delivery %d was being sent", claimed.subscriptionId(), claimed.deliveryId());
            return;
        }
        if (!subscription.active) {
            LOG.infof("Webhook %d was disabled while delivery %d attempt %d was in flight (%s); the result is dropped",
                    subscription.id, delivery.id, claimed.attempt(), describe(outcome));
            return;
        }
        if (delivery.version != claimed.version() || delivery.status != DeliveryStatus.PENDING) {
            // our lease ran out (a stalled worker) and another worker owns the delivery now
            LOG.warnf("Webhook %d delivery %d attempt %d (%s) finished after its lease; the result is dropped",
                    subscription.id, delivery.id, claimed.attempt(), describe(outcome));
            return;
        }
        Instant now = clock.instant();
        String error = truncate(outcome.error());
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = delivery.id;
        attempt.number = claimed.attempt();
        attempt.attemptedAt = outcome.attemptedAt();
        attempt.durationMs = (int) Math.min(Integer.MAX_VALUE, outcome.durationMs());
        attempt.statusCode = outcome.statusCode();
        attempt.error = error;
        attempt.persist();

        delivery.attempts = claimed.attempt();
        delivery.lastStatusCode = outcome.statusCode();
        delivery.lastError = error;
        if (outcome.delivered()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            subscription.consecutiveFailures = 0;
            subscription.failingSince = null;
            subscription.lastSuccessAt = now;
            LOG.debugf("Webhook %d delivery %d (message %s) delivered on attempt %d", subscription.id, delivery.id,
                    delivery.messageId, delivery.attempts);
            return;
        }
        Optional<Instant> next = policy.nextAttempt(delivery.attempts, now);
        delivery.nextAttemptAt = next.orElse(null);
        if (next.isEmpty()) {
            delivery.status = DeliveryStatus.FAILED;
        }
        subscription.consecutiveFailures++;
        if (subscription.failingSince == null) {
            subscription.failingSince = outcome.attemptedAt();
        }
        boolean giveUp = policy.shouldDisable(subscription.consecutiveFailures, subscription.failingSince, now);
        LOG.warnf("Webhook %d delivery %d (message %s) attempt %d of %d failed: %s; %s", subscription.id, delivery.id,
                delivery.messageId, delivery.attempts, policy.maxAttempts(), describe(outcome),
                giveUp ? "the webhook has failed too long and is disabled"
                        : next.map(at -> "next attempt at " + at).orElse("no attempts left, the delivery is FAILED"));
        if (giveUp) {
            disable(subscription, delivery, now, describe(outcome));
        }
    }

    private void disable(WebhookSubscription subscription, WebhookDelivery current, Instant now, String lastFailure) {
        String reason = subscription.consecutiveFailures + " attempts in a row failed and none has succeeded since "
                + subscription.failingSince + "; the last failed with " + lastFailure;
        subscription.active = false;
        subscription.disabledAt = now;
        subscription.disabledReason = truncate(reason);
        current.status = DeliveryStatus.FAILED;
        current.nextAttemptAt = null;
        em.flush();
        // The others are closed too; one in flight right now sees the new version and drops its result.
        int closed = em.createNativeQuery("""
                        UPDATE webhook_delivery
                        SET status = 'FAILED', next_attempt_at = NULL, version = version + 1,
                            last_error = ?1
                        WHERE subscription_id = ?2 AND status = 'PENDING'""")
                .setParameter(1, "given up: the webhook was disabled at " + now)
                .setParameter(2, subscription.id)
                .executeUpdate();
        LOG.errorf("Webhook %d (unit %s) disabled: %s. %d more pending deliveries were given up", subscription.id,
                subscription.unitCode == null ? "all" : subscription.unitCode, reason, closed);
        disabled.fire(new WebhookDisabled(subscription.id, subscription.unitCode, subscription.url, subscription.disabledReason));
    }

    /** Deletes finished deliveries created before {@code cutoff}, with their attempts. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeFinishedBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }

    /**
     * Gives up deliveries still PENDING for a disabled subscription: those enqueued by a transaction
     * that committed just after the one that disabled it. They are never claimed; this only closes them.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int closeOrphans() {
        return em.createNativeQuery("""
                        UPDATE webhook_delivery d
                        SET status = 'FAILED', next_attempt_at = NULL, version = d.version + 1,
                            last_error = 'given up: the webhook was disabled'
                        FROM webhook_subscription s
                        WHERE s.id = d.subscription_id AND NOT s.active AND d.status = 'PENDING'""")
                .executeUpdate();
    }

    private static String describe(Outcome outcome) {
        if (outcome.error() != null) {
            return outcome.error();
        }
        return "HTTP " + outcome.statusCode();
    }

    static String truncate(String text) {
        if (text == null || text.length() <= MAX_ERROR_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
