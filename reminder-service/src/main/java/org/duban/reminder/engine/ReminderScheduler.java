package org.duban.reminder.engine;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.reminder.replica.ReplicaPosition;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Runs the rules on the configured schedule ({@code duban.reminders.schedule}); safe with many replicas. */
@ApplicationScoped
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class);

    private final ReminderEngine engine;
    private final Clock clock;

    ReminderScheduler(ReminderEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Scheduled(identity = "reminder-run", cron = "${duban.reminders.schedule:0 0/15 * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            engine.run(clock.instant(), "SCHEDULE", "scheduler");
        } catch (ReminderEngine.ReplicaBehind | ReplicaPosition.ReplicaUnknown e) {
            LOG.warnf("Scheduled reminder run skipped, nothing sent: %s; the next run catches up", e.getMessage());
        }
    }
}
