package org.duban.task.plan;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervision board and the timeline on a small plan whose dates are set around today, with an
 * assignment in every colour state: overdue, due within 7 days (the 7th day included), returned by the
 * office, completed on time and late, one whose extension moved its due date, and a vague group.
 */
@QuarkusTest
class PlanBoardTest {

    private static final String HEFEI = "gov-340100";
    private static final String WUHU = "gov-340200";
    private static final String FEIXI = "gov-340123";
    private static final String FGW = "ah-fgw";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static Long planId;

    /** Imports the plan and plays the story once (the tests only read). */
    private static synchronized long plan() {
        if (planId != null) {
            return planId;
        }
        LocalDate issued = TODAY.minusDays(60);
        String plan = """
                安徽省人民政府办公厅

                皖政务办〔%1$d〕95号

                安徽省政务公开办公室关于印发安徽省%1$d年督办看板样例任务分工的通知

                各市、县人民政府办公室（政务公开办公室），省有关单位办公室：

                现将《安徽省%1$d年督办看板样例任务分工》印发给你们，请认真抓好落实。

                安徽省政务公开办公室

                %2$s

                安徽省%1$d年督办看板样例任务分工

                工作任务\t\t具体要求\t责任单位\t时限要求\t
                一、加强经济领域信息公开，全力营造平稳健康的经济环境。\t(一)加强经济发展的信息公开。\t1\t集中公开推动经济发展相关政策举措。\t合肥市政府、芜湖市政府负责落实\t%3$s前
                \t\t2\t切实做好稳经济大盘一揽子政策举措公开工作。\t合肥市政府、肥西县政府负责落实\t%4$s前
                二、加强社会领域信息公开，切实保障和改善民生。\t(一)加强就业信息公开。\t3\t做好稳就业政策的公开和解读。\t合肥市政府、省发展改革委负责落实\t%5$s前
                \t\t4\t及时发布招聘信息。\t合肥市政府、芜湖市政府负责落实\t%6$s前
                \t\t5\t加强就业服务信息公开。\t省有关单位负责落实\t持续推进
                \t\t6\t做好技能培训信息公开。\t芜湖市政府负责落实\t%7$s前
                """.formatted(issued.getYear(), chinese(issued), chinese(TODAY.minusDays(3)), chinese(TODAY.plusDays(3)),
                chinese(TODAY.plusDays(10)), chinese(TODAY.plusDays(7)), chinese(TODAY.minusDays(5)));
        long id = as(TestTokens.admin()).contentType("text/plain; charset=UTF-8").body(plan.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/plans/import").then().statusCode(201).extract().jsonPath().getLong("plan.id");
        planId = id;

        String office = TestTokens.admin();
        // Wuhu finishes task 1 three days late
        work(assignment(1, WUHU), WUHU, "IN_PROGRESS", "SUBMITTED");
        move(assignment(1, WUHU), office, "COMPLETED");
        // Feixi submits task 2 and the office sends it back
        work(assignment(2, FEIXI), FEIXI, "IN_PROGRESS", "SUBMITTED");
        move(assignment(2, FEIXI), office, "IN_PROGRESS");
        // Hefei finishes task 3 ten days early
        work(assignment(3, HEFEI), HEFEI, "IN_PROGRESS", "SUBMITTED");
        move(assignment(3, HEFEI), office, "COMPLETED");
        // Wuhu has started task 4
        work(assignment(4, WUHU), WUHU, "IN_PROGRESS");
        // Wuhu's task 6, five days overdue, gets twenty more days
        long request = as(TestTokens.unit(WUHU)).body(Map.of("until", TODAY.plusDays(20).toString(), "reason", "需协调多个部门"))
                .when().post("/api/assignments/" + assignment(6, WUHU) + "/extension-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as(office).body(Map.of("approved", true, "note", "同意延期")).when().post("/api/extension-requests/" + request + "/decision")
                .then().statusCode(200);
        return id;
    }

    @Test
    void eachUnitsFiguresOverallAndPerCategoryAsOfToday() {
        JsonPath board = board(Map.of()).extract().jsonPath();
        assertEquals(TODAY.toString(), board.getString("asOf"));
        assertEquals(List.of(1, 2), board.getList("categories.ordinal"));
        assertEquals(List.of(FGW, HEFEI, FEIXI, WUHU), board.getList("units.unitCode"));
        assertEquals(1, board.getInt("unnamed"), "the vague group of task 5 waits for units");

        // Hefei: task 1 overdue, tasks 2 and 4 due within 7 days (the 7th day included), task 3 done on time
        assertEquals(List.of(4, 1, 1, 1, 2, 0, 0), figures(board, HEFEI));
        assertEquals(List.of(2, 0, 0, 1, 1, 0), cell(board, HEFEI, 1));
        assertEquals(List.of(2, 1, 1, 0, 1, 0), cell(board, HEFEI, 2));
        assertEquals("合肥市人民政府", unit(board, HEFEI).get("unitName"));
        assertEquals("CITY", unit(board, HEFEI).get("level"));
        // Wuhu: task 1 completed late, task 4 due within 7 days, task 6 extended out of trouble
        assertEquals(List.of(3, 1, 0, 0, 1, 0, 0), figures(board, WUHU));
        // Feixi: task 2 returned (and due within 7 days)
        assertEquals(List.of(1, 0, 0, 0, 1, 1, 0), figures(board, FEIXI));
        assertEquals(HEFEI, unit(board, FEIXI).get("cityCode"));
        assertEquals(List.of(1, 0, 0, 0, 0, 0, 0), figures(board, FGW));
        assertEquals(null, unit(board, FGW).get("cityCode"));
    }

    @Test
    void aDayInThePastShowsWhatWasTrueThen() {
        JsonPath board = board(Map.of("asOf", TODAY.minusDays(1).toString())).extract().jsonPath();
        // yesterday nothing had been done yet, and Wuhu's task 6 was still due five days ago
        assertEquals(List.of(4, 0, 0, 1, 1, 0, 0), figures(board, HEFEI));
        assertEquals(List.of(3, 0, 0, 2, 0, 0, 0), figures(board, WUHU));
        assertEquals(List.of(1, 0, 0, 0, 1, 0, 0), figures(board, FEIXI));
    }

    @Test
    void theLevelKeepsTheUnitsOfOneLevel() {
        board(Map.of("level", "CITY")).body("units.unitCode", equalTo(List.of(HEFEI, WUHU)));
        board(Map.of("level", "COUNTY")).body("units.unitCode", equalTo(List.of(FEIXI)))
                .body("units[0].cityCode", equalTo(HEFEI)).body("units[0].level", equalTo("COUNTY"));
        board(Map.of("level", "PROVINCE")).body("units.unitCode", equalTo(List.of(FGW)));
    }

    @Test
    void theTimelineCountsEachDayAsItEnded() {
        JsonPath timeline = timeline(Map.of("from", TODAY.minusDays(4).toString(), "to", TODAY.toString()))
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(TODAY.minusDays(4).toString(), TODAY.minusDays(3).toString(), TODAY.minusDays(2).toString(),
                TODAY.minusDays(1).toString(), TODAY.toString()), timeline.getList("points.date"));
        // overdue: Wuhu's task 6 from its first due date; task 1 (Hefei, Wuhu) from the day after its; today Wuhu's
        // task 1 is done and task 6 extended, Hefei's task 3 done
        assertEquals(List.of(0, 0, 0, 0, 2), timeline.getList("points.completed"));
        assertEquals(List.of(1, 1, 3, 3, 1), timeline.getList("points.overdue"));
        assertEquals(List.of(9, 9, 7, 7, 7), timeline.getList("points.open"));

        // the board of a day adds up to that day's point (with the unnamed group)
        for (int back = 0; back <= 1; back++) {
            LocalDate day = TODAY.minusDays(back);
            JsonPath board = board(Map.of("asOf", day.toString())).extract().jsonPath();
            int point = 4 - back;
            assertEquals(timeline.getInt("points[" + point + "].completed"), sum(board, "completed"));
            assertEquals(timeline.getInt("points[" + point + "].overdue"), sum(board, "overdue"));
            assertEquals(timeline.getInt("points[" + point + "].completed") + timeline.getInt("points[" + point + "].overdue")
                    + timeline.getInt("points[" + point + "].open"), sum(board, "total") + board.getInt("unnamed"));
        }

        // default: from the issue date to today
        timeline(Map.of()).statusCode(200)
                .body("from", equalTo(TODAY.minusDays(60).toString())).body("to", equalTo(TODAY.toString()))
                .body("points.size()", equalTo(61));
    }

    @Test
    void theSamplePlansBoardAgreesWithItsSummary() {
        long sample = SamplePlan.id();
        JsonPath summary = as(TestTokens.viewer()).when().get("/api/plans/" + sample + "/summary").then().statusCode(200)
                .extract().jsonPath();
        JsonPath board = as(TestTokens.viewer()).when().get("/api/plans/" + sample + "/board").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(6, board.getList("categories").size());
        assertEquals(summary.getList("units.findAll { it.unitCode != null }.unitCode"), board.getList("units.unitCode"));
        assertEquals(16, board.getList("units.findAll { it.level == 'CITY' }").size(), "the 16 cities");
        int named = summary.getList("units.findAll { it.unitCode != null }.total", Integer.class).stream().mapToInt(i -> i).sum();
        assertEquals(named, sum(board, "total"));
        assertEquals(summary.getInt("units.find { it.unitCode == null }.total"), board.getInt("unnamed"));
        assertEquals(summary.getInt("units.find { it.unitCode == 'gov-340100' }.overdue"), unit(board, HEFEI).get("overdue"));
        assertEquals(summary.getInt("units.find { it.unitCode == 'gov-340100' }.completed"), unit(board, HEFEI).get("completed"));

        // the longest timeline, over the plan's year: every day adds up to all of its assignments
        JsonPath timeline = as(TestTokens.viewer()).queryParam("from", "2022-06-06").queryParam("to", "2023-07-10")
                .when().get("/api/plans/" + sample + "/timeline").then().statusCode(200).extract().jsonPath();
        assertEquals(400, timeline.getList("points").size());
        int all = sum(board, "total") + board.getInt("unnamed");
        for (int i : List.of(0, 207, 399)) {
            String point = "points[" + i + "].";
            assertEquals(all, timeline.getInt(point + "completed") + timeline.getInt(point + "overdue") + timeline.getInt(point + "open"));
        }
        assertEquals(0, timeline.getInt("points[0].overdue"), "nothing is overdue on the day the plan was issued");
        int overdueNow = summary.getList("units.overdue", Integer.class).stream().mapToInt(i -> i).sum();
        assertTrue(overdueNow > 0 && timeline.getInt("points[399].overdue") >= overdueNow,
                "a year on every fixed deadline had passed, and what is done now (in these tests: today) was not done then");
    }

    @Test
    void badParametersAreProblems() {
        board(Map.of("asOf", "2022-13-01"), 400).body("errors[0].field", equalTo("asOf"));
        board(Map.of("level", "TOWN"), 400).body("errors[0].field", equalTo("level"));
        timeline(Map.of("from", "yesterday")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        timeline(Map.of("from", TODAY.minusDays(400).toString(), "to", TODAY.toString())).statusCode(400)
                .body("errors[0].field", equalTo("to"));
        timeline(Map.of("from", TODAY.minusDays(399).toString(), "to", TODAY.toString())).statusCode(200)
                .body("points.size()", equalTo(400));
        timeline(Map.of("from", TODAY.toString(), "to", TODAY.minusDays(1).toString())).statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(TestTokens.viewer()).when().get("/api/plans/999999/board").then().statusCode(404);
    }

    @Test
    void theOfficeViewersAndIntegratorsReadTheBoardUnitsDoNot() {
        long id = plan();
        for (String token : List.of(TestTokens.admin(), TestTokens.viewer(), TestTokens.integrator())) {
            as(token).when().get("/api/plans/" + id + "/board").then().statusCode(200);
            as(token).when().get("/api/plans/" + id + "/timeline").then().statusCode(200);
        }
        as(TestTokens.unit(HEFEI)).when().get("/api/plans/" + id + "/board").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.unit(HEFEI)).when().get("/api/plans/" + id + "/timeline").then().statusCode(403);
        given().when().get("/api/plans/" + id + "/board").then().statusCode(401);
    }

    /** total, completed, completedOnTime, overdue, dueWithin7Days, returned, acknowledged of a unit. */
    private static List<Integer> figures(JsonPath board, String unit) {
        Map<String, Object> u = unit(board, unit);
        return List.of("total", "completed", "completedOnTime", "overdue", "dueWithin7Days", "returned", "acknowledged")
                .stream().map(k -> (Integer) u.get(k)).toList();
    }

    private static List<Integer> cell(JsonPath board, String unit, int category) {
        Map<String, Object> c = board.getMap("units.find { it.unitCode == '" + unit + "' }.cells.find { it.categoryOrdinal == "
                + category + " }");
        return List.of("total", "completed", "completedOnTime", "overdue", "dueWithin7Days", "returned")
                .stream().map(k -> (Integer) c.get(k)).toList();
    }

    private static Map<String, Object> unit(JsonPath board, String unit) {
        return board.getMap("units.find { it.unitCode == '" + unit + "' }");
    }

    private static int sum(JsonPath board, String figure) {
        return board.getList("units." + figure, Integer.class).stream().mapToInt(Integer::intValue).sum();
    }

    private static io.restassured.response.ValidatableResponse board(Map<String, String> params) {
        return board(params, 200);
    }

    private static io.restassured.response.ValidatableResponse board(Map<String, String> params, int status) {
        long id = plan();
        return as(TestTokens.viewer()).queryParams(params).when().get("/api/plans/" + id + "/board").then().statusCode(status);
    }

    private static io.restassured.response.ValidatableResponse timeline(Map<String, String> params) {
        long id = plan();
        return as(TestTokens.viewer()).queryParams(params).when().get("/api/plans/" + id + "/timeline").then();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static long assignment(int task, String unit) {
        return as(TestTokens.admin()).queryParam("planId", planId).queryParam("taskNumber", task).queryParam("unit", unit)
                .when().get("/api/assignments").then().statusCode(200).body("total", equalTo(1))
                .extract().jsonPath().getLong("items[0].id");
    }

    /** The unit's own moves, one after the other. */
    private static void work(long id, String unit, String... statuses) {
        for (String status : statuses) {
            move(id, TestTokens.unit(unit), status);
        }
    }

    private static void move(long id, String token, String to) {
        String etag = as(token).when().get("/api/assignments/" + id).then().statusCode(200).extract().header("ETag");
        as(token).header("If-Match", etag).body(Map.of("to", to, "note", "看板测试"))
                .when().post("/api/assignments/" + id + "/transitions").then().statusCode(200).body("status", equalTo(to));
    }

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
