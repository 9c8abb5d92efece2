package org.duban.task.plan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.task.SamplePlan;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task fields every assignment event carries, read once per task. */
@QuarkusTest
class TaskFactsTest {

    @Inject
    TaskFacts facts;

    @Inject
    EntityManager em;

    @Test
    void aTaskIsReadOnceAndRememberedAfterwards() {
        long planId = SamplePlan.id();
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT id, requirement, deadline_kind FROM task WHERE plan_id = ?1 ORDER BY number DESC LIMIT 1")
                .setParameter(1, planId).getSingleResult());
        long taskId = ((Number) row[0]).longValue();
        TaskFacts.Facts first = QuarkusTransaction.requiringNew().call(() -> facts.of(taskId));
        assertEquals(row[1], first.requirement());
        assertEquals(row[2], first.deadlineKind().name());
        assertTrue(facts.size() >= 1);

        // the database is not asked again: a row changed behind its back (which Duban never does) is not seen
        String original = (String) row[1];
        setRequirement(taskId, original + "（改）");
        try {
            assertEquals(original, QuarkusTransaction.requiringNew().call(() -> facts.of(taskId)).requirement());
        } finally {
            setRequirement(taskId, original);
        }
    }

    @Test
    void aTaskThatDoesNotExistIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().call(() -> facts.of(-7)));
        assertTrue(e.getMessage().contains("-7"), e.getMessage());
    }

    private void setRequirement(long taskId, String requirement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE task SET requirement = ?1 WHERE id = ?2")
                .setParameter(1, requirement).setParameter(2, taskId).executeUpdate());
    }
}
