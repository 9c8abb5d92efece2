package org.duban.task.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.duban.task.plan.Plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The counts a score is made of, read from the assignments' history as it stood at the end of a day, in one SQL
 * aggregation over the plan (like {@code PlanProgress}'s board; nothing is loaded per assignment):
 * <ul>
 *   <li>an assignment counts if it existed by then (created before the day ended), has a unit, and has not been
 *       replaced (a vague group replaced by named units counts as those units, from the day they were named);</li>
 *   <li>its due date is the last due-date change made by then, else the date the first later change moved away from,
 *       else the one it has; it was completed on the first day a change to {@code COMPLETED} was made, if by then;</li>
 *   <li>it was signed for on the day of {@code acknowledgedAt}, if by then (signing is once and for good);</li>
 *   <li>its reports are its progress reports and submissions made by then, each counting for the calendar
 *       period (of {@code reportEveryMonths}) it falls in.</li>
 * </ul>
 * Days are the plan's time zone's. The sign-for window's last day is worked out per creation day in Java (working
 * days, {@link WorkingDays}) and handed to the query as a small table.
 */
@ApplicationScoped
public class ScoreQueries {

    /** The day an instant falls on in the plan's time zone. */
    private static final String DAY = "CAST(%s AT TIME ZONE :zone AS date)";

    /**
     * The reporting period a local day or timestamp falls in: calendar months since year 0, in blocks of :months
     * ({@code date_part}, not {@code EXTRACT}: the latter computes in {@code numeric}, several times slower per row).
     */
    private static final String PERIOD = "((CAST(date_part('year', %1$s) AS int) * 12 + CAST(date_part('month', %1$s) AS int) - 1) / :months)";

    private static final String CREATED_DAYS = """
            SELECT DISTINCT CAST(a.created_at AT TIME ZONE :zone AS date) FROM assignment a
             WHERE a.plan_id = :plan AND NOT a.superseded AND a.unit_code IS NOT NULL AND a.created_at < :end
            """;

