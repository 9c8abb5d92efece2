package org.duban.reminder.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.events.AssignmentEvent;
import org.duban.reminder.engine.DigestDispatcher;
import org.duban.reminder.engine.ReminderKind;
import org.duban.reminder.engine.ReminderTexts;
import org.duban.reminder.engine.RemindersConfig;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;

/**
 * 催办: each {@code duban.assignment.urged} becomes one {@code URGE} entry in the urged unit's inbox, naming the sender
 * and its message — written in the replica's transaction together with the event id (a redelivered event finds its
 * id in the ledger, and {@code notification_event_once} holds even without it), then dispatched at once on every
 * channel the unit has (the {@code duban.notification.sent} event, e-mail, webhooks), not with the next run.
 */
@ApplicationScoped
public class UrgeNotices {

    private static final Logger LOG = Logger.getLogger(UrgeNotices.class);
    private static final ZoneId PLAN_ZONE = ZoneId.of("Asia/Shanghai");

    private final ReminderTexts texts;
    private final RemindersConfig config;
    private final DigestDispatcher dispatcher;
    private final Clock clock;

    UrgeNotices(ReminderTexts texts, RemindersConfig config, DigestDispatcher dispatcher, Clock clock) {
        this.texts = texts;
        this.config = config;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * Puts the urge into its unit's inbox, inside the caller's transaction; false when there is no unit to tell (a
     * group the office has not resolved) or the event was told before.
     */
    public boolean record(Connection c, String eventId, AssignmentEvent.Urged urge, Instant eventTime) throws SQLException {
        var a = urge.assignment();
        if (a.unitCode() == null || a.unitCode().isBlank()) {
            LOG.warnf("urge %s of assignment %d names no unit; nobody to tell", eventId, a.id());
            return false;
        }
        String sender = urge.senderUnitCode() != null && !urge.senderUnitCode().isBlank()
                ? name(c, urge.senderUnitCode(), urge.senderUnitCode())
                : name(c, config.officeUnit(), "督办机构");
        String unitName = a.unitName() != null ? a.unitName() : name(c, a.unitCode(), a.unitCode());
        Instant urgedAt = urge.urgedAt() != null ? urge.urgedAt() : eventTime;
        ReminderTexts.Text text = texts.urge(a.taskNumber(), a.dueDate(), a.taskRequirement(), unitName, sender,
                urge.senderRole(), urge.message(), urge.by());
        try (PreparedStatement ins = c.prepareStatement("""
                INSERT INTO notification (unit_code, assignment_id, plan_id, task_number, kind, occasion, due_date, title, body,
                    created_at, source_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            ins.setString(1, a.unitCode());
            ins.setLong(2, a.id());
            ins.setLong(3, a.planId());
            ins.setInt(4, a.taskNumber());
            ins.setString(5, ReminderKind.URGE.name());
            ins.setObject(6, urgedAt.atZone(PLAN_ZONE).toLocalDate());
            ins.setObject(7, a.dueDate(), Types.DATE);
            ins.setString(8, text.title());
            ins.setString(9, text.body());
            ins.setObject(10, clock.instant().atOffset(ZoneOffset.UTC));
            ins.setString(11, eventId);
            return ins.executeUpdate() == 1;
        }
    }

    /** Sends the waiting notices (outside any run) of these units now, each unit's in one digest. */
    public void dispatch(Collection<String> unitCodes) {
        for (String unit : unitCodes) {
            try {
                dispatcher.dispatchOutsideRuns(unit);
            } catch (RuntimeException e) {
                // the dispatcher's next round (every duban.reminders.dispatch-interval) sends it
                LOG.warnf(e, "urge for %s not dispatched at once; the next dispatch round sends it", unit);
            }
        }
    }

    /** The registry's name of a unit, else the one an assignment of it gives it (the topics may arrive in any order). */
    private static String name(Connection c, String code, String otherwise) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT coalesce((SELECT name FROM unit_contact WHERE code = ?),
                                (SELECT unit_name FROM assignment_copy WHERE unit_code = ? AND unit_name IS NOT NULL LIMIT 1))""")) {
            q.setString(1, code);
            q.setString(2, code);
            try (ResultSet rs = q.executeQuery()) {
                String name = rs.next() ? rs.getString(1) : null;
                return name != null ? name : otherwise;
            }
        }
    }
}
