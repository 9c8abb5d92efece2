package org.duban.reminder.replica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.duban.events.AssignmentEvent;
import org.duban.events.AssignmentSnapshot;
import org.duban.events.MilestoneSnapshot;
import org.duban.events.UnitChanged;
import org.duban.platform.messaging.ProcessedEvents;
import org.duban.reminder.inbox.UrgeNotices;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps reminder-service's copy of assignments (with whether they are signed for and where they stand in the
 * delegation tree), their milestones and unit contacts, and puts each urge (催办) into its unit's inbox
 * ({@link UrgeNotices}), dispatched at once after the poll's transaction. Each poll's records are applied in
 * one transaction together with their ids in the consumer ledger and the partitions' new positions:
 * a redelivered event changes nothing, and nothing is applied twice or skipped across restarts.
 */
@ApplicationScoped
public class Replica {

    private static final Logger LOG = Logger.getLogger(Replica.class);
    /** The zone in which the start day of ONGOING work is counted. */
    static final ZoneId PLAN_ZONE = ZoneId.of("Asia/Shanghai");

    private final EntityManager em;
    private final ProcessedEvents ledger;
    private final ObjectMapper json;
    private final UrgeNotices urges;

    Replica(EntityManager em, ProcessedEvents ledger, ObjectMapper json, UrgeNotices urges) {
        this.em = em;
        this.ledger = ledger;
        this.json = json;
        this.urges = urges;
    }

    @Incoming("assignments")
    @Blocking
    public void assignments(ConsumerRecords<String, String> records) {
        Set<String> urged = new LinkedHashSet<>();
        apply("reminder-service.assignments", records, (c, id, type, data, time) -> {
            applyAssignment(c, type, data, time);
            if (type.equals(AssignmentEvent.Urged.TYPE)) {
                AssignmentEvent.Urged urge = read(data, AssignmentEvent.Urged.class, type);
                if (urge != null && urges.record(c, id, urge, time)) {
                    urged.add(urge.assignment().unitCode());
                }
            }
        });
        // 催办 goes out at once, not with the next run; what this misses the dispatcher's next round sends
        urges.dispatch(urged);
    }

    @Incoming("units")
    @Blocking
    public void units(ConsumerRecords<String, String> records) {
        apply("reminder-service.units", records, (c, id, type, data, time) -> applyUnit(c, type, data, time));
    }

    interface Applier {
        void apply(Connection c, String eventId, String type, JsonNode data, Instant time) throws SQLException;
    }

    private void apply(String consumer, ConsumerRecords<String, String> records, Applier applier) {
        if (records.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(c -> {
            int applied = 0;
            for (ConsumerRecord<String, String> r : all) {
                JsonNode event = parse(r);
                if (event == null || !ledger.firstDelivery(consumer, event.path("id").asText())) {
                    continue;
                }
                applier.apply(c, event.path("id").asText(), event.path("type").asText(), event.path("data"), time(event));
                applied++;
            }
            ConsumerOffsets.advance(c, consumer, all);
            LOG.debugf("%s: applied %d of %d events", consumer, applied, all.size());
        }));
    }

    private JsonNode parse(ConsumerRecord<String, String> r) {
        try {
            JsonNode event = r.value() == null ? null : json.readTree(r.value());
            if (event != null && event.hasNonNull("id") && event.hasNonNull("type") && event.path("data").isObject()) {
                return event;
            }
        } catch (java.io.IOException e) {
            // fall through
        }
        LOG.warnf("skipping a record that is not a CloudEvent: %s-%d@%d", r.topic(), r.partition(), r.offset());
        return null;
    }

