package org.duban.task.plan;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.CurrentUser;
import org.duban.task.assignment.Assignment;
import org.duban.task.assignment.AssignmentFilter;
import org.duban.task.assignment.AssignmentQueries;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Plans, their tasks (with the assignments a caller may see) and the dashboard summary. */
@ApplicationScoped
public class PlanQueries {

    private final AssignmentQueries assignments;
    private final PlanCalendar calendar;
    private final EntityManager em;
    private final CurrentUser user;

    PlanQueries(AssignmentQueries assignments, PlanCalendar calendar, EntityManager em, CurrentUser user) {
        this.assignments = assignments;
        this.calendar = calendar;
        this.em = em;
        this.user = user;
    }

    /** A task with those of its assignments the caller may see (and the filter lets through). */
    public record TaskWithAssignments(Task task, List<Assignment> assignments) {
    }

    public PageResponse<Plan> plans(PageRequest page) {
        var query = Plan.<Plan>find("order by issuedOn desc nulls last, id desc");
        return new PageResponse<>(query.page(Page.of(page.page, page.size)).list(), page.page, page.size, query.count());
    }

    public Plan plan(long id) {
        Plan plan = Plan.findById(id);
        if (plan == null) {
            throw ProblemException.notFound("No plan has the id " + id);
        }
        return plan;
    }

    /**
     * Tasks; with a unit, status or overdue filter only the tasks where a (visible) assignment
     * matches, each showing those assignments; {@code today} decides what is overdue.
     */
    public PageResponse<TaskWithAssignments> tasks(Long planId, AssignmentFilter filter, String q, PageRequest page,
                                                   LocalDate today) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (planId != null) {
            where.append(" and t.planId = :plan");
            params.and("plan", planId);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(t.requirement) like :q or lower(t.responsibilityText) like :q)");
            params.and("q", "%" + q.trim().toLowerCase() + "%");
        }
        AssignmentQueries.Where scope = assignments.where(filter, today);
        if (scope.narrows()) {
            where.append(" and exists (select 1 from Assignment a where a.taskId = t.id and ").append(scope.sql()).append(")");
            scope.params().map().forEach(params::and);
        }
        var query = Task.<Task>find("from Task t where " + where + " order by t.planId, t.number", params);
        List<Task> tasks = query.page(Page.of(page.page, page.size)).list();
        Map<Long, List<Assignment>> byTask = assignments.byTask(tasks.stream().map(t -> t.id).toList(), filter, today);
        List<TaskWithAssignments> items = tasks.stream()
                .map(t -> new TaskWithAssignments(t, byTask.getOrDefault(t.id, List.of()))).toList();
        return new PageResponse<>(items, page.page, page.size, query.count());
    }

    public TaskWithAssignments task(long id, AssignmentFilter visibleTo, LocalDate today) {
        Task task = Task.findById(id);
        if (task == null) {
            throw ProblemException.notFound("No task has the id " + id);
        }
        return new TaskWithAssignments(task, assignments.byTask(List.of(id), visibleTo, today).getOrDefault(task.id, List.of()));
    }

    /**
     * Per unit and per category: total, completed, overdue, due within 7 days, signed for (a unit user: its own
     * unit's only).
     */
    public PlanSummary summary(long planId) {
        return summary(planId, PlanDepth.ISSUED);
    }

    /** The summary over the shares of one level of delegation, or of every level. */
    public PlanSummary summary(long planId, PlanDepth depth) {
        Plan plan = plan(planId);
        LocalDate today = calendar.today();
        String scope = user.readScope().orElse(null);
        String scoped = (scope == null ? "" : " AND a.unit_code = :unit") + depth.sql();
        String measures = "count(*), "
                + "sum(case when a.status = 'COMPLETED' then 1 else 0 end), "
                + "sum(case when a.status <> 'COMPLETED' and a.due_date < :today then 1 else 0 end), "
                + "sum(case when a.status <> 'COMPLETED' and a.due_date >= :today and a.due_date < :week then 1 else 0 end), "
                + "count(a.acknowledged_at)";
        @SuppressWarnings("unchecked")
        List<Object[]> byUnit = bind(em.createNativeQuery("SELECT a.unit_code, min(a.unit_name), " + measures
                        + " FROM assignment a WHERE a.plan_id = :plan AND NOT a.superseded" + scoped
                        + " GROUP BY a.unit_code ORDER BY a.unit_code NULLS LAST"), planId, today, scope, depth)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> byCategory = bind(em.createNativeQuery("SELECT t.category_ordinal, min(t.category_title), " + measures
                        + " FROM assignment a JOIN task t ON t.id = a.task_id WHERE a.plan_id = :plan AND NOT a.superseded" + scoped
                        + " GROUP BY t.category_ordinal ORDER BY t.category_ordinal"), planId, today, scope, depth)
                .getResultList();
        return new PlanSummary(plan, today,
                byUnit.stream().map(r -> new PlanSummary.UnitLine((String) r[0], (String) r[1],
                        n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]))).toList(),
                byCategory.stream().map(r -> new PlanSummary.CategoryLine(((Number) r[0]).intValue(), (String) r[1],
                        n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]))).toList());
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, long planId, LocalDate today, String unit,
                                                  PlanDepth depth) {
        depth.bind(query).setParameter("plan", planId).setParameter("today", today).setParameter("week", today.plusDays(7));
        return unit == null ? query : query.setParameter("unit", unit);
    }

    static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

}