    /**
     * Every counted assignment as of :asOf (end :end), one row each: table f. The history is read in three narrow
     * passes, each joined to the counted assignments by hash and aggregated without sorting per assignment: the first
     * completion (c), the few due-date changes (d), the distinct reporting periods reported in (r, one row per
     * assignment and period, counted against the assignment's owed periods in o).
     */
    private static final String ASSIGNMENTS = """
            WITH w AS MATERIALIZED (
                SELECT CAST(string_to_array(:createdDays, ',') AS date[]) AS created_on,
                       CAST(string_to_array(:acknowledgeBy, ',') AS date[]) AS acknowledge_by),
            a AS (
                SELECT a.id, a.unit_code, a.unit_name, a.task_number, a.role, t.category_ordinal, a.due_date,
                       CREATED_ON AS created_on,
                       w.acknowledge_by[array_position(w.created_on, CREATED_ON)] AS acknowledge_by,
                       CASE WHEN a.acknowledged_at < :end THEN ACKNOWLEDGED_ON END AS acknowledged_on,
                       (:reportAll OR t.deadline_kind = 'ONGOING') AS reports_owed
                  FROM assignment a JOIN task t ON t.id = a.task_id CROSS JOIN w
                 WHERE a.plan_id = :plan AND NOT a.superseded AND a.unit_code IS NOT NULL AND a.created_at < :end
                       AND array_position(w.created_on, CREATED_ON) IS NOT NULL
                       /*CATEGORY*/ /*UNIT*/),
            c AS (
                SELECT x.assignment_id, min(HISTORY_DAY) AS completed_on
                  FROM assignment_history x JOIN a ON a.id = x.assignment_id
                 WHERE x.kind = 'STATUS_CHANGED' AND x.to_status = 'COMPLETED' AND x.at < :end
                 GROUP BY x.assignment_id),
            d AS (
                SELECT x.assignment_id,
                       (array_agg(x.to_date ORDER BY x.at DESC, x.id DESC) FILTER (WHERE x.at < :end))[1] AS moved_due,
                       (array_agg(x.from_date ORDER BY x.at, x.id))[1] AS first_due
                  FROM assignment_history x JOIN a ON a.id = x.assignment_id
                 WHERE x.kind = 'DUE_DATE_CHANGED'
                 GROUP BY x.assignment_id),
            r AS (
                SELECT p.assignment_id, array_agg(p.period) AS periods
                  FROM (SELECT DISTINCT x.assignment_id, HISTORY_PERIOD AS period
                          FROM assignment_history x JOIN a ON a.id = x.assignment_id
                         WHERE ((x.kind = 'PROGRESS_REPORTED' AND x.to_status IS DISTINCT FROM 'COMPLETED')
                                OR (x.kind = 'STATUS_CHANGED' AND x.to_status = 'SUBMITTED'))
                           AND x.at < :end) AS p
                 GROUP BY p.assignment_id),
            s AS (
                SELECT a.*, c.completed_on, COALESCE(d.moved_due, d.first_due, a.due_date) AS due, r.periods,
                       FIRST_PERIOD AS first_period, LAST_PERIOD AS last_period
                  FROM a LEFT JOIN c ON c.assignment_id = a.id LEFT JOIN d ON d.assignment_id = a.id
                       LEFT JOIN r ON r.assignment_id = a.id),
            f AS (
                SELECT s.*,
                       CASE WHEN s.completed_on IS NOT NULL THEN COALESCE(greatest(s.completed_on - s.due, 0), 0)
                            WHEN s.due < :asOf THEN :asOf - s.due ELSE 0 END AS overdue_days,
                       CASE WHEN s.reports_owed THEN greatest(s.last_period - s.first_period + 1, 0) ELSE 0 END AS reports_due,
                       CASE WHEN s.reports_owed AND s.periods IS NOT NULL
                            THEN (SELECT count(*) FROM unnest(s.periods) AS p WHERE p BETWEEN s.first_period AND s.last_period)
                            ELSE 0 END AS reports_on_time
                  FROM s)
            """
            .replace("CREATED_ON", DAY.formatted("a.created_at"))
            .replace("ACKNOWLEDGED_ON", DAY.formatted("a.acknowledged_at"))
            .replace("HISTORY_DAY", DAY.formatted("x.at"))
            .replace("HISTORY_PERIOD", PERIOD.formatted("(x.at AT TIME ZONE :zone)"))
            .replace("FIRST_PERIOD", PERIOD.formatted("a.created_on") + " + 1")
            .replace("LAST_PERIOD", "CASE WHEN c.completed_on IS NULL THEN :lastPeriod ELSE least(:lastPeriod, %s - 1) END"
                    .formatted(PERIOD.formatted("c.completed_on")));

    private static final String PER_UNIT = ASSIGNMENTS + """
            SELECT f.unit_code, min(f.unit_name), count(*),
                   count(*) FILTER (WHERE f.completed_on IS NOT NULL),
                   count(*) FILTER (WHERE f.completed_on IS NOT NULL AND (f.due IS NULL OR f.completed_on <= f.due)),
                   count(*) FILTER (WHERE f.completed_on IS NULL AND f.due < :asOf),
                   sum(f.overdue_days), sum(least(f.overdue_days, :cap)),
                   count(*) FILTER (WHERE f.completed_on IS NOT NULL OR f.due < :asOf),
                   count(*) FILTER (WHERE f.acknowledged_on IS NOT NULL OR f.acknowledge_by < :asOf),
                   count(*) FILTER (WHERE f.acknowledged_on <= f.acknowledge_by),
                   count(f.acknowledged_on),
                   sum(f.reports_due), sum(f.reports_on_time)
              FROM f
             GROUP BY f.unit_code
             ORDER BY f.unit_code
            """;

