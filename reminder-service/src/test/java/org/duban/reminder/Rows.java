package org.duban.reminder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Counts rows of reminder-service's database, for tests that check what a run or the replica stored. */
@ApplicationScoped
public class Rows {

    private final EntityManager em;

    Rows(EntityManager em) {
        this.em = em;
    }

    /** The single number {@code sql} answers, with {@code params} bound as ?1, ?2, … */
    public long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
