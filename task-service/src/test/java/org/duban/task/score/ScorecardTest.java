package org.duban.task.score;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.duban.task.score.SmallPlan.BENGBU;
import static org.duban.task.score.SmallPlan.FEIXI;
import static org.duban.task.score.SmallPlan.FGW;
import static org.duban.task.score.SmallPlan.HEFEI;
import static org.duban.task.score.SmallPlan.WUHU;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scorecard of the hand-computed plan ({@link SmallPlan}) against figures worked out by hand, one row per unit
 * and day. Default weights 40/30/15/15, sign-for within 3 working days (issued 29 Sep → last day Sun 9 Oct, a
 * working day after the National Day holiday), monthly reports from October, overdue days capped at 30.
 *
 * <pre>
 * 31 Oct  合肥: T1 done 28 Oct (due 31 Oct), T2 reported in Oct, T3 not → 40 + 30 + 15 + 15·1/2            = 92.5
 *         芜湖: nothing fell due; signed on the last day; Oct report on T1 only of T1, T2, T4 → 70 + 15 + 5   = 90.0
 *         蚌埠: signed T1 late, T3 never; no reports → 40 + 30                                             = 70.0
 *         发改委: signed late, no report → 40 + 30                                                         = 70.0
 *         肥西: T4 due 20 Oct, open: 11 days of 30 → 30·19/30 = 19; never signed, no report                 = 19.0
 * 30 Nov  合肥: T3 done on its due date; T2 reported Oct and Nov, T3's October missed → 40+30+15+15·2/3      = 95.0
 *         发改委: Nov report only → 40 + 30 + 0 + 15·1/2                                                   = 77.5
 *         芜湖: T1 done 4 days late, T4 on time (extended to 15 Nov) → 40·1/2 + 30·56/60 + 15 + 15·2/4     = 70.5
 *         蚌埠: T1 30 days overdue (the cap) → 0; 肥西: 41 days → 0: equal, fewer overdue days first       =  0.0
 * </pre>
 */
@QuarkusTest
class ScorecardTest {

    /** unit → assignments, completed, completedOnTime, overdue, overdueDays, fellDue, acknowledgeDue,
     *  acknowledgedOnTime, reportsDue, reportsOnTime, score, rank — in rank order. */
    private static final Map<String, List<Object>> OCT_31 = rows(
            HEFEI, List.of(3, 1, 1, 0, 0, 1, 3, 3, 2, 1, 92.5f, 1),
            WUHU, List.of(3, 0, 0, 0, 0, 0, 3, 3, 3, 1, 90.0f, 2),
            FGW, List.of(1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 70.0f, 3),
            BENGBU, List.of(2, 0, 0, 0, 0, 0, 2, 0, 2, 0, 70.0f, 3),
            FEIXI, List.of(1, 0, 0, 1, 11, 1, 1, 0, 1, 0, 19.0f, 5));

    private static final Map<String, List<Object>> NOV_30 = rows(
            HEFEI, List.of(3, 2, 2, 0, 0, 2, 3, 3, 3, 2, 95.0f, 1),
            FGW, List.of(1, 0, 0, 0, 0, 0, 1, 0, 2, 1, 77.5f, 2),
            WUHU, List.of(3, 2, 1, 0, 4, 2, 3, 3, 4, 2, 70.5f, 3),
            BENGBU, List.of(2, 0, 0, 1, 30, 1, 2, 0, 4, 0, 0.0f, 4),
            FEIXI, List.of(1, 0, 0, 1, 41, 1, 1, 0, 2, 0, 0.0f, 4));

    /** Category 二 (tasks 3 and 4) only, as of 30 November. */
    private static final Map<String, List<Object>> NOV_30_CATEGORY_2 = rows(
            HEFEI, List.of(1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 85.0f, 1),
            WUHU, List.of(1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 85.0f, 1),
            FGW, List.of(1, 0, 0, 0, 0, 0, 1, 0, 2, 1, 77.5f, 3),
            BENGBU, List.of(1, 0, 0, 0, 0, 0, 1, 0, 2, 0, 70.0f, 4),
            FEIXI, List.of(1, 0, 0, 1, 41, 1, 1, 0, 2, 0, 0.0f, 5));

