package org.duban.task.units;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.duban.events.UnitChanged;
import org.duban.platform.messaging.ProcessedEvents;
import org.duban.task.assignment.UnitChanges;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * task-service's copy of unit-service's registry, read from the compacted topic {@code duban.units}
 * (table {@code unit_copy}: name, active, parent, version), and what it does to the assignments
 * ({@link UnitChanges}): names follow renames, open work of a deactivated unit goes to the office.
 *
 * <p>Each poll's records are applied in one transaction with their event ids in the consumer ledger
 * ({@code processed_event}), so a redelivered event changes nothing; an event not newer than the copy
 * (by the unit's {@code version}) is dropped too. Of several events of one unit in a poll only the newest
 * counts — when an empty copy reads the topic from its start, a unit's old names that compaction has not
 * removed yet do not ripple through its assignments one after the other. A unit seen for the first time
 * is compared with its assignments as well: the copy catches up with what changed before it existed.
 */
@ApplicationScoped
public class UnitCopy {

    private static final Logger LOG = Logger.getLogger(UnitCopy.class);
    static final String CONSUMER = "task-service.units";

    private final EntityManager em;
    private final ProcessedEvents ledger;
    private final UnitChanges changes;
    private final ObjectMapper json;
    private final Clock clock;

    UnitCopy(EntityManager em, ProcessedEvents ledger, UnitChanges changes, ObjectMapper json, Clock clock) {
        this.em = em;
        this.ledger = ledger;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("units")
    @Blocking(ordered = true)
    public void apply(ConsumerRecords<String, String> records) {
        if (records.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, UnitChanged> newest = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                Event event = read(r);
                if (event != null && ledger.firstDelivery(CONSUMER, event.id())) {
                    newest.merge(event.unit().code(), event.unit(), (before, after) -> after.version() >= before.version() ? after : before);
                }
            }
            newest.values().forEach(this::apply);
        });
    }

    /** The copy's row of a unit, locked for this transaction. */
    private record Copied(String name, boolean active, long version) {
    }

    private void apply(UnitChanged unit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT name, active, version FROM unit_copy WHERE code = ?1 FOR UPDATE")
                .setParameter(1, unit.code()).getResultList();
        Copied copied = rows.isEmpty() ? null
                : new Copied((String) rows.get(0)[0], (Boolean) rows.get(0)[1], ((Number) rows.get(0)[2]).longValue());
        if (copied != null && copied.version() >= unit.version()) {
            return; // an older or the same state of the unit, under an event id of its own
        }
        int renamed = copied != null && copied.name().equals(unit.name()) ? 0 : changes.renamed(unit.code(), unit.name());
        int flagged = 0;
        int lifted = 0;
        if (!unit.active() && (copied == null || copied.active())) {
            flagged = changes.deactivated(unit.code());
        } else if (unit.active() && copied != null && !copied.active()) {
            lifted = changes.reactivated(unit.code());
        }
        em.createNativeQuery("""
                        INSERT INTO unit_copy (code, name, active, version, applied_at, parent_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active,
                            version = EXCLUDED.version, applied_at = EXCLUDED.applied_at, parent_code = EXCLUDED.parent_code""")
                .setParameter(1, unit.code()).setParameter(2, unit.name()).setParameter(3, unit.active())
                .setParameter(4, unit.version()).setParameter(5, clock.instant()).setParameter(6, unit.parentCode())
                .executeUpdate();
        if (renamed + flagged + lifted > 0) {
            LOG.infof("Unit %s (%s, version %d%s): %d assignments renamed, %d flagged for the office, %d no longer flagged",
                    unit.code(), unit.name(), unit.version(), unit.active() ? "" : ", deactivated", renamed, flagged, lifted);
        }
    }

    /** A unit event as read: its CloudEvents id and its data. */
    private record Event(String id, UnitChanged unit) {
    }

    /** The record's event; null (and a warning) when it is not a CloudEvent of a unit. */
    private Event read(ConsumerRecord<String, String> r) {
        try {
            JsonNode event = r.value() == null ? null : json.readTree(r.value());
            if (event != null && event.hasNonNull("id") && UnitChanged.TYPE.equals(event.path("type").asText())
                    && event.path("data").isObject()) {
                return new Event(event.get("id").asText(), json.treeToValue(event.get("data"), UnitChanged.class));
            }
        } catch (JsonProcessingException e) {
            // fall through: a record without a unit's code, name or active flag is no unit
        }
        LOG.warnf("skipping a record that is not a %s CloudEvent: %s-%d@%d", UnitChanged.TYPE, r.topic(), r.partition(), r.offset());
        return null;
    }
}
