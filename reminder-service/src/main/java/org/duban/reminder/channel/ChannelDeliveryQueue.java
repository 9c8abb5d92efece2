package org.duban.reminder.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.duban.reminder.calendar.WorkCalendar;
import org.duban.reminder.delivery.DueRows;
import org.duban.reminder.delivery.RetryPolicy;
import org.duban.reminder.webhook.DeliveryStatus;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channel deliveries as a work queue shared by every replica, the way webhook deliveries are: rows
 * written in the dispatching transaction under the unique key (channel, message), claimed and leased
 * with {@link DueRows}, each attempt recorded in its own short transaction (none is open while a robot
 * is called). A delivery or retry that falls in its channel's quiet hours is due at their end.
 */
@ApplicationScoped
public class ChannelDeliveryQueue {

    private static final Logger LOG = Logger.getLogger(ChannelDeliveryQueue.class);
    private static final DueRows ROWS = new DueRows("channel_delivery", "channel", "channel_id", "enabled");
    static final int MAX_ERROR_LENGTH = 500;

    private final EntityManager em;
    private final Clock clock;
    private final ChannelsConfig config;
    private final RetryPolicy policy;
    private final WorkCalendar calendar;
    private final Event<ChannelDisabled> disabled;
    private final Event<ChannelEnqueued> enqueued;
    private final ChannelSecretsAtRest secrets;

    ChannelDeliveryQueue(EntityManager em, Clock clock, ChannelsConfig config, WorkCalendar calendar,
                         Event<ChannelDisabled> disabled, Event<ChannelEnqueued> enqueued, ChannelSecretsAtRest secrets) {
        this.em = em;
        this.secrets = secrets;
        this.clock = clock;
        this.config = config;
        this.policy = new RetryPolicy(config.retrySchedule(), config.disableAfterFailures(), Duration.ZERO);
        this.calendar = calendar;
        this.disabled = disabled;
        this.enqueued = enqueued;
    }

    /** A delivery reserved for one attempt: everything the sender needs, without a transaction. */
    public record Claimed(long deliveryId, long version, Outgoing message, int attempt) {
        long channelId() {
            return message.channelId();
        }
    }

    /**
     * Inside the dispatching transaction: queues one message part for an enabled channel, due at once or
     * at the end of its quiet hours. The same (channel, messageId) is stored at most once. Returns whether
     * it was queued now; call {@link #wakeAfterCommit} once after the last.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(Channel channel, String messageId, int part, int parts, String title, String body) {
        Instant due = due(channel.quietHours, clock.instant());
        int created = em.createNativeQuery("""
                        INSERT INTO channel_delivery (channel_id, message_id, part, parts, title, body, status, attempts,
                                                      next_attempt_at, created_at, version)
                        SELECT c.id, ?2, ?3, ?4, ?5, ?6, 'PENDING', 0, ?7, ?8, 0
                        FROM channel c WHERE c.id = ?1 AND c.enabled
                        FOR KEY SHARE
                        ON CONFLICT (channel_id, message_id) DO NOTHING""")
                .setParameter(1, channel.id).setParameter(2, messageId).setParameter(3, part).setParameter(4, parts)
                .setParameter(5, title).setParameter(6, body).setParameter(7, due).setParameter(8, clock.instant())
                .executeUpdate();
        return created > 0;
    }

    /** Wakes the worker once the transaction that queued {@code deliveries} commits; one call per transaction is enough. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void wakeAfterCommit(int deliveries) {
        if (deliveries > 0) {
            enqueued.fire(new ChannelEnqueued(deliveries));
        }
    }

    /** When something wanting to go at {@code at} may go: at once, or at the end of the quiet hours. */
    Instant due(String quietHours, Instant at) {
        return quietHours == null ? at : QuietHours.parse(quietHours).release(at, calendar::isWorkingDay);
    }

