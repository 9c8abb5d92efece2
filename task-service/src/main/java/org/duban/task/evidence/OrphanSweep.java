package org.duban.task.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.duban.task.plan.PlanCalendar;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes objects in object storage that no row names: what an upload wrote before the service died
 * between the object and its row's commit (a rollback removes its object itself), or a deletion whose
 * object could not be removed at once. Only objects older than {@code duban.evidence.s3.orphan-age}
 * are looked at, so an upload under way is never touched. PostgreSQL needs no sweep: its chunks are
 * written and removed in the row's own transaction.
 */
@ApplicationScoped
public class OrphanSweep {

    private static final Logger LOG = Logger.getLogger(OrphanSweep.class);

    private final EvidenceStores stores;
    private final EvidenceConfig config;
    private final PlanCalendar calendar;
    private final EntityManager em;

    OrphanSweep(EvidenceStores stores, EvidenceConfig config, PlanCalendar calendar, EntityManager em) {
        this.stores = stores;
        this.config = config;
        this.calendar = calendar;
        this.em = em;
    }

    @Scheduled(every = "${duban.evidence.s3.sweep-every:1h}", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        stores.objectStorage().ifPresent(store -> {
            try {
                int removed = sweep(calendar.now().minus(config.s3().orphanAge()));
                if (removed > 0) {
                    LOG.infof("Orphan sweep: removed %d objects without a row from object storage", removed);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Orphan sweep failed: %s", e.getMessage());
            }
        });
    }

    /** Removes the objects written before {@code before} that no row names; answers how many. */
    public int sweep(Instant before) {
        S3EvidenceStore store = stores.objectStorage().orElse(null);
        if (store == null) {
            return 0;
        }
        int[] removed = {0};
        store.list(page -> {
            List<String> old = page.stream().filter(o -> o.lastModified().isBefore(before)).map(S3EvidenceStore.StoredObject::key).toList();
            if (old.isEmpty()) {
                return;
            }
            Set<String> named = named(old);
            for (String key : old) {
                if (!named.contains(key)) {
                    try {
                        store.delete(key);
                        removed[0]++;
                    } catch (IOException e) {
                        LOG.warnf("Orphan sweep: cannot remove %s: %s", key, e.getMessage());
                    }
                }
            }
        });
        return removed[0];
    }

    private Set<String> named(List<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> found = em.createNativeQuery("SELECT storage_key FROM attachment WHERE storage = 's3' AND storage_key = ANY(?1)")
                    .setParameter(1, keys.toArray(String[]::new)).getResultList();
            return new HashSet<>(found);
        });
    }
}
