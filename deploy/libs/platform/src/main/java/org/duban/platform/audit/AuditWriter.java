package org.duban.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.platform.messaging.Outbox;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stores audit records in the outbox, many per transaction: the records that arrive while one transaction
 * commits go together in the next (a group commit). One transaction per write answered used to be a second
 * commit, with its flush to disk, for every change: a fifth to a third of task-service's change throughput
 * (docs/benchmarks.md, issue 20). A record's future completes once its transaction has committed. If a
 * group's transaction fails, each of its records is tried alone, so one bad record loses only itself; a record
 * that cannot be stored is logged with its action and actor. At shutdown the records waiting are stored first.
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    /** At most this many records per transaction. */
    static final int GROUP = 500;

    private record Pending(AuditRecord record, CompletableFuture<Void> stored) {
    }

    private final Outbox outbox;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private Thread worker;
    private volatile boolean stopping;

    AuditWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Queues {@code record}; the future completes when it is stored (or has been logged as lost). */
    public CompletableFuture<Void> write(AuditRecord record) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        if (stopping) {
            store(List.of(new Pending(record, stored))); // after shutdown began: on the caller's thread
            return stored;
        }
        queue.add(new Pending(record, stored));
        start();
        return stored;
    }

    private void start() {
        synchronized (lifecycle) {
            if (worker == null && !stopping) {
                worker = Thread.ofPlatform().daemon().name("audit-writer").start(this::run);
            }
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>(GROUP);
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, GROUP - 1);
                store(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                group.clear();
            }
        }
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            store(rest);
        }
    }

    private void store(List<Pending> group) {
        try {
            QuarkusTransaction.requiringNew().run(() -> group.forEach(p -> publish(p.record())));
            group.forEach(p -> p.stored().complete(null));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                AuditRecord r = group.get(0).record();
                LOG.errorf(e, "Could not record %s by %s in the audit trail", r.action(), r.actor());
                group.get(0).stored().complete(null);
                return;
            }
            LOG.warnf("Could not store %d audit records together (%s); storing them one by one", group.size(), e.toString());
            for (Pending p : group) {
                store(List.of(p));
            }
        }
    }

    private void publish(AuditRecord record) {
        outbox.publish(AuditRecord.TOPIC, record.service() + ":" + record.requestId(), AuditRecord.TYPE, record);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        Thread running;
        synchronized (lifecycle) {
            stopping = true;
            running = worker;
        }
        if (running != null) {
            running.join(TimeUnit.SECONDS.toMillis(10)); // it stores what is queued, then ends
        }
    }
}