    /** Claims up to {@code limit} due deliveries of enabled channels, round-robin over channels. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(int limit, Map<Long, Integer> inFlight) {
        Instant now = clock.instant();
        List<DueRows.Lease> leases = ROWS.claim(em, now, now.plus(config.lease()), limit,
                config.perChannelConcurrency(), inFlight);
        if (leases.isEmpty()) {
            return List.of();
        }
        List<ChannelDelivery> deliveries = ChannelDelivery.list("id in ?1 order by id",
                leases.stream().map(DueRows.Lease::id).toList());
        Map<Long, Channel> channels = new HashMap<>();
        Channel.<Channel>list("id in ?1", deliveries.stream().map(d -> d.channelId).distinct().toList())
                .forEach(c -> channels.put(c.id, c));
        List<Claimed> claimed = new ArrayList<>(deliveries.size());
        for (ChannelDelivery d : deliveries) {
            claimed.add(new Claimed(d.id, d.version, outgoing(channels.get(d.channelId), d), d.attempts + 1));
        }
        return claimed;
    }

    private Outgoing outgoing(Channel c, ChannelDelivery d) {
        ChannelSecretsAtRest.Opened opened = secrets.open(c);
        return new Outgoing(c.id, c.unitCode, c.type, opened.target(), opened.secret(), d.messageId, d.title, d.body,
                opened.unreadable());
    }

    /**
     * Records an attempt and decides what follows: delivered; another attempt on the retry schedule (after
     * the quiet hours); or FAILED; and whether the channel has failed often enough in a row to be disabled.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(Claimed claimed, SendResult result) {
        // The channel row first (the order DELETE takes too): its failure count is shared by its deliveries.
        Channel channel = em.find(Channel.class, claimed.channelId(), LockModeType.PESSIMISTIC_WRITE);
        ChannelDelivery delivery = channel == null ? null
                : em.find(ChannelDelivery.class, claimed.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            LOG.debugf("Channel %d was deleted while delivery %d was being sent", claimed.channelId(), claimed.deliveryId());
            return;
        }
        if (!channel.enabled) {
            LOG.infof("Channel %d was disabled while delivery %d was in flight (%s); the result is dropped",
                    channel.id, delivery.id, describe(result));
            return;
        }
        if (delivery.version != claimed.version() || delivery.status != DeliveryStatus.PENDING) {
            LOG.warnf("Channel %d delivery %d attempt %d (%s) finished after its lease; the result is dropped",
                    channel.id, delivery.id, claimed.attempt(), describe(result));
            return;
        }
        Instant now = clock.instant();
        record(delivery, claimed.attempt(), result);
        if (result.delivered()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            channel.consecutiveFailures = 0;
            channel.lastSuccessAt = now;
            return;
        }
        Optional<Instant> next = policy.nextAttempt(delivery.attempts, now).map(at -> due(channel.quietHours, at));
        delivery.nextAttemptAt = next.orElse(null);
        if (next.isEmpty()) {
            delivery.status = DeliveryStatus.FAILED;
        }
        channel.consecutiveFailures++;
        boolean giveUp = channel.consecutiveFailures >= policy.disableAfterFailures();
        LOG.warnf("Channel %d (%s of %s) delivery %d attempt %d of %d failed: %s; %s", channel.id, channel.type,
                channel.unitCode, delivery.id, delivery.attempts, policy.maxAttempts(), describe(result),
                giveUp ? "the channel has failed too often in a row and is disabled"
                        : next.map(at -> "next attempt at " + at).orElse("no attempts left, the delivery is FAILED"));
        if (giveUp) {
            disable(channel, delivery, now, describe(result));
        }
    }

    private void record(ChannelDelivery delivery, int number, SendResult result) {
        String error = truncate(result.error());
        ChannelAttempt attempt = new ChannelAttempt();
        attempt.deliveryId = delivery.id;
        attempt.number = number;
        attempt.attemptedAt = result.attemptedAt();
        attempt.durationMs = (int) Math.min(Integer.MAX_VALUE, result.durationMs());
        attempt.statusCode = result.statusCode();
        attempt.error = error;
        attempt.persist();
        delivery.attempts = number;
        delivery.lastStatusCode = result.statusCode();
        delivery.lastError = error;
    }

    private void disable(Channel channel, ChannelDelivery current, Instant now, String lastFailure) {
        String reason = channel.consecutiveFailures + " attempts in a row failed; the last: " + lastFailure;
        channel.enabled = false;
        channel.disabledAt = now;
        channel.disabledReason = truncate(reason);
        current.status = DeliveryStatus.FAILED;
        current.nextAttemptAt = null;
        em.flush();
        int closed = em.createNativeQuery("""
                        UPDATE channel_delivery SET status = 'FAILED', next_attempt_at = NULL, version = version + 1,
                                                    last_error = ?1
                        WHERE channel_id = ?2 AND status = 'PENDING' AND NOT test""")
                .setParameter(1, "given up: the channel was disabled at " + now)
                .setParameter(2, channel.id)
                .executeUpdate();
        LOG.errorf("Channel %d (%s of %s) disabled: %s. %d more pending deliveries were given up", channel.id,
                channel.type, channel.unitCode, reason, closed);
        disabled.fire(new ChannelDisabled(channel.id, channel.unitCode, channel.type, channel.disabledReason));
    }

    /** A test message's row: logged with the channel's deliveries, never claimed by the worker. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claimed queueTest(long channelId, ChannelMessages.Message message, String body) {
        Channel channel = Channel.findById(channelId);
        ChannelDelivery d = new ChannelDelivery();
        d.channelId = channelId;
        d.messageId = "test-" + java.util.UUID.randomUUID();
        d.part = 1;
        d.parts = 1;
        d.title = message.title();
        d.body = body;
        d.test = true;
        d.status = DeliveryStatus.PENDING;
        d.createdAt = clock.instant();
        d.persist();
        em.flush();
        return new Claimed(d.id, d.version, outgoing(channel, d), 1);
    }

    /** Records a test's outcome; a test counts for nothing towards disabling, nor does it re-enable. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ChannelDelivery completeTest(Claimed claimed, SendResult result) {
        ChannelDelivery delivery = ChannelDelivery.findById(claimed.deliveryId());
        if (delivery == null) {
            return null;
        }
        SendResult outcome = result != null ? result
                : new SendResult(clock.instant(), 0, null, "cut short: the service is shutting down");
        record(delivery, 1, outcome);
        delivery.status = outcome.delivered() ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED;
        delivery.deliveredAt = outcome.delivered() ? clock.instant() : null;
        return delivery;
    }

    /** Deletes finished deliveries created before {@code cutoff}, with their attempts. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeFinishedBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM channel_delivery WHERE status <> 'PENDING' AND created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }

    /** Gives up deliveries still PENDING for a disabled channel (queued by a transaction that committed just after it was). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int closeOrphans() {
        return em.createNativeQuery("""
                        UPDATE channel_delivery d SET status = 'FAILED', next_attempt_at = NULL, version = d.version + 1,
                                                      last_error = 'given up: the channel was disabled'
                        FROM channel c WHERE c.id = d.channel_id AND NOT c.enabled AND d.status = 'PENDING'
                                         AND d.next_attempt_at IS NOT NULL""")
                .executeUpdate();
    }

    private static String describe(SendResult result) {
        return result.error() != null ? result.error() : "HTTP " + result.statusCode();
    }

    static String truncate(String text) {
        if (text == null || text.length() <= MAX_ERROR_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
