package org.duban.task.sync;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Numbers the OA sync feed. A writing transaction only inserts its change without a position; once it
 * has committed, the sequencer gives every committed change that has none the next positions, in
 * the order they were written. It runs after each local commit (coalesced, on one background
 * thread), every second in case a replica stopped between a commit and its run, and before the
 * feed is read, so a reader sees every change committed before its request.
 *
 * <p>Why not number changes inside the writing transaction: a counter row taken there stays locked
 * until that transaction's commit is on disk, so every change of every user queued behind it.
 */
@ApplicationScoped
public class SyncSequencer {

    private static final Logger LOG = Logger.getLogger(SyncSequencer.class);
    /** Changes numbered per statement; an import of a whole plan takes a few rounds. */
    static final int BATCH = 5000;
    private static final Object REGISTERED = SyncSequencer.class;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sync-sequencer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    SyncSequencer(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Called inside a transaction that wrote changes: number them once it has committed. */
    public void afterCommit() {
        if (transactions.getResource(REGISTERED) != null) {
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    kick();
                }
            }
        });
    }

    /** Runs the sequencer soon on its own thread; requests that arrive meanwhile share that run. */
    void kick() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    drainQuietly();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false); // shutting down: the next start (or another replica) numbers them
            }
        }
    }

    @Scheduled(every = "${duban.sync.sequencer-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        drainQuietly();
    }

    /** Numbers every committed change that has no position yet; the count. */
    public int drain() {
        int total = 0;
        int numbered;
        do {
            numbered = QuarkusTransaction.requiringNew().call(this::numberOneBatch);
            total += numbered;
        } while (numbered == BATCH);
        return total;
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            // the database is away or busy: the changes wait, and the next run numbers them
            LOG.warnf("Could not number the sync feed's new changes (will retry): %s", e.getMessage());
        }
    }

    private int numberOneBatch() {
        // One sequencer at a time, across replicas: this lock is held only for this short transaction.
        // Taken in its own statement, so the next one reads (READ COMMITTED) what any sequencer before
        // this one committed; so the pending rows are still without a position when they are updated.
        // The update finds them by primary key from the pending list: a second "position IS NULL" on the
        // updated table would let the planner start from the partial index sync_change_unsequenced, which
        // its statistics think empty right after a plan's thousands of changes, and read the whole pending
        // list again for every row (quadratic: 12,100 changes of a big import took longer than a transaction may).
        em.createNativeQuery("SELECT last FROM sync_position WHERE id = 1 FOR UPDATE").getSingleResult();
        Number numbered = (Number) em.createNativeQuery("""
                WITH counter AS (SELECT last FROM sync_position WHERE id = 1),
                     pending AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY id) AS n
                                 FROM sync_change WHERE position IS NULL ORDER BY id LIMIT ?1),
                     numbered AS (UPDATE sync_change s SET position = counter.last + pending.n
                                  FROM pending, counter WHERE s.id = pending.id
                                  RETURNING s.position)
                UPDATE sync_position SET last = GREATEST(last, (SELECT COALESCE(max(position), 0) FROM numbered))
                WHERE id = 1 RETURNING (SELECT count(*) FROM numbered)""")
                .setParameter(1, BATCH).getSingleResult();
        return numbered.intValue();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
