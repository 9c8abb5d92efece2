package org.duban.task.score;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Who reads scores, bulletins and annual-report sections, with real signed tokens, and bad parameters as problems.
 * A unit sees its own line of the scorecard (its rank among the others and the findings that explain its score)
 * and its own annual-report section; the bulletin, which names every unit, is the office's (and viewers',
 * integrators').
 */
@QuarkusTest
class ScoreAccessTest {

    private static final String NOBODY = TestTokens.token("nobody", List.of("default-roles-duban"), null);

    @Test
    void theScorecard() {
        String path = path("scorecard");
        for (String token : List.of(TestTokens.admin(), TestTokens.viewer(), TestTokens.integrator())) {
            Story.as(token).when().get(path).then().statusCode(200).body("units", hasSize(5));
        }
        Story.as(TestTokens.unit(SmallPlan.HEFEI)).when().get(path).then().statusCode(200)
                .body("units.unitCode", equalTo(List.of(SmallPlan.HEFEI))).body("ranked", equalTo(5))
                .body("units[0].findings", org.hamcrest.Matchers.notNullValue());
        Story.as(TestTokens.unit("gov-340400")).when().get(path).then().statusCode(200)
                .body("units", hasSize(0)).body("ranked", equalTo(5));
        Story.as(TestTokens.unit(SmallPlan.HEFEI)).queryParam("unit", SmallPlan.WUHU).when().get(path).then().statusCode(403)
                .contentType("application/problem+json");
        refusedWithoutAToken(path);
    }

    @Test
    void theBulletin() {
        String path = path("bulletin");
        for (String token : List.of(TestTokens.admin(), TestTokens.viewer(), TestTokens.integrator())) {
            Story.as(token).queryParam("asOf", "2022-11-30").when().get(path).then().statusCode(200)
                    .contentType(BulletinTest.DOCX).header("Content-Disposition", containsString("bulletin-2022-11-30.docx"));
        }
        Story.as(TestTokens.unit(SmallPlan.HEFEI)).when().get(path).then().statusCode(403).contentType("application/problem+json");
        refusedWithoutAToken(path);
    }

    @Test
    void theAnnualReportSection() {
        String path = path("annual-report");
        for (String token : List.of(TestTokens.admin(), TestTokens.viewer(), TestTokens.integrator())) {
            Story.as(token).queryParam("format", "md").when().get(path).then().statusCode(200)
                    .body(containsString("明确重点工作任务4项"));
            Story.as(token).queryParam("format", "md").queryParam("unit", SmallPlan.WUHU).when().get(path).then().statusCode(200)
                    .body(containsString("本单位承担重点工作任务3项"));
        }
        Story.as(TestTokens.unit(SmallPlan.FEIXI)).queryParam("format", "md").when().get(path).then().statusCode(200)
                .body(containsString("本单位承担重点工作任务1项"))
                .header("Content-Disposition", containsString("annual-report-2022-gov-340123.md"));
        Story.as(TestTokens.unit(SmallPlan.FEIXI)).queryParam("unit", SmallPlan.FEIXI).when().get(path).then().statusCode(200);
        Story.as(TestTokens.unit(SmallPlan.FEIXI)).queryParam("unit", SmallPlan.HEFEI).when().get(path).then().statusCode(403)
                .contentType("application/problem+json");
        refusedWithoutAToken(path);
    }

    @Test
    void badParametersAreProblems() {
        bad("scorecard", Map.of("asOf", "2022-13-01"), "asOf");
        bad("scorecard", Map.of("asOf", "2099-01-01"), "asOf");
        bad("scorecard", Map.of("level", "TOWN"), "level");
        bad("scorecard", Map.of("category", "0"), "category");
        bad("scorecard", Map.of("category", "二"), "category");
        bad("scorecard", Map.of("category", "9"), "category");
        bad("scorecard", Map.of("unit", " "), "unit");
        bad("bulletin", Map.of("format", "pdf"), "format");
        bad("bulletin", Map.of("number", "-1"), "number");
        bad("bulletin", Map.of("asOf", "yesterday"), "asOf");
        bad("annual-report", Map.of("format", "pdf"), "format");
        bad("annual-report", Map.of("year", "1999"), "year");
        bad("annual-report", Map.of("year", "2099"), "year");
        bad("annual-report", Map.of("year", "twenty"), "year");
        for (String what : List.of("scorecard", "bulletin", "annual-report", "scoring")) {
            Story.as(TestTokens.admin()).when().get("/api/plans/999999/" + what).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    private static void bad(String what, Map<String, String> params, String field) {
        Story.as(TestTokens.admin()).queryParams(params).when().get(path(what)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    private static void refusedWithoutAToken(String path) {
        given().when().get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.forged()).when().get(path).then().statusCode(401);
        as(NOBODY).when().get(path).then().statusCode(403);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String path(String what) {
        return "/api/plans/" + SmallPlan.id() + "/" + what;
    }
}
