package org.duban.reminder.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lead units of tasks, from the replica's {@code assignment_copy}: the units whose assignment has the
 * role {@code LEAD} and was not replaced, whatever its status (a lead that finished its own share still
 * hears of the task's escalations). Called inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TaskLeads {

    private final EntityManager em;

    TaskLeads(EntityManager em) {
        this.em = em;
    }

    /** Task id → its lead units, ordered by code; tasks without a lead are absent. One query for all. */
    public Map<Long, List<Unit>> of(Collection<Long> taskIds) {
        Map<Long, List<Unit>> leads = new HashMap<>();
        if (taskIds.isEmpty()) {
            return leads;
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT DISTINCT task_id, unit_code, unit_name FROM assignment_copy
                    WHERE task_id = ANY(?) AND role = 'LEAD' AND active AND unit_code IS NOT NULL
                    ORDER BY task_id, unit_code""")) {
                q.setArray(1, c.createArrayOf("bigint", taskIds.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        leads.computeIfAbsent(rs.getLong(1), t -> new ArrayList<>()).add(new Unit(rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return leads;
        });
    }
}
