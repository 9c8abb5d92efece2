package org.duban.reminder.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * 层层分解 in the replica's {@code assignment_copy}: which unit delegated an assignment ({@code delegated_by}, the
 * parent's unit). Its name is the registry's ({@code unit_contact}), else the one the parent assignment gives it, else
 * its code. Called inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Delegations {

    private final EntityManager em;

    Delegations(EntityManager em) {
        this.em = em;
    }

    /** Assignment id → the unit that delegated it; assignments of the office's own plan are absent. One query for all. */
    public Map<Long, Unit> delegatorsOf(Collection<Long> assignmentIds) {
        Map<Long, Unit> delegators = new HashMap<>();
        if (assignmentIds.isEmpty()) {
            return delegators;
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT a.id, a.delegated_by, coalesce(u.name, p.unit_name, a.delegated_by)
                    FROM assignment_copy a
                    LEFT JOIN assignment_copy p ON p.id = a.parent_id
                    LEFT JOIN unit_contact u ON u.code = a.delegated_by
                    WHERE a.id = ANY(?) AND a.delegated_by IS NOT NULL""")) {
                q.setArray(1, c.createArrayOf("bigint", assignmentIds.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        delegators.put(rs.getLong(1), new Unit(rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return delegators;
        });
    }
}
