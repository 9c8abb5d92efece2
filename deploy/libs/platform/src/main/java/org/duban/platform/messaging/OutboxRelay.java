package org.duban.platform.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

/**
 * Moves outbox rows to Kafka. A single background thread holds one connection that LISTENs for the
 * trigger's NOTIFY, so a committed event is usually on its way within milliseconds; it also looks
 * every {@code idle-poll} in case a notification was missed. While the broker is unreachable rows
 * simply wait, and the relay retries with exponential backoff; they drain in order once it is back.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final Clock clock;
    private final TopicDeclarations topics;
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(AgroalDataSource dataSource, OutboxPublisher publisher, OutboxConfig config, Clock clock,
                TopicDeclarations topics) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.topics = topics;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay is disabled");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(5).toMillis());
        }
    }

    private void run() {
        Duration backoff = config.relay().minBackoff();
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN duban_outbox");
                }
                PGConnection listener = connection.unwrap(PGConnection.class);
                LOG.debug("Outbox relay listening");
                while (running) {
                    if (!topics.declared()) {
                        // publishing now would let the broker auto-create the topic with the wrong shape
                        listener.getNotifications((int) config.relay().idlePoll().toMillis());
                        continue;
                    }
                    OutboxPublisher.Result result = publisher.publishBatch();
                    if (result.published() > 0) {
                        LOG.debugf("Published %d outbox events", result.published());
                    }
                    if (result.failure() != null) {
                        LOG.warnf("Publishing outbox events failed, retrying in %d ms: %s",
                                backoff.toMillis(), result.failure().toString());
                        listener.getNotifications((int) backoff.toMillis()); // an interruptible pause
                        backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
                        continue;
                    }
                    backoff = config.relay().minBackoff();
                    if (!result.more()) {
                        listener.getNotifications((int) config.relay().idlePoll().toMillis());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Outbox relay lost its database connection, retrying in %d ms: %s", backoff.toMillis(), e.toString());
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
            }
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        int deleted = publisher.deletePublishedBefore(clock.instant().minus(config.relay().retention()));
        if (deleted > 0) {
            LOG.infof("Deleted %d published outbox events older than %s", deleted, config.relay().retention());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