    private static final String ONE_BY_ONE = ASSIGNMENTS + """
            SELECT f.id, f.unit_code, f.unit_name, f.task_number, f.category_ordinal, f.role, f.due, f.completed_on, f.overdue_days,
                   f.acknowledge_by, f.acknowledged_on, f.reports_due, f.reports_on_time
              FROM f
             WHERE /*OVERDUE*/ true
             ORDER BY f.unit_code, f.task_number, f.id
            """;

    private final EntityManager em;
    private final WorkingDays workingDays;

    ScoreQueries(EntityManager em, WorkingDays workingDays) {
        this.em = em;
        this.workingDays = workingDays;
    }

    /** Per unit, the counts as of the end of {@code asOf}; {@code category} 0 for all of the plan's categories. */
    public List<UnitTally> units(Plan plan, LocalDate asOf, ScoringSettings settings, int category) {
        Query query = query(PER_UNIT, plan, asOf, settings, category, null, false).setParameter("cap", settings.overdueDaysCap());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new UnitTally((String) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]),
                n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]), n(r[13]))).toList();
    }

    /**
     * The counted assignments one by one as of the end of {@code asOf}: of one unit (or all, {@code unitCode} null),
     * only the overdue ones if asked.
     */
    public List<AssignmentTally> assignments(Plan plan, LocalDate asOf, ScoringSettings settings, int category, String unitCode,
                                             boolean overdueOnly) {
        Query query = query(ONE_BY_ONE, plan, asOf, settings, category, unitCode, overdueOnly);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new AssignmentTally(n(r[0]), (String) r[1], (String) r[2], (int) n(r[3]), (int) n(r[4]),
                (String) r[5], date(r[6]), date(r[7]), n(r[8]), date(r[9]), date(r[10]), n(r[11]), n(r[12]))).toList();
    }

    private Query query(String sql, Plan plan, LocalDate asOf, ScoringSettings settings, int category, String unitCode,
                        boolean overdueOnly) {
        ZoneId zone = ZoneId.of(plan.timeZone);
        java.time.Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        @SuppressWarnings("unchecked")
        List<Object> created = em.createNativeQuery(CREATED_DAYS).setParameter("plan", plan.id).setParameter("zone", plan.timeZone)
                .setParameter("end", end).getResultList();
        List<LocalDate> days = created.stream().map(ScoreQueries::date).sorted().toList();
        String text = sql;
        if (category > 0) {
            text = text.replace("/*CATEGORY*/", "AND t.category_ordinal = :category");
        }
        if (unitCode != null) {
            text = text.replace("/*UNIT*/", "AND a.unit_code = :unit");
        }
        if (overdueOnly) {
            text = text.replace("/*OVERDUE*/ true", "f.completed_on IS NULL AND f.due < :asOf");
        }
        Query query = em.createNativeQuery(text)
                .setParameter("plan", plan.id).setParameter("zone", plan.timeZone).setParameter("end", end)
                .setParameter("asOf", asOf)
                .setParameter("createdDays", days.stream().map(LocalDate::toString).collect(Collectors.joining(",")))
                .setParameter("acknowledgeBy", days.stream().map(d -> workingDays.after(d, settings.acknowledgeWithinDays()).toString())
                        .collect(Collectors.joining(",")))
                .setParameter("months", settings.reportEveryMonths())
                .setParameter("lastPeriod", period(asOf.plusDays(1), settings.reportEveryMonths()) - 1)
                .setParameter("reportAll", settings.reportsFromAll());
        if (category > 0) {
            query.setParameter("category", category);
        }
        if (unitCode != null) {
            query.setParameter("unit", unitCode);
        }
        return query;
    }

    /** The reporting period {@code day} falls in, as the query counts it. */
    static int period(LocalDate day, int months) {
        return (day.getYear() * 12 + day.getMonthValue() - 1) / months;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
