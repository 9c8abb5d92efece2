package org.duban.task.score;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * GET and PUT /api/plans/{id}/scoring on the sample plan: defaults until the office sets its own, validation as
 * problems, If-Match like every edit, and the scorecard names the weights it used.
 */
@QuarkusTest
class ScoringSettingsTest {

    @Test
    void theOfficeSetsWeightsThatAreNonNegativeAndAddUpTo100() {
        long plan = SamplePlan.id();
        String path = "/api/plans/" + plan + "/scoring";
        // the defaults, version 0 (whatever an earlier run of this test in the same JVM did, it starts over here)
        String etag = Story.as(TestTokens.viewer()).when().get(path).then().statusCode(200).extract().header("ETag");
        if (!etag.equals("\"0\"")) {
            put(plan, etag, Map.of("weights", weights(40, 30, 15, 15))).statusCode(200);
            etag = Story.as(TestTokens.admin()).when().get(path).then().extract().header("ETag");
        } else {
            Story.as(TestTokens.viewer()).when().get(path).then()
                    .body("defaults", equalTo(true)).body("version", equalTo(0))
                    .body("weights", equalTo(weights(40, 30, 15, 15)))
                    .body("acknowledgeWithinDays", equalTo(3)).body("overdueDaysCap", equalTo(30))
                    .body("reportEveryMonths", equalTo(1)).body("reportScope", equalTo("ALL"))
                    .body("bulletinNumberPrefix", equalTo("皖政务公开办")).body("bulletinIssuer", nullValue());
        }

        problem(put(plan, etag, Map.of("weights", weights(40, 30, 15, 10))), "weights")
                .body("errors[0].message", equalTo("must add up to 100, not 95 (各项权重之和应为100，当前为95)"));
        problem(put(plan, etag, Map.of("weights", weights(50, 60, -5, -5))), "weights.acknowledge");
        problem(put(plan, etag, Map.of("acknowledgeWithinDays", 3)), "weights");
        problem(put(plan, etag, Map.of("weights", weights(40, 30, 15, 15), "reportEveryMonths", 5)), "reportEveryMonths");
        problem(put(plan, etag, Map.of("weights", weights(40, 30, 15, 15), "acknowledgeWithinDays", 0)), "acknowledgeWithinDays");
        problem(put(plan, etag, Map.of("weights", weights(40, 30, 15, 15), "reportScope", "SOME")), "reportScope");
        Story.as(TestTokens.admin()).header("If-Match", etag).body("{\"weights\": {\"completion\": \"forty\"}}").when().put(path)
                .then().statusCode(400).contentType("application/problem+json");
        Story.as(TestTokens.admin()).body(Map.of("weights", weights(50, 30, 10, 10))).when().put(path).then().statusCode(428);

        String next = put(plan, etag, Map.of("weights", weights(50, 30, 10, 10), "acknowledgeWithinDays", 5,
                "bulletinIssuer", "安徽省人民政府办公厅")).statusCode(200)
                .body("defaults", equalTo(false)).body("weights", equalTo(weights(50, 30, 10, 10)))
                .body("acknowledgeWithinDays", equalTo(5)).body("overdueDaysCap", equalTo(30))
                .body("bulletinIssuer", equalTo("安徽省人民政府办公厅")).body("updatedBy", equalTo("office"))
                .extract().header("ETag");
        put(plan, etag, Map.of("weights", weights(40, 30, 15, 15))).statusCode(412);
        // the same again changes nothing
        put(plan, next, Map.of("weights", weights(50, 30, 10, 10), "acknowledgeWithinDays", 5,
                "bulletinIssuer", "安徽省人民政府办公厅")).statusCode(200).header("ETag", equalTo(next));

        Story.as(TestTokens.viewer()).queryParam("level", "CITY").when().get("/api/plans/" + plan + "/scorecard").then().statusCode(200)
                .body("weights", equalTo(weights(50, 30, 10, 10))).body("rules.acknowledgeWithinDays", equalTo(5))
                .body("scoringVersion", equalTo(Integer.parseInt(next.replace("\"", "")))).body("ranked", equalTo(16));

        // back to the defaults' values for whoever reads the sample next
        put(plan, next, Map.of("weights", weights(40, 30, 15, 15))).statusCode(200).body("bulletinIssuer", nullValue());
    }

    @Test
    void onlyTheOfficeSetsThemTheOfficeViewersAndIntegratorsReadThem() {
        long plan = SamplePlan.id();
        String path = "/api/plans/" + plan + "/scoring";
        for (String token : List.of(TestTokens.admin(), TestTokens.viewer(), TestTokens.integrator())) {
            Story.as(token).when().get(path).then().statusCode(200);
        }
        Story.as(TestTokens.unit("gov-340100")).when().get(path).then().statusCode(403).contentType("application/problem+json");
        for (String token : List.of(TestTokens.viewer(), TestTokens.integrator(), TestTokens.unit("gov-340100"))) {
            Story.as(token).header("If-Match", "\"0\"").body(Map.of("weights", weights(40, 30, 15, 15))).when().put(path)
                    .then().statusCode(403);
        }
        given().when().get(path).then().statusCode(401);
        Story.as(TestTokens.viewer()).when().get("/api/plans/999999/scoring").then().statusCode(404);
    }

    private static ValidatableResponse put(long plan, String etag, Map<String, Object> body) {
        return Story.as(TestTokens.admin()).header("If-Match", etag).body(body).when().put("/api/plans/" + plan + "/scoring").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static Map<String, Integer> weights(int completion, int overdue, int acknowledge, int reports) {
        return Map.of("completion", completion, "overdue", overdue, "acknowledge", acknowledge, "reports", reports);
    }
}
