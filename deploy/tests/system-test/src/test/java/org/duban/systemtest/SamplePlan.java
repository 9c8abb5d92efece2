package org.duban.systemtest;

import io.restassured.path.json.JsonPath;
import org.duban.testsupport.SamplePlans;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample plan (皖政务办〔2022〕3号, 44 tasks), imported once through the gateway by the office; the
 * story looks at the import's answer, the fault tests only need the plan to be there.
 */
final class SamplePlan {

    private static JsonPath imported;
    private static long id;

    private SamplePlan() {
    }

    /** The answer of {@code POST /api/plans/import}. */
    static synchronized JsonPath importAnswer() {
        if (imported == null) {
            imported = Gateway.as(Users.office()).contentType("text/plain; charset=UTF-8").body(SamplePlans.anhui2022())
                    .when().post("/api/plans/import")
                    .then().statusCode(201).extract().jsonPath();
            id = imported.getLong("plan.id");
        }
        return imported;
    }

    static synchronized long id() {
        importAnswer();
        return id;
    }

    /** unit code → assignment id in one task. */
    static Map<String, Long> task(int number) {
        return taskOf(id(), number);
    }

    /** unit code → assignment id in one task of a plan imported otherwise (the console's story imports its own). */
    static Map<String, Long> taskOf(long planId, int number) {
        Map<String, Long> ids = new HashMap<>();
        List<Map<String, Object>> items = Gateway.all(Users.office(), "/api/assignments",
                Map.of("planId", planId, "taskNumber", number));
        for (Map<String, Object> item : items) {
            if (item.get("unitCode") != null) {
                ids.put((String) item.get("unitCode"), Gateway.id(item));
            }
        }
        return ids;
    }
}
