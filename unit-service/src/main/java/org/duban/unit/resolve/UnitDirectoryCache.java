package org.duban.unit.resolve;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.duban.unit.group.GroupRecord;
import org.duban.unit.registry.SeedData;
import org.duban.unit.registry.Unit;
import org.duban.unit.registry.UnitRecord;
import org.duban.unit.registry.UnitsChanged;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * The registry as the resolver and the group rules see it: the active units, indexed in memory.
 * Rebuilt after a local change commits, and at the latest every {@link #MAX_AGE} so that changes
 * made through another replica arrive too.
 */
@ApplicationScoped
public class UnitDirectoryCache {

    private static final Logger LOG = Logger.getLogger(UnitDirectoryCache.class);
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    /** One consistent view of the registry. */
    public record Snapshot(List<UnitRecord> units, List<GroupRecord> groups, UnitDirectory directory,
                           ResponsibilityParser parser, long builtAtNanos, java.util.Map<String, String> names) {

        /** The official name of an entry's unit, or its group's name. */
        public String nameOf(ResolvedEntry entry) {
            return entry.unitCode() != null ? names.get(entry.unitCode()) : names.get("group:" + entry.groupCode());
        }
    }

    private volatile Snapshot snapshot;

    public Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.builtAtNanos() > MAX_AGE.toNanos()) {
            current = rebuild();
        }
        return current;
    }

    void invalidate(@Observes(during = TransactionPhase.AFTER_SUCCESS) UnitsChanged change) {
        snapshot = null;
    }

    private synchronized Snapshot rebuild() {
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - current.builtAtNanos() <= MAX_AGE.toNanos()) {
            return current;
        }
        long started = System.nanoTime();
        List<UnitRecord> units = QuarkusTransaction.joiningExisting().call(() ->
                Unit.<Unit>list("active = true order by code").stream().map(Unit::toRecord).toList());
        List<GroupRecord> groups = SeedData.groups();
        UnitDirectory directory = UnitDirectory.of(units, groups);
        java.util.Map<String, String> names = new java.util.HashMap<>();
        units.forEach(u -> names.put(u.code(), u.name()));
        groups.forEach(g -> names.put("group:" + g.code(), g.name()));
        current = new Snapshot(units, groups, directory, new ResponsibilityParser(directory), System.nanoTime(), names);
        snapshot = current;
        LOG.debugf("Unit directory rebuilt: %d units in %d ms", units.size(), (System.nanoTime() - started) / 1_000_000);
        return current;
    }
}
