package org.duban.task.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two fields of a task that every assignment event carries for reminder-service's copy: its requirement
 * and its deadline kind. Both are written once, when the plan is imported, and never change (another import
 * makes new tasks, with new ids from the sequence), so they are remembered per task id: a change of an
 * assignment no longer loads the whole task for them (issue 20: the load was 15 % of task-service's work
 * on the change path). A replica that has not seen a task reads it once; an import finds it in its own
 * persistence context. Bounded: when {@link #MAX} tasks are known, the memory starts afresh.
 */
@ApplicationScoped
public class TaskFacts {

    /** A plan has tens of tasks; this is room for hundreds of plans. */
    static final int MAX = 10_000;

    public record Facts(String requirement, DeadlineKind deadlineKind) {
    }

    private final EntityManager em;
    private final Map<Long, Facts> known = new ConcurrentHashMap<>();

    TaskFacts(EntityManager em) {
        this.em = em;
    }

    /** The facts of task {@code taskId}, which exists (an assignment refers to it). */
    public Facts of(long taskId) {
        Facts facts = known.get(taskId);
        if (facts != null) {
            return facts;
        }
        Task task = em.find(Task.class, taskId);
        if (task == null) {
            throw new IllegalStateException("Task " + taskId + " does not exist");
        }
        facts = new Facts(task.requirement, task.deadlineKind);
        if (known.size() >= MAX) {
            known.clear();
        }
        known.put(taskId, facts);
        return facts;
    }

    /** How many tasks are remembered (for tests). */
    int size() {
        return known.size();
    }
}
