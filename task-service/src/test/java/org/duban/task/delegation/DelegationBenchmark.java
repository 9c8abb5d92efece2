package org.duban.task.delegation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * Not a test but a measurement, run on purpose: {@code ./mvnw -B -pl task-service -am test -Dtest=DelegationBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dduban.bench=delegation}. The sample plan (5,038 assignments) gets 100,000
 * delegated assignments below it, written in SQL: 16 children under every named share (depth 1) and one grandchild under
 * each of the first children (depth 2), their parents' counts set. Then the board (depth 0, the default, and all levels)
 * and unit task lists are requested through REST Assured against the test's task-service, warm-up first; the
 * percentiles are printed as a Markdown table (docs/benchmarks.md, "Delegation").
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "duban.bench", matches = "delegation")
class DelegationBenchmark {

    static final int DELEGATED = Integer.getInteger("duban.bench.delegated", 100_000);
    static final int BOARD_RUNS = Integer.getInteger("duban.bench.board-runs", 30);
    static final int LIST_RUNS = Integer.getInteger("duban.bench.list-runs", 200);

    @Inject
    EntityManager em;

    @Test
    void boardAndUnitListsWith100000DelegatedAssignments() {
        long plan = SamplePlan.id();
        long roots = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM assignment WHERE plan_id = ?1 AND NOT superseded AND unit_code IS NOT NULL AND depth = 0")
                .setParameter(1, plan).getSingleResult()).longValue());
        int perRoot = 16;
        long firstLevel = roots * perRoot;
        long secondLevel = DELEGATED - firstLevel;
        long started = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            em.createNativeQuery("""
                    INSERT INTO assignment (id, task_id, plan_id, task_number, unit_code, unit_name, role, due_date, status,
                        review_needed, superseded, created_at, created_by, updated_at, version, parent_id, delegated_by, depth,
                        supervisors, child_count, children_completed)
                    SELECT nextval('assignment_id_seq'), r.task_id, r.plan_id, r.task_number, 'bench-' || r.id || '-' || n,
                           r.unit_name || '下属单位' || n, 'RESPONSIBLE', r.due_date,
                           CASE WHEN n % 4 = 0 THEN 'COMPLETED' WHEN n % 4 = 1 THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END,
                           false, false, now(), 'bench', now(), 0, r.id, r.unit_code, 1, '|' || r.unit_code || '|', 0, 0
                      FROM assignment r CROSS JOIN generate_series(1, ?2) n
                     WHERE r.plan_id = ?1 AND NOT r.superseded AND r.unit_code IS NOT NULL AND r.depth = 0""")
                    .setParameter(1, plan).setParameter(2, perRoot).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO assignment (id, task_id, plan_id, task_number, unit_code, unit_name, role, due_date, status,
                        review_needed, superseded, created_at, created_by, updated_at, version, parent_id, delegated_by, depth,
                        supervisors, child_count, children_completed)
                    SELECT nextval('assignment_id_seq'), c.task_id, c.plan_id, c.task_number, c.unit_code || '-x', c.unit_name || '科室',
                           'RESPONSIBLE', c.due_date, 'NOT_STARTED', false, false, now(), 'bench', now(), 0, c.id, c.unit_code, 2,
                           c.supervisors || c.unit_code || '|', 0, 0
                      FROM (SELECT * FROM assignment WHERE plan_id = ?1 AND depth = 1 AND created_by = 'bench'
                             ORDER BY id LIMIT ?2) c""")
                    .setParameter(1, plan).setParameter(2, Math.max(0, secondLevel)).executeUpdate();
            em.createNativeQuery("""
                    UPDATE assignment p SET child_count = c.n, children_completed = c.done
                      FROM (SELECT parent_id, count(*) AS n, count(*) FILTER (WHERE status = 'COMPLETED') AS done
                              FROM assignment WHERE parent_id IS NOT NULL AND plan_id = ?1 GROUP BY parent_id) c
                     WHERE p.id = c.parent_id""").setParameter(1, plan).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE assignment").executeUpdate());
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        long total = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM assignment WHERE plan_id = ?1 AND NOT superseded").setParameter(1, plan).getSingleResult()).longValue());

        // tokens are made for each request (outside the timing): a run outlasts a token's lifetime
        Supplier<String> office = TestTokens::admin;
        Supplier<String> hefei = () -> TestTokens.unit(Delegations.HEFEI);
        Supplier<String> feixi = () -> TestTokens.unit(Delegations.FEIXI);
        List<String> rows = new ArrayList<>();
        rows.add(measure("board, depth 0 (default)", BOARD_RUNS, () -> given().auth().oauth2(office.get())
                .queryParam("asOf", "2022-12-01"), "/api/plans/" + plan + "/board"));
        rows.add(measure("board, depth=all", BOARD_RUNS, () -> given().auth().oauth2(office.get())
                .queryParam("asOf", "2022-12-01").queryParam("depth", "all"), "/api/plans/" + plan + "/board"));
        rows.add(measure("合肥市's task list (its own shares, first page of 50)", LIST_RUNS, () -> given().auth().oauth2(hefei.get())
                .queryParam("planId", plan).queryParam("size", 50), "/api/assignments"));
        rows.add(measure("合肥市's supervised list (supervisedBy=gov-340100, page 1 of 50)", LIST_RUNS, () -> given().auth().oauth2(hefei.get())
                .queryParam("planId", plan).queryParam("supervisedBy", "gov-340100").queryParam("size", 50), "/api/assignments"));
        rows.add(measure("肥西县's task list (own shares)", LIST_RUNS, () -> given().auth().oauth2(feixi.get())
                .queryParam("planId", plan).queryParam("size", 50), "/api/assignments"));
        rows.add(measure("the office's list, depth=1, overdue=true", LIST_RUNS, () -> given().auth().oauth2(office.get())
                .queryParam("planId", plan).queryParam("depth", 1).queryParam("overdue", true).queryParam("size", 50), "/api/assignments"));

        StringBuilder out = new StringBuilder("\n| request (%d assignments, %d of them delegated; written in %.1f s) | runs | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n"
                .formatted(total, total - roots, writeSeconds));
        rows.forEach(r -> out.append(r).append('\n'));
        System.out.println(out);
    }

    private static String measure(String name, int runs, Supplier<RequestSpecification> request, String path) {
        for (int i = 0; i < Math.max(3, runs / 10); i++) {
            request.get().when().get(path).then().statusCode(200);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            RequestSpecification spec = request.get();
            long t = System.nanoTime();
            spec.when().get(path).then().statusCode(200);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return "| %s | %d | %.1f | %.1f | %.1f |".formatted(name, runs, ms[runs / 2],
                ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)], ms[runs - 1]);
    }
}