    /** 9 October, the window's last day: nobody is late yet, no period has ended, nothing fell due. */
    private static final Map<String, List<Object>> OCT_9 = rows(
            FGW, List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100.0f, 1),
            HEFEI, List.of(3, 0, 0, 0, 0, 0, 3, 3, 0, 0, 100.0f, 1),
            FEIXI, List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100.0f, 1),
            WUHU, List.of(3, 0, 0, 0, 0, 0, 3, 3, 0, 0, 100.0f, 1),
            BENGBU, List.of(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100.0f, 1));

    /** 10 October: every window is over; Bengbu signed one that day, late; the department and Feixi none. */
    private static final Map<String, List<Object>> OCT_10 = rows(
            HEFEI, List.of(3, 0, 0, 0, 0, 0, 3, 3, 0, 0, 100.0f, 1),
            WUHU, List.of(3, 0, 0, 0, 0, 0, 3, 3, 0, 0, 100.0f, 1),
            FGW, List.of(1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 85.0f, 3),
            FEIXI, List.of(1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 85.0f, 3),
            BENGBU, List.of(2, 0, 0, 0, 0, 0, 2, 0, 0, 0, 85.0f, 3));

    @Test
    void theFiguresOfEachDayAreTheHandComputedOnes() {
        check("2022-10-09", Map.of(), OCT_9);
        check("2022-10-10", Map.of(), OCT_10);
        check("2022-10-31", Map.of(), OCT_31);
        check("2022-11-30", Map.of(), NOV_30);
        check("2022-11-30", Map.of("category", "2"), NOV_30_CATEGORY_2);
    }

    @Test
    void aLevelIsRankedAmongItself() {
        JsonPath cities = scorecard(TestTokens.viewer(), Map.of("asOf", "2022-11-30", "level", "CITY"));
        assertEquals(List.of(HEFEI, WUHU, BENGBU), cities.getList("units.unitCode"));
        assertEquals(List.of(1, 2, 3), cities.getList("units.rank"));
        assertEquals(3, cities.getInt("ranked"));
        assertEquals("CITY", cities.getString("level"));
        JsonPath counties = scorecard(TestTokens.viewer(), Map.of("asOf", "2022-11-30", "level", "COUNTY"));
        assertEquals(List.of(FEIXI), counties.getList("units.unitCode"));
        assertEquals(List.of(1), counties.getList("units.rank"));
        assertEquals(HEFEI, counties.getString("units[0].cityCode"));
        JsonPath province = scorecard(TestTokens.viewer(), Map.of("asOf", "2022-11-30", "level", "PROVINCE"));
        assertEquals(List.of(FGW), province.getList("units.unitCode"));
    }

    @Test
    void theAnswerNamesTheWeightsAndShowsHowEachScoreCameAbout() {
        JsonPath card = scorecard(TestTokens.admin(), Map.of("asOf", "2022-11-30"));
        assertEquals(Map.of("completion", 40, "overdue", 30, "acknowledge", 15, "reports", 15), card.getMap("weights"));
        assertEquals(3, card.getInt("rules.acknowledgeWithinDays"));
        assertEquals(30, card.getInt("rules.overdueDaysCap"));
        assertEquals(0, card.getInt("scoringVersion"));
        String wuhu = "units.find { it.unitCode == '" + WUHU + "' }.parts";
        assertEquals(List.of("completion", "overdue", "acknowledge", "reports"), card.getList(wuhu + ".name"));
        assertEquals(List.of(20.0f, 28.0f, 15.0f, 7.5f), card.getList(wuhu + ".points"));
        assertEquals(List.of(0.5f, 0.9333f, 1.0f, 0.5f), card.getList(wuhu + ".rate"));
        assertEquals("累计逾期4天（单项按30天封顶计4天），应办结2项", card.getString(wuhu + "[1].basis"));
        org.junit.jupiter.api.Assertions.assertNull(card.get("units[0].findings"), "findings only for one unit");
    }

    @Test
    void oneUnitsLineSaysWhichAssignmentsCostItPoints() {
        JsonPath card = scorecard(TestTokens.admin(), Map.of("asOf", "2022-11-30", "unit", FEIXI));
        assertEquals(List.of(FEIXI), card.getList("units.unitCode"));
        assertEquals(4, card.getInt("units[0].rank"), "ranked among all five all the same");
        assertEquals(5, card.getInt("ranked"));
        assertEquals(List.of(4), card.getList("units[0].findings.taskNumber"));
        assertEquals(List.of("OVERDUE", "NOT_ACKNOWLEDGED", "REPORTS_MISSED"), card.getList("units[0].findings[0].issues"));
        assertEquals("2022-10-09", card.getString("units[0].findings[0].acknowledgeBy"));
        assertEquals("任务4：截止日期2022-10-20，逾期未办结41天；应于2022-10-09前签收，至今未签收；应报送进展2期，按期报送0期",
                card.getString("units[0].findings[0].text"));

        JsonPath wuhu = scorecard(TestTokens.admin(), Map.of("asOf", "2022-11-30", "unit", WUHU));
        assertEquals(List.of(1, 2, 4), wuhu.getList("units[0].findings.taskNumber"));
        assertEquals(List.of("COMPLETED_LATE"), wuhu.getList("units[0].findings[0].issues"));
        assertEquals("2022-11-04", wuhu.getString("units[0].findings[0].completedOn"));
        assertEquals(List.of("REPORTS_MISSED"), wuhu.getList("units[0].findings[1].issues"));
    }

    @Test
    void aUnitSeesItsOwnScoreAndWhyNotOthers() {
        JsonPath own = scorecard(TestTokens.unit(BENGBU), Map.of("asOf", "2022-11-30", "level", "CITY"));
        assertEquals(List.of(BENGBU), own.getList("units.unitCode"));
        assertEquals(3, own.getInt("units[0].rank"));
        assertEquals(3, own.getInt("ranked"), "third of three cities");
        assertEquals(List.of(1, 3), own.getList("units[0].findings.taskNumber"));
        assertEquals(List.of("OVERDUE", "ACKNOWLEDGED_LATE", "REPORTS_MISSED"), own.getList("units[0].findings[0].issues"));
        Story.as(TestTokens.unit(BENGBU)).queryParam("unit", HEFEI).when().get("/api/plans/" + SmallPlan.id() + "/scorecard")
                .then().statusCode(403).contentType("application/problem+json");
        Story.as(TestTokens.unit(BENGBU)).queryParam("unit", BENGBU).when().get("/api/plans/" + SmallPlan.id() + "/scorecard")
                .then().statusCode(200).body("units.unitCode", equalTo(List.of(BENGBU)));
    }

    private static void check(String asOf, Map<String, String> params, Map<String, List<Object>> expected) {
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("asOf", asOf);
        JsonPath card = scorecard(TestTokens.viewer(), query);
        assertEquals(asOf, card.getString("asOf"));
        assertEquals(new ArrayList<>(expected.keySet()), card.getList("units.unitCode"), "the order of " + asOf + " " + params);
        for (Map.Entry<String, List<Object>> row : expected.entrySet()) {
            Map<String, Object> u = card.getMap("units.find { it.unitCode == '" + row.getKey() + "' }");
            List<Object> actual = List.of("assignments", "completed", "completedOnTime", "overdue", "overdueDays", "fellDue",
                    "acknowledgeDue", "acknowledgedOnTime", "reportsDue", "reportsOnTime", "score", "rank").stream().map(u::get).toList();
            assertEquals(row.getValue(), actual, row.getKey() + " as of " + asOf + " " + params);
        }
    }

    static JsonPath scorecard(String token, Map<String, String> params) {
        return Story.as(token).queryParams(params).when().get("/api/plans/" + SmallPlan.id() + "/scorecard")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, List<Object>> rows(Object... unitsAndRows) {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        for (int i = 0; i < unitsAndRows.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Object> row = (List<Object>) unitsAndRows[i + 1];
            rows.put((String) unitsAndRows[i], row);
        }
        return rows;
    }
}
