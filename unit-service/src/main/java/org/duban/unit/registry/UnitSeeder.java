package org.duban.unit.registry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads the Anhui reference units on start: every seed unit whose code is not in the registry yet
 * is inserted and published as {@code duban.unit.changed}; units already there — perhaps edited by
 * the office — are left alone. Safe with several replicas starting at once (advisory lock).
 */
@ApplicationScoped
public class UnitSeeder {

    private static final Logger LOG = Logger.getLogger(UnitSeeder.class);
    private static final long SEED_LOCK = 0x6475_6261_6e00_0002L;
    static final String SEEDER = "seed";

    private final UnitService units;
    private final EntityManager em;
    private final Clock clock;

    UnitSeeder(UnitService units, EntityManager em, Clock clock) {
        this.units = units;
        this.em = em;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        int inserted = QuarkusTransaction.requiringNew().call(this::seed);
        if (inserted > 0) {
            LOG.infof("Seeded %d reference units", inserted);
        }
    }

    int seed() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
        Set<String> existing = new HashSet<>(em.createQuery("select u.code from Unit u", String.class).getResultList());
        List<UnitRecord> seed = SeedData.units();
        int inserted = 0;
        for (UnitRecord record : seed) { // seed order puts parents before their children
            if (existing.contains(record.code())) {
                continue;
            }
            Unit unit = new Unit();
            unit.code = record.code();
            unit.rename(record.name(), record.shortName(), record.aliases());
            unit.level = record.level();
            unit.type = record.type();
            unit.parentCode = record.parentCode();
            unit.divisionCode = record.divisionCode();
            unit.createdAt = clock.instant();
            unit.updatedAt = unit.createdAt;
            unit.updatedBy = SEEDER;
            unit.persist();
            em.flush();
            units.record(unit, UnitChange.Action.SEEDED, null, SEEDER);
            inserted++;
        }
        return inserted;
    }
}
