package org.duban.systemtest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A look into reminder-service's database, for what no API shows: whether its copy of the
 * assignments and unit contacts (fed by Kafka) has caught up before a run is asked for. What users
 * are told is always checked through the gateway.
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
}
