package org.duban.systemtest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A look into task-service's database, for what no API shows: how far an import that has not committed yet
 * has got (sequences move outside transactions), and what a killed one left behind. What users see is
 * always checked through the gateway.
 */
final class TaskDatabase {

    /** Every table a plan import or a transition writes to. */
    private static final java.util.List<String> TABLES =
            java.util.List.of("plan", "task", "assignment", "assignment_history", "outbox_event", "sync_change");

    private TaskDatabase() {
    }

    /** The last id handed out for assignments (also to a transaction still running). */
    static long lastAssignmentId() {
        return single("SELECT last_value FROM assignment_id_seq");
    }

    /** Rows of each table a plan import writes to, committed ones only. */
    static Map<String, Long> rows() {
        Map<String, Long> rows = new TreeMap<>();
        TABLES.forEach(table -> rows.put(table, single("SELECT count(*) FROM " + table)));
        return rows;
    }

    private static long single(String sql) {
        try (Connection c = SystemStack.taskDatabase(); PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