    private static Instant time(JsonNode event) {
        try {
            return event.hasNonNull("time") ? ZonedDateTime.parse(event.get("time").asText()).toInstant() : Instant.now();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    private void applyAssignment(Connection c, String type, JsonNode data, Instant time) throws SQLException {
        if (!type.startsWith("duban.assignment.")) {
            return;
        }
        // every type, one newer than duban-events too, carries the assignment after the change
        AssignmentSnapshot a = read(data, AssignmentSnapshot.class, type);
        if (a == null) {
            return;
        }
        boolean replaced = type.equals(AssignmentEvent.Replaced.TYPE);
        try (var up = c.prepareStatement("""
                INSERT INTO assignment_copy (id, plan_id, task_id, task_number, task_requirement, unit_code, unit_name,
                    role, due_date, status, active, last_progress_at, anchor_date, version, updated_at, acknowledged_at,
                    parent_id, delegated_by, depth, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())
                ON CONFLICT (id) DO UPDATE SET task_requirement = COALESCE(EXCLUDED.task_requirement, assignment_copy.task_requirement),
                    unit_code = EXCLUDED.unit_code, unit_name = EXCLUDED.unit_name, role = EXCLUDED.role,
                    due_date = EXCLUDED.due_date, status = EXCLUDED.status, active = assignment_copy.active AND EXCLUDED.active,
                    last_progress_at = EXCLUDED.last_progress_at, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
                    acknowledged_at = EXCLUDED.acknowledged_at, parent_id = EXCLUDED.parent_id,
                    delegated_by = EXCLUDED.delegated_by, depth = EXCLUDED.depth, applied_at = EXCLUDED.applied_at
                WHERE assignment_copy.version <= EXCLUDED.version""")) {
            up.setLong(1, a.id());
            up.setLong(2, a.planId());
            up.setLong(3, a.taskId());
            up.setInt(4, a.taskNumber());
            up.setString(5, blankToNull(a.taskRequirement()));
            up.setString(6, blankToNull(a.unitCode()));
            up.setString(7, blankToNull(a.unitName()));
            up.setString(8, a.role() == null ? "RESPONSIBLE" : a.role());
            up.setObject(9, a.dueDate());
            up.setString(10, a.status() == null ? "NOT_STARTED" : a.status());
            up.setBoolean(11, !replaced);
            up.setObject(12, a.lastProgressAt() == null ? null : a.lastProgressAt().atOffset(java.time.ZoneOffset.UTC));
            up.setObject(13, time.atZone(PLAN_ZONE).toLocalDate());
            up.setLong(14, a.version());
            up.setObject(15, time.atOffset(java.time.ZoneOffset.UTC));
            up.setObject(16, a.acknowledgedAt() == null ? null : a.acknowledgedAt().atOffset(java.time.ZoneOffset.UTC));
            up.setObject(17, a.parentId(), java.sql.Types.BIGINT);
            up.setString(18, blankToNull(a.delegatedBy()));
            up.setInt(19, Math.max(0, a.depth()));
            up.executeUpdate();
        }
        if (type.equals(AssignmentEvent.MilestoneChanged.TYPE)) {
            applyMilestone(c, data, type, time);
        }
    }

    /**
     * The milestone a milestone-changed event carries, into {@code milestone_copy}; an older version than the copy's
     * changes nothing, and a removed milestone stays removed.
     */
    private void applyMilestone(Connection c, JsonNode data, String type, Instant time) throws SQLException {
        MilestoneSnapshot m = data.hasNonNull("milestone") ? read(data.get("milestone"), MilestoneSnapshot.class, type) : null;
        if (m == null || m.title() == null || m.dueDate() == null) {
            LOG.warnf("skipping a %s event without a milestone", type);
            return;
        }
        boolean removed = AssignmentEvent.MilestoneChanged.DELETED.equals(data.path("change").asText());
        try (var up = c.prepareStatement("""
                INSERT INTO milestone_copy (id, assignment_id, title, due_date, status, active, version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, due_date = EXCLUDED.due_date, status = EXCLUDED.status,
                    active = milestone_copy.active AND EXCLUDED.active, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                WHERE milestone_copy.version <= EXCLUDED.version""")) {
            up.setLong(1, m.id());
            up.setLong(2, m.assignmentId());
            up.setString(3, m.title());
            up.setObject(4, m.dueDate());
            up.setString(5, m.status() == null ? "OPEN" : m.status());
            up.setBoolean(6, !removed);
            up.setLong(7, m.version());
            up.setObject(8, time.atOffset(java.time.ZoneOffset.UTC));
            up.executeUpdate();
        }
    }

    private void applyUnit(Connection c, String type, JsonNode data, Instant time) throws SQLException {
        UnitChanged u = read(data, UnitChanged.class, type);
        if (u == null) {
            return;
        }
        try (var up = c.prepareStatement("""
                INSERT INTO unit_contact (code, name, email, active, version, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, active = EXCLUDED.active,
                    version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                WHERE unit_contact.version <= EXCLUDED.version""")) {
            up.setString(1, u.code());
            up.setString(2, u.name());
            up.setString(3, u.contacts() == null ? null : blankToNull(u.contacts().email()));
            up.setBoolean(4, u.active());
            up.setLong(5, u.version());
            up.setObject(6, time.atOffset(java.time.ZoneOffset.UTC));
            up.executeUpdate();
        }
    }

    /** The event's data as its duban-events record; null (and a warning) when it does not fit, e.g. without an id. */
    private <T> T read(JsonNode data, Class<T> record, String type) {
        try {
            return json.treeToValue(data, record);
        } catch (JsonProcessingException e) {
            LOG.warnf("skipping a %s event whose data is not a %s: %s", type, record.getSimpleName(), e.getOriginalMessage());
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
