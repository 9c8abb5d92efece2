package org.duban.task.assignment;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.security.CurrentUser;
import org.hibernate.jpa.HibernateHints;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reading assignments: filters, sorting, the unit scope of the caller. A {@code unit} user sees only
 * its own unit's assignments, whatever it asks for.
 */
@ApplicationScoped
public class AssignmentQueries {

    /** Sort keys of the API → the columns, each with a stable tie-breaker. */
    public static final Map<String, String> SORTS = Map.of(
            "dueDate", "a.dueDate %s nulls last, a.taskNumber, a.id",
            "taskNumber", "a.taskNumber %s, a.unitCode, a.id",
            "unit", "a.unitCode %s nulls last, a.taskNumber, a.id",
            "updatedAt", "a.updatedAt %s, a.id",
            "depth", "a.depth %s, a.taskNumber, a.unitCode, a.id");

    private final CurrentUser user;

    AssignmentQueries(CurrentUser user) {
        this.user = user;
    }

    /**
     * A page of the assignments the caller may see; {@code today} decides what is overdue. The total is counted by
     * a statement of its own, written out as {@code select count(*)} so that Hibernate interprets it once: a count
     * it derives from a query (Panache's {@code count}, {@code getResultCount}) is translated anew on every request,
     * a tenth of the list's CPU.
     * One statement with {@code count(*) over ()} was measured and left: it reads every matching row with all its
     * columns before the page is cut, and PostgreSQL's work per list grew fourfold (docs/benchmarks.md, issue 20).
     */
    public PageResponse<Assignment> list(AssignmentFilter filter, String sort, PageRequest page, LocalDate today) {
        Where where = where(filter, today);
        String order = order(sort);
        var query = Assignment.<Assignment>find("from Assignment a where " + where.sql + " order by " + order, where.params)
                .withHint(HibernateHints.HINT_READ_ONLY, true); // only read: no snapshots kept for dirty checking
        List<Assignment> items = query.page(Page.of(page.page, page.size)).list();
        return new PageResponse<>(items, page.page, page.size,
                total(items.size(), page, () -> count(where)));
    }

    private static long count(Where where) {
        var count = Assignment.getEntityManager().createQuery("select count(*) from Assignment a where " + where.sql, Long.class);
        where.params.map().forEach(count::setParameter);
        return count.getSingleResult();
    }

    /**
     * The number of matches. A page that is neither empty nor full is the last one, so the total is
     * known without counting; otherwise ask the database.
     */
    static long total(int found, PageRequest page, java.util.function.LongSupplier count) {
        return found > 0 && found < page.size ? (long) page.page * page.size + found : count.getAsLong();
    }

    /** The assignments of some tasks, narrowed like a list; for task views. */
    public Map<Long, List<Assignment>> byTask(List<Long> taskIds, AssignmentFilter filter, LocalDate today) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Where where = where(filter, today);
        where.params.and("taskIds", taskIds);
        return Assignment.<Assignment>find("from Assignment a where a.taskId in :taskIds and " + where.sql
                        + " order by a.taskNumber, a.role, a.unitCode nulls first, a.id", where.params)
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(a -> a.taskId, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
    }

    /**
     * A condition over assignments {@code a}; {@code narrows} when it does more than leave out superseded
     * assignments. Queries that select other rows by their assignments (PlanQueries' tasks) use it too.
     */
    public record Where(String sql, Parameters params, boolean narrows) {
    }

    /** The JPQL condition for a filter, with the caller's unit scope applied. */
    public Where where(AssignmentFilter f, LocalDate today) {
        StringBuilder sql = new StringBuilder("a.superseded = false");
        Parameters p = new Parameters();
        String unit = f.unitCode();
        var scope = user.readScope(); // a unit user: its own unit; a user of no unit and no reading role: nothing
        if (scope.isPresent()) {
            String own = scope.get();
            if (f.widens()) {
                // every share it may read: its own, those below its own (层层分解), those of the tasks it leads (牵头)
                sql.append(" and (a.unitCode = :scopeUnit or a.supervisors like :scopePath or a.taskId in (select l.taskId"
                        + " from Assignment l where l.unitCode = :scopeUnit and l.role = :scopeLead and l.parentId is null"
                        + " and l.superseded = false))");
                p.and("scopeUnit", own).and("scopePath", "%|" + likeEscaped(own) + "|%").and("scopeLead", Assignment.Role.LEAD);
            } else {
                if (f.unitCode() != null && !f.unitCode().equals(own)) {
                    throw CurrentUser.forbidden("A unit user sees only its own unit's assignments");
                }
                unit = own;
            }
        }
        if (f.planId() != null) {
            sql.append(" and a.planId = :plan");
            p.and("plan", f.planId());
        }
        if (unit != null) {
            sql.append(" and a.unitCode = :unit");
            p.and("unit", unit);
        }
        if (f.role() != null) {
            sql.append(" and a.role = :role");
            p.and("role", f.role());
        }
        if (f.status() != null) {
            sql.append(" and a.status = :status");
            p.and("status", f.status());
        }
        if (f.overdue() != null) {
            sql.append(f.overdue()
                    ? " and a.dueDate < :today and a.status <> :completed"
                    : " and (a.dueDate is null or a.dueDate >= :today or a.status = :completed)");
            p.and("today", today).and("completed", AssignmentStatus.COMPLETED);
        }
        if (f.dueBefore() != null) {
            sql.append(" and a.dueDate < :dueBefore");
            p.and("dueBefore", f.dueBefore());
        }
        if (f.updatedSince() != null) {
            sql.append(" and a.updatedAt >= :updatedSince");
            p.and("updatedSince", f.updatedSince());
        }
        if (f.reviewNeeded() != null) {
            sql.append(" and a.reviewNeeded = :review");
            p.and("review", f.reviewNeeded());
        }
        if (f.taskNumber() != null) {
            sql.append(" and a.taskNumber = :taskNumber");
            p.and("taskNumber", f.taskNumber());
        }
        if (f.acknowledged() != null) {
            sql.append(f.acknowledged() ? " and a.acknowledgedAt is not null" : " and a.acknowledgedAt is null");
        }
        if (f.parentId() != null) {
            sql.append(" and a.parentId = :parentId");
            p.and("parentId", f.parentId());
        }
        // the supervisor of a delegated share is the unit that delegated it
        for (String delegator : new String[]{f.delegatedBy(), f.supervisedBy()}) {
            if (delegator != null) {
                String name = "delegator" + p.map().size();
                sql.append(" and a.delegatedBy = :").append(name);
                p.and(name, delegator);
            }
        }
        if (f.depth() != null) {
            sql.append(" and a.depth = :depth");
            p.and("depth", f.depth());
        }
        return new Where(sql.toString(), p, !p.map().isEmpty() || f.acknowledged() != null);
    }

    /** A unit code as a LIKE pattern's literal part (codes are slugs; this keeps a stray % or _ literal). */
    static String likeEscaped(String code) {
        return code.replace("\\", "").replace("%", "").replace("_", "\\_");
    }

    static String order(String sort) {
        String key = sort == null || sort.isBlank() ? "dueDate" : sort.trim();
        boolean descending = key.startsWith("-");
        String column = SORTS.get(descending ? key.substring(1) : key);
        if (column == null) {
            throw org.duban.platform.api.ProblemException.validation(List.of(new org.duban.platform.api.Problem.FieldError(
                    "sort", "must be one of " + SORTS.keySet() + ", with - in front for descending")));
        }
        return column.formatted(descending ? "desc" : "asc");
    }
}
