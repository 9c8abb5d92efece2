package org.duban.reminder.stream;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.reminder.inbox.NotificationView;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries new notifications to the open streams of this replica. One thread holds a connection that LISTENs on
 * {@code duban_notification}, which the V9 trigger NOTIFYs when a transaction that inserted notifications commits —
 * on any replica, since they share the database — and reads what came after the last id it read (also every
 * {@code poll-interval}, in case a NOTIFY was lost with a connection). A poll alone would cost every replica a query
 * per interval and a latency of half an interval; LISTEN/NOTIFY wakes within milliseconds of the commit and the poll
 * is only the safety net. Ids become visible in id order (V9), so reading "after the last id" misses nothing.
 */
@ApplicationScoped
public class LiveInbox {

    private static final Logger LOG = Logger.getLogger(LiveInbox.class);
    private static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final NotificationLog log;
    private final StreamConfig config;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    /** The last id read; -1 until the first look. Guarded by this, together with adding listeners. */
    private long cursor = -1;
    private volatile boolean running;
    private Thread worker;

    LiveInbox(AgroalDataSource dataSource, NotificationLog log, StreamConfig config) {
        this.dataSource = dataSource;
        this.log = log;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "live-inbox");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        // the clients reconnect, to another replica, with Last-Event-ID
        listeners.forEach(l -> l.close("the service is stopping"));
        listeners.clear();
        if (worker != null) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(5).toMillis());
        }
    }

    /**
     * Opens a stream: live from now when {@code lastEventId} is empty, else first what came after it (at most
     * {@code replay-limit}, or a reset event when more came).
     */
    void open(Listener listener, Optional<Long> lastEventId, Optional<String> unit) {
        synchronized (this) {
            listeners.add(listener); // from here on it hears every notification the hub reads
        }
        if (lastEventId.isEmpty()) {
            listener.replay(log.latestId(), List.of());
            return;
        }
        List<NotificationView> missed = log.after(lastEventId.get(), unit, config.replayLimit() + 1);
        if (missed.size() > config.replayLimit()) {
            listener.reset(log.latestId(), "more than " + config.replayLimit() + " notifications since " + lastEventId.get()
                    + ": reload the inbox (GET /api/notifications)");
        } else {
            listener.replay(lastEventId.get(), missed);
        }
    }

    int open() {
        return listeners.size();
    }

    @Scheduled(every = "${duban.stream.heartbeat}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (Listener l : listeners) {
            if (l.isClosed()) {
                listeners.remove(l);
            } else {
                l.heartbeat();
            }
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN duban_notification");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                backoff = Duration.ofMillis(500);
                while (running) {
                    readNew();
                    notifications.getNotifications((int) config.pollInterval().toMillis());
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("The live inbox lost its database connection, retrying in %d ms: %s", backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
            }
        }
    }

    /** Reads what came after the cursor and hands it to every open stream. */
    private void readNew() {
        long from;
        synchronized (this) {
            listeners.removeIf(Listener::isClosed);
            if (cursor < 0 || listeners.isEmpty()) {
                // nobody listens: skip what came meanwhile; a stream opened later reads its own start (open)
                cursor = log.latestId();
                return;
            }
            from = cursor;
        }
        while (true) {
            List<NotificationView> batch = log.after(from, Optional.empty(), BATCH);
            if (batch.isEmpty()) {
                return;
            }
            for (Listener l : listeners) {
                l.offer(batch);
            }
            from = batch.getLast().id();
            synchronized (this) {
                cursor = from;
            }
            if (batch.size() < BATCH) {
                return;
            }
        }
    }
}
