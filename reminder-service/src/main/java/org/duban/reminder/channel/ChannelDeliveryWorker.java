package org.duban.reminder.channel;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import org.duban.reminder.channel.ChannelDeliveryQueue.Claimed;
import org.duban.reminder.delivery.SlotPump;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sends due channel deliveries through a {@link SlotPump}: at most {@code max-concurrency} in flight per
 * replica and {@code per-channel-concurrency} (1) per channel, so a slow or failing robot waits alone and
 * a digest's parts arrive in order. Woken after an enqueue commits, after each attempt, and on the poll.
 */
@ApplicationScoped
public class ChannelDeliveryWorker {

    private static final Logger LOG = Logger.getLogger(ChannelDeliveryWorker.class);

    private final ChannelDeliveryQueue queue;
    private final ChannelsConfig config;
    private final Clock clock;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);
    private SlotPump<Claimed> pump;

    ChannelDeliveryWorker(ChannelDeliveryQueue queue, ChannelsConfig config, Clock clock, Instance<ChannelSender> all) {
        this.queue = queue;
        this.config = config;
        this.clock = clock;
        all.forEach(sender -> senders.put(sender.type(), sender));
    }

    void start(@Observes StartupEvent event) {
        if (!config.worker().enabled()) {
            LOG.info("Channel delivery worker is disabled");
            return;
        }
        if (config.lease().compareTo(config.timeout().plus(config.connectTimeout())) <= 0) {
            throw new IllegalStateException("duban.channels.lease (" + config.lease() + ") must be longer than "
                    + "duban.channels.timeout plus connect-timeout, or a slow attempt could be sent twice");
        }
        if (config.perChannelConcurrency() < 1) {
            throw new IllegalStateException("duban.channels.per-channel-concurrency must be at least 1");
        }
        pump = new SlotPump<>("channel", config.maxConcurrency(), queue::claim, Claimed::channelId, this::attempt);
        pump.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (pump != null) {
            pump.stop();
        }
    }

    @Scheduled(every = "${duban.channels.poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    void onEnqueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelEnqueued event) {
        kick();
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        queue.closeOrphans();
        int deleted = queue.purgeFinishedBefore(clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.infof("Deleted %d finished channel deliveries older than %s", deleted, config.retention());
        }
    }

    public void kick() {
        if (pump != null) {
            pump.kick();
        }
    }

    /** One attempt through the channel type's sender; null when it was cut short by shutdown. */
    SendResult send(Outgoing message) {
        ChannelSender sender = senders.get(message.type());
        if (sender == null) {
            throw new IllegalStateException("no sender for " + message.type());
        }
        if (message.unreadable() != null) {
            // nothing unsigned, and nowhere to send: a failed attempt with the reason, as for a refusal
            return new SendResult(clock.instant(), 0, null, message.unreadable());
        }
        return sender.send(message);
    }

    private void attempt(Claimed delivery) {
        SendResult result = send(delivery.message());
        if (result != null) {
            queue.complete(delivery, result);
        }
    }
}
