package org.duban.reminder.delivery;

import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The sending loop of a delivery queue (webhooks, channels): a single pump thread claims as many due
 * rows as there are free slots ({@code maxConcurrency}), telling the claim what is in flight per owner
 * (subscription, channel) so that one slow or failing receiver never holds more than its own share,
 * and hands each to a virtual thread. Every finished attempt frees its slot and wakes the pump; so do
 * {@link #kick()} calls (after an enqueue commits, on the poll).
 *
 * @param <T> a claimed delivery
 */
public final class SlotPump<T> {

    /** Claims up to {@code free} due deliveries, given what is in flight per owner on this replica. */
    @FunctionalInterface
    public interface Claim<T> {
        List<T> due(int free, Map<Long, Integer> inFlightByOwner);
    }

    private static final Logger LOG = Logger.getLogger(SlotPump.class);

    private final String name;
    private final int maxConcurrency;
    private final Claim<T> claim;
    private final ToLongFunction<T> owner;
    private final Consumer<T> attempt;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<Long, Integer> inFlightByOwner = new ConcurrentHashMap<>();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private volatile boolean running;
    private ExecutorService pump;
    private ExecutorService senders;

    public SlotPump(String name, int maxConcurrency, Claim<T> claim, ToLongFunction<T> owner, Consumer<T> attempt) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException(name + ": max concurrency must be at least 1");
        }
        this.name = name;
        this.maxConcurrency = maxConcurrency;
        this.claim = claim;
        this.owner = owner;
        this.attempt = attempt;
    }

    public void start() {
        pump = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-pump");
            thread.setDaemon(true);
            return thread;
        });
        // An attempt mostly waits for a receiver: a virtual thread each; how many run at once is bounded by the slots.
        senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-sender-", 1).factory());
        running = true;
        kick();
    }

    /** Stops; attempts cut short are not recorded: their lease runs out and they are made again. */
    public void stop() throws InterruptedException {
        running = false;
        if (pump != null) {
            pump.shutdownNow();
            senders.shutdownNow();
            senders.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    public boolean running() {
        return running;
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
                int free = maxConcurrency - inFlight.get();
                if (free <= 0) {
                    return; // the next attempt to finish kicks again
                }
                List<T> claimed = claim.due(free, Map.copyOf(inFlightByOwner));
                for (T delivery : claimed) {
                    inFlight.incrementAndGet();
                    inFlightByOwner.merge(owner.applyAsLong(delivery), 1, Integer::sum);
                    senders.execute(() -> run(delivery));
                }
                if (claimed.size() < free) {
                    return;
                }
            }
        } catch (RejectedExecutionException e) {
            LOG.debugf("%s is shutting down", name);
        } catch (RuntimeException e) {
            LOG.warnf("%s: looking for due deliveries failed; trying again at the next poll: %s", name, e.toString());
        }
    }

    private void run(T delivery) {
        try {
            attempt.accept(delivery);
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s: recording an attempt failed; it is made again when its lease runs out", name);
        } finally {
            inFlight.decrementAndGet();
            inFlightByOwner.computeIfPresent(owner.applyAsLong(delivery), (id, n) -> n <= 1 ? null : n - 1);
            kick();
        }
    }
}
