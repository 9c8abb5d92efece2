package org.duban.task.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervision board and the timeline of a plan, counted in SQL like the summary ({@link PlanQueries#summary}):
 * one aggregation over the plan's assignments, nothing loaded per assignment. Both read an assignment's past
 * from its history, so that a day in the past shows what was true then: its status is the last status change
 * made by the end of that day (none: {@code NOT_STARTED}), its due date the last due-date change by then (none:
 * the due date it was imported with). Days end in the plan's time zone. Every count is over the plan's current
 * assignments (a vague group replaced by named units counts as those units).
 */
@ApplicationScoped
public class PlanProgress {

    /** The day an instant of the history falls on, in the plan's time zone. */
    private static final String DAY = "CAST(x.at AT TIME ZONE :zone AS date)";

    /** Each current assignment of :plan as it stood at the end of :asOf; one history scan per assignment. */
    private static final String STATE_AS_OF = """
            SELECT a.unit_code, a.unit_name, t.category_ordinal, a.depth,
                   COALESCE(h.status, 'NOT_STARTED') AS status,
                   COALESCE(h.status = 'IN_PROGRESS' AND h.status_from = 'SUBMITTED', false) AS returned,
                   COALESCE(h.moved_due, h.first_due, a.due_date) AS due_date,
                   h.completed_on
              FROM assignment a
              JOIN task t ON t.id = a.task_id
              LEFT JOIN LATERAL (
                SELECT (array_agg(x.to_status ORDER BY x.at DESC, x.id DESC)
                            FILTER (WHERE x.kind = 'STATUS_CHANGED' AND DAY <= :asOf))[1] AS status,
                       (array_agg(x.from_status ORDER BY x.at DESC, x.id DESC)
                            FILTER (WHERE x.kind = 'STATUS_CHANGED' AND DAY <= :asOf))[1] AS status_from,
                       (array_agg(x.to_date ORDER BY x.at DESC, x.id DESC)
                            FILTER (WHERE x.kind = 'DUE_DATE_CHANGED' AND DAY <= :asOf))[1] AS moved_due,
                       (array_agg(x.from_date ORDER BY x.at, x.id) FILTER (WHERE x.kind = 'DUE_DATE_CHANGED'))[1] AS first_due,
                       min(DAY) FILTER (WHERE x.kind = 'STATUS_CHANGED' AND x.to_status = 'COMPLETED' AND DAY <= :asOf)
                           AS completed_on
                  FROM assignment_history x
                 WHERE x.assignment_id = a.id) h ON true
             WHERE a.plan_id = :plan AND NOT a.superseded
            """.replace("DAY", DAY);

    private static final String BOARD = """
            SELECT s.unit_code, min(s.unit_name), s.category_ordinal, s.depth,
                   count(*),
                   count(*) FILTER (WHERE s.status = 'COMPLETED'),
                   count(*) FILTER (WHERE s.status = 'COMPLETED' AND (s.due_date IS NULL OR s.completed_on <= s.due_date)),
                   count(*) FILTER (WHERE s.status <> 'COMPLETED' AND s.due_date < :asOf),
                   count(*) FILTER (WHERE s.status <> 'COMPLETED' AND s.due_date BETWEEN :asOf AND :week),
                   count(*) FILTER (WHERE s.returned)
              FROM (%s) s
             GROUP BY s.unit_code, s.category_ordinal, s.depth
             ORDER BY s.unit_code NULLS LAST, s.category_ordinal, s.depth
            """.formatted(STATE_AS_OF);

    /**
     * Per day from :from to :to: how many of the plan's current assignments were completed and overdue by its
     * end. Each assignment adds +1 completed on the day it was completed, and +1 overdue for each stretch of
     * days on which the due date then in force had passed and it was not completed (−1 after the stretch); the
     * day's figures are the running sums.
     */
    private static final String TIMELINE = """
            WITH cur AS (
                SELECT a.id, a.due_date,
                       (SELECT min(DAY) FROM assignment_history x
                         WHERE x.assignment_id = a.id AND x.kind = 'STATUS_CHANGED' AND x.to_status = 'COMPLETED') AS completed_on
                  FROM assignment a
                 WHERE a.plan_id = :plan AND NOT a.superseded DEPTH_CONDITION),
            moves AS (
                SELECT x.assignment_id, DAY AS day, x.from_date, x.to_date,
                       row_number() OVER (PARTITION BY x.assignment_id ORDER BY x.at, x.id) AS n,
                       lead(DAY) OVER (PARTITION BY x.assignment_id ORDER BY x.at, x.id) AS next_day
                  FROM assignment_history x JOIN cur ON cur.id = x.assignment_id
                 WHERE x.kind = 'DUE_DATE_CHANGED'),
            spans AS (  -- the due dates in force, each over the days [starts, ends)
                SELECT cur.completed_on, CAST('-infinity' AS date) AS starts,
                       COALESCE(m.day, CAST('infinity' AS date)) AS ends, COALESCE(m.from_date, cur.due_date) AS due
                  FROM cur LEFT JOIN moves m ON m.assignment_id = cur.id AND m.n = 1
                UNION ALL
                SELECT cur.completed_on, m.day, COALESCE(m.next_day, CAST('infinity' AS date)), m.to_date
                  FROM moves m JOIN cur ON cur.id = m.assignment_id),
            late AS (
                SELECT greatest(starts, due + 1) AS from_day,
                       least(ends, COALESCE(completed_on, CAST('infinity' AS date))) AS until_day
                  FROM spans WHERE due IS NOT NULL),
            deltas AS (
                SELECT from_day AS day, 1 AS overdue, 0 AS completed FROM late WHERE from_day < until_day
                UNION ALL
                SELECT until_day, -1, 0 FROM late WHERE from_day < until_day AND until_day < CAST('infinity' AS date)
                UNION ALL
                SELECT completed_on, 0, 1 FROM cur WHERE completed_on IS NOT NULL),
            per_day AS (SELECT day, sum(overdue) AS overdue, sum(completed) AS completed FROM deltas GROUP BY day),
            before AS (SELECT COALESCE(sum(overdue), 0) AS overdue, COALESCE(sum(completed), 0) AS completed
                         FROM per_day WHERE day < :from),
            days AS (SELECT CAST(:from AS date) + i AS day FROM generate_series(0, :days) AS i)
            SELECT d.day,
                   before.completed + sum(COALESCE(p.completed, 0)) OVER running,
                   before.overdue + sum(COALESCE(p.overdue, 0)) OVER running,
                   (SELECT count(*) FROM cur)
              FROM days d CROSS JOIN before LEFT JOIN per_day p ON p.day = d.day
            WINDOW running AS (ORDER BY d.day)
             ORDER BY d.day
            """.replace("DAY", DAY);

    private final EntityManager em;

    PlanProgress(EntityManager em) {
        this.em = em;
    }

    /** The board as of the end of {@code asOf}; with a level, only the units of that level. */
    public PlanBoard board(Plan plan, LocalDate asOf, UnitPlace.Level level) {
        return board(plan, asOf, level, PlanDepth.ISSUED);
    }

    /**
     * The board as of the end of {@code asOf} over the shares of {@code depth}; with a level, only the units of that
     * level. {@code depths} counts every level of delegation whatever {@code depth} shows, so the office sees how much
     * was delegated below the shares it issued.
     */
    public PlanBoard board(Plan plan, LocalDate asOf, UnitPlace.Level level, PlanDepth depth) {
        @SuppressWarnings("unchecked")
        List<Object[]> all = em.createNativeQuery(BOARD)
                .setParameter("plan", plan.id).setParameter("zone", plan.timeZone)
                .setParameter("asOf", asOf).setParameter("week", asOf.plusDays(7))
                .getResultList();
        Map<Integer, long[]> perDepth = new java.util.TreeMap<>();
        Map<String, Object[]> merged = new LinkedHashMap<>();
        for (Object[] r : all) {
            int d = ((Number) r[3]).intValue();
            long[] t = perDepth.computeIfAbsent(d, x -> new long[4]);
            t[0] += PlanQueries.n(r[4]);
            t[1] += PlanQueries.n(r[5]);
            t[2] += PlanQueries.n(r[7]);
            t[3] += PlanQueries.n(r[8]);
            if (depth.includes(d)) { // one row per unit and category: the levels shown added up
                merged.merge(r[0] + "\u0000" + r[2], withoutDepth(r), PlanProgress::add);
            }
        }
        Map<String, List<Object[]>> byUnit = new LinkedHashMap<>();
        long unnamed = 0;
        for (Object[] row : merged.values()) {
            if (row[0] == null) {
                unnamed += PlanQueries.n(row[3]);
            } else {
                byUnit.computeIfAbsent((String) row[0], code -> new ArrayList<>()).add(row);
            }
        }
        List<PlanBoard.UnitLine> units = new ArrayList<>();
        byUnit.forEach((code, cells) -> {
            UnitPlace place = UnitPlace.of(code);
            if (level == null || place.level() == level) {
                units.add(unit(code, place, cells));
            }
        });
        List<PlanBoard.DepthLine> depths = perDepth.entrySet().stream()
                .map(e -> new PlanBoard.DepthLine(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
        return new PlanBoard(PlanView.of(plan), asOf, categories(plan.id), units, unnamed, depth.label(), depths);
    }

    /** A board row (unit, name, category, depth, figures…) as (unit, name, category, figures…). */
    private static Object[] withoutDepth(Object[] r) {
        Object[] row = new Object[r.length - 1];
        row[0] = r[0];
        row[1] = r[1];
        row[2] = r[2];
        for (int i = 4; i < r.length; i++) {
            row[i - 1] = PlanQueries.n(r[i]);
        }
        return row;
    }

    private static Object[] add(Object[] a, Object[] b) {
        Object[] sum = a.clone();
        for (int i = 3; i < a.length; i++) {
            sum[i] = PlanQueries.n(a[i]) + PlanQueries.n(b[i]);
        }
        return sum;
    }

    private static PlanBoard.UnitLine unit(String code, UnitPlace place, List<Object[]> rows) {
        List<PlanBoard.Cell> cells = rows.stream().map(r -> new PlanBoard.Cell(((Number) r[2]).intValue(),
                PlanQueries.n(r[3]), PlanQueries.n(r[4]), PlanQueries.n(r[5]), PlanQueries.n(r[6]), PlanQueries.n(r[7]),
                PlanQueries.n(r[8]))).toList();
        return new PlanBoard.UnitLine(code, (String) rows.getFirst()[1], place.level().name(), place.cityCode(),
                cells.stream().mapToLong(PlanBoard.Cell::total).sum(),
                cells.stream().mapToLong(PlanBoard.Cell::completed).sum(),
                cells.stream().mapToLong(PlanBoard.Cell::completedOnTime).sum(),
                cells.stream().mapToLong(PlanBoard.Cell::overdue).sum(),
                cells.stream().mapToLong(PlanBoard.Cell::dueWithin7Days).sum(),
                cells.stream().mapToLong(PlanBoard.Cell::returned).sum(),
                0, cells);
    }

    private List<TaskView.HeadingView> categories(long planId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT category_ordinal, min(category_title) FROM task WHERE plan_id = :plan"
                + " GROUP BY category_ordinal ORDER BY category_ordinal").setParameter("plan", planId).getResultList();
        return rows.stream().map(r -> new TaskView.HeadingView(((Number) r[0]).intValue(), (String) r[1])).toList();
    }

    /** One point per day from {@code from} to {@code to}, both included. */
    public PlanTimeline timeline(Plan plan, LocalDate from, LocalDate to) {
        return timeline(plan, from, to, PlanDepth.ISSUED);
    }

    /** One point per day from {@code from} to {@code to}, both included, over the shares of {@code depth}. */
    public PlanTimeline timeline(Plan plan, LocalDate from, LocalDate to, PlanDepth depth) {
        Query query = depth.bind(em.createNativeQuery(TIMELINE.replace("DEPTH_CONDITION", depth.sql())))
                .setParameter("plan", plan.id).setParameter("zone", plan.timeZone)
                .setParameter("from", from).setParameter("days", (int) ChronoUnit.DAYS.between(from, to));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<PlanTimeline.Point> points = rows.stream().map(r -> {
            long completed = PlanQueries.n(r[1]);
            long overdue = PlanQueries.n(r[2]);
            return new PlanTimeline.Point(toDate(r[0]), completed, overdue, PlanQueries.n(r[3]) - completed - overdue);
        }).toList();
        return new PlanTimeline(from, to, points);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
