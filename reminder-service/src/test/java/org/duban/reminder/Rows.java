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

    /** The rows {@code sql} answers as text, a line each (for failure messages that say what was stored). */
    public String list(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder text = new StringBuilder();
            for (Object row : query(sql, params).getResultList()) {
                text.append(row instanceof Object[] cells ? java.util.Arrays.toString(cells) : String.valueOf(row)).append('\n');
            }
            return text.toString();
        });
    }

    /** The single number {@code sql} answers, with {@code params} bound as ?1, ?2, … */
    public long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) query(sql, params).getSingleResult()).longValue());
    }

    private jakarta.persistence.Query query(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }
}
