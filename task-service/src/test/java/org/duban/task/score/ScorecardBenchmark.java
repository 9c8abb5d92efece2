package org.duban.task.score;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scorecard of a plan with 100,000 assignments (1,000 tasks × 100 units: 16 cities, 64 counties, 20
 * departments) and about 370,000 history entries — sign-for, starts, three progress reports, submissions and
 * completions, due-date moves — written straight into the database, then asked for through the REST API as of the
 * year's end: a warm-up, then repeated calls timed from request to answer (p50, p99). Skipped unless
 * {@code -Dduban.bench=scorecard}:
 * <pre>
 * ./mvnw -B -o -pl task-service test -Dtest=ScorecardBenchmark -Dduban.bench=scorecard -Dduban.console.skip=true
 * </pre>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "duban.bench", matches = "scorecard")
class ScorecardBenchmark {

    static final int WARM_UP = Integer.getInteger("duban.bench.warmup", 5);
    static final int RUNS = Integer.getInteger("duban.bench.runs", 40);

    @Inject
    EntityManager em;

    @Test
    void aScorecardOf100000AssignmentsTakesLessThanASecond() {
        long plan = QuarkusTransaction.requiringNew().timeout(600).call(this::write);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("ANALYZE assignment").executeUpdate();
            em.createNativeQuery("ANALYZE assignment_history").executeUpdate();
            em.createNativeQuery("ANALYZE task").executeUpdate();
        });
        long history = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM assignment_history x JOIN assignment a ON a.id = x.assignment_id WHERE a.plan_id = :plan")
                .setParameter("plan", plan).getSingleResult())).longValue();

        JsonPath first = call(plan, "").jsonPath();
        assertEquals(100, first.getList("units").size());
        assertEquals(100_000, first.getList("units.assignments", Integer.class).stream().mapToInt(Integer::intValue).sum());

        for (String query : List.of("", "&level=CITY", "&category=3")) {
            for (int i = 0; i < WARM_UP; i++) {
                call(plan, query);
            }
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                call(plan, query);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(millis);
            long p50 = millis.get(millis.size() / 2);
            long p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
            System.out.printf("SCORECARD BENCH plan of 100000 assignments, %d history entries, query '%s': %d runs after %d warm-up: "
                    + "p50 %d ms, p99 %d ms, min %d ms, max %d ms%n", history, query, RUNS, WARM_UP, p50, p99, millis.getFirst(),
                    millis.getLast());
            if (query.isEmpty()) {
                assertTrue(p50 < 1000, "p50 " + p50 + " ms");
            }
        }
    }

    private static Response call(long plan, String query) {
        return Story.as(TestTokens.viewer()).when().get("/api/plans/" + plan + "/scorecard?asOf=2022-12-31" + query)
                .then().statusCode(200).extract().response();
    }

    /** The plan, its tasks, 100,000 assignments and their history, in a few statements. */
    private long write() {
        long plan = ((Number) em.createNativeQuery("""
                INSERT INTO plan (title, document_number, issuer, issued_on, year, time_zone, created_at, created_by)
                VALUES ('安徽省2022年考核基准重点工作任务分工', '皖政务办〔2022〕99号', '安徽省政务公开办公室', DATE '2022-06-06', 2022,
                        'Asia/Shanghai', now(), 'bench') RETURNING id""").getSingleResult()).longValue();
        em.createNativeQuery("""
                INSERT INTO task (plan_id, number, category_ordinal, category_title, requirement, responsibility_text,
                                  deadline_kind, due_date, deadline_text, deadline_review_needed)
                SELECT :plan, n, 1 + n % 6, '第' || (1 + n % 6) || '类任务', '基准任务' || n, '各市、县（市、区）政府负责落实',
                       CASE WHEN n % 3 = 0 THEN 'ONGOING' ELSE 'FIXED' END,
                       CASE WHEN n % 3 = 0 THEN NULL ELSE DATE '2022-06-30' + (n % 7) * 30 END,
                       CASE WHEN n % 3 = 0 THEN '持续推进' ELSE '年内' END, false
                  FROM generate_series(1, 1000) AS n""").setParameter("plan", plan).executeUpdate();
        em.createNativeQuery("""
                WITH u AS (
                    SELECT u, CASE WHEN u <= 16 THEN 'gov-34' || lpad(u::text, 2, '0') || '00'
                                   WHEN u <= 80 THEN 'gov-34' || lpad((1 + u % 16)::text, 2, '0') || lpad(u::text, 2, '0')
                                   ELSE 'ah-bench-' || u END AS code
                      FROM generate_series(1, 100) AS u)
                INSERT INTO assignment (id, task_id, plan_id, task_number, unit_code, unit_name, role, due_date, status,
                                        review_needed, created_at, created_by, updated_at, version, acknowledged_at)
                SELECT 900000000 + t.number * 100 + u.u, t.id, t.plan_id, t.number, u.code, '基准单位' || u.u, 'RESPONSIBLE',
                       t.due_date,
                       CASE WHEN (t.number * 7 + u.u) % 10 < 4 THEN 'COMPLETED' WHEN (t.number * 7 + u.u) % 10 < 7 THEN 'IN_PROGRESS'
                            ELSE 'NOT_STARTED' END,
                       false, TIMESTAMPTZ '2022-06-06 09:00+08', 'bench', now(), 0,
                       CASE WHEN (t.number + u.u) % 5 <> 0
                            THEN TIMESTAMPTZ '2022-06-06 09:00+08' + ((t.number + u.u) % 10) * INTERVAL '1 day' END
                  FROM task t CROSS JOIN u WHERE t.plan_id = :plan""").setParameter("plan", plan).executeUpdate();
        em.createNativeQuery("""
                WITH a AS (SELECT id, due_date, (task_number * 7 + id % 100) % 10 AS h FROM assignment WHERE plan_id = :plan)
                INSERT INTO assignment_history (assignment_id, kind, at, by_user, from_status, to_status, from_date, to_date, percent, note)
                SELECT id, 'STATUS_CHANGED', TIMESTAMPTZ '2022-06-20 10:00+08' + (id % 5) * INTERVAL '1 day', 'bench',
                       'NOT_STARTED', 'IN_PROGRESS', NULL::date, NULL::date, NULL::int, NULL::text FROM a WHERE h < 7
                UNION ALL
                SELECT id, 'PROGRESS_REPORTED', TIMESTAMPTZ '2022-07-05 10:00+08' + m * INTERVAL '2 months' + (id % 20) * INTERVAL '1 day',
                       'bench', NULL, NULL, NULL, NULL, 30 * (m + 1), '已按计划推进' FROM a CROSS JOIN generate_series(0, 2) AS m WHERE h < 7
                UNION ALL
                SELECT id, 'STATUS_CHANGED', TIMESTAMPTZ '2022-09-01 10:00+08' + (id % 120) * INTERVAL '1 day', 'bench',
                       'IN_PROGRESS', 'SUBMITTED', NULL, NULL, NULL, NULL FROM a WHERE h < 4
                UNION ALL
                SELECT id, 'STATUS_CHANGED', TIMESTAMPTZ '2022-09-03 10:00+08' + (id % 120) * INTERVAL '1 day', 'office',
                       'SUBMITTED', 'COMPLETED', NULL, NULL, NULL, NULL FROM a WHERE h < 4
                UNION ALL
                SELECT id, 'DUE_DATE_CHANGED', TIMESTAMPTZ '2022-08-01 10:00+08', 'office', NULL, NULL, due_date, due_date + 30,
                       NULL, '同意延期' FROM a WHERE id % 20 = 0 AND due_date IS NOT NULL
                """).setParameter("plan", plan).executeUpdate();
        return plan;
    }
}
