package org.duban.systemtest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A look into reminder-service's database, for what no API shows: whether its copy of the
 * assignments and unit contacts (fed by Kafka) has caught up before a run is asked for, and where a
 * run stood when its process was killed. What users are told is always checked through the gateway.
 */
final class ReminderDatabase {

    private ReminderDatabase() {
    }

    /** The ids among {@code ids} that reminder-service's copy shows with {@code status}. */
    static Set<Long> withStatus(Collection<Long> ids, String status) {
        return ids("SELECT id FROM assignment_copy WHERE id = ANY(?) AND status = ?", ids.toArray(Long[]::new), status);
    }

    /** The open assignments of a plan due on a date, as reminder-service's copy has them. */
    static Set<Long> openDueOn(long planId, String dueDate) {
        return ids("SELECT id FROM assignment_copy WHERE plan_id = ? AND due_date = CAST(? AS date) AND active "
                + "AND unit_code IS NOT NULL AND status IN ('NOT_STARTED', 'IN_PROGRESS')", planId, dueDate);
    }

    /** Whether the copy of a unit's contact carries this e-mail address. */
    static boolean hasEmail(String unitCode, String email) {
        return !ids("SELECT 1 FROM unit_contact WHERE code = ? AND email = ?", unitCode, email).isEmpty();
    }

    /** The id of the latest run asked for through the API (finished or not). */
    static long latestRun() {
        return query("SELECT max(id) FROM reminder_run WHERE trigger = 'API'").get(0)[0];
    }

    static boolean finished(long runId) {
        return query("SELECT count(*) FROM reminder_run WHERE id = " + runId + " AND finished_at IS NOT NULL").get(0)[0] == 1;
    }

    /** How many reminders a run recorded (committed). */
    static long recordedBy(long runId) {
        return query("SELECT count(*) FROM reminder WHERE run_id = " + runId).get(0)[0];
    }

    /** Sessions of reminder-service that wait to record reminders because another transaction holds one of their keys. */
    static long runsWaitingForAHeldReminder() {
        return query("SELECT count(*) FROM pg_stat_activity WHERE datname = 'duban_reminder' AND wait_event_type = 'Lock' "
                + "AND query LIKE '%INSERT INTO reminder (%'").get(0)[0];
    }

    /**
     * What a second replica recording the same reminder looks like to a run: this reminder's key, written
     * by a transaction that stays open until closed (then rolled back). A run that reaches the key waits
     * for it, with every chunk before it committed.
     */
    static AutoCloseable holdReminder(long assignmentId, String kind, String occasion) throws SQLException {
        Connection c = SystemStack.reminderDatabase();
        c.setAutoCommit(false);
        long runId;
        try (PreparedStatement run = c.prepareStatement("INSERT INTO reminder_run (at, trigger, started_by, started_at) "
                + "VALUES (now(), 'SCHEDULER', 'another replica', now()) RETURNING id");
             ResultSet rs = run.executeQuery()) {
            rs.next();
            runId = rs.getLong(1);
        }
        try (PreparedStatement hold = c.prepareStatement("INSERT INTO reminder (assignment_id, kind, occasion, run_id, created_at) "
                + "VALUES (?, ?, CAST(? AS date), ?, now())")) {
            hold.setLong(1, assignmentId);
            hold.setString(2, kind);
            hold.setString(3, occasion);
            hold.setLong(4, runId);
            hold.executeUpdate();
        }
        return () -> {
            try (c) {
                c.rollback();
            }
        };
    }

    private static Set<Long> ids(String sql, Object... params) {
        try (Connection c = SystemStack.reminderDatabase(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Long[] array) {
                    q.setArray(i + 1, c.createArrayOf("bigint", array));
                } else {
                    q.setObject(i + 1, params[i]);
                }
            }
            Set<Long> ids = new HashSet<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<long[]> query(String sql) {
        try (Connection c = SystemStack.reminderDatabase(); PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            List<long[]> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                long[] row = new long[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getLong(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
