package org.duban.task.score;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.duban.task.SamplePlan;
import org.duban.task.ScriptedClock;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample plan (a copy numbered 皖政务办〔2022〕72号, so that other tests' sample stays untouched) through a
 * scripted year, reports quarterly: 合肥 signs for everything at once, reports every quarter and finishes
 * everything on time; 芜湖 signs late, finishes the June tasks late, reports in the third quarter only and gets
 * one extension; 蚌埠 signs for half and does nothing more; the other thirteen cities do nothing. The cities rank
 * in that order, the idle ones sharing a rank; and the scorecard and the bulletin of 30 September read the same
 * before and after everything that happened in the fourth quarter.
 */
@QuarkusTest
class SampleYearTest {

    private static final String HEFEI = "gov-340100";
    private static final String WUHU = "gov-340200";
    private static final String BENGBU = "gov-340300";

    private static Long plan;
    private static String septemberCard;
    private static String septemberBulletin;

    @Test
    void theCitiesRankByWhatTheyDid() {
        long id = plan();
        JsonPath card = cities(id, "2022-12-31");
        assertEquals(16, card.getInt("ranked"));
        assertEquals(List.of(HEFEI, WUHU, BENGBU), card.getList("units.unitCode").subList(0, 3));
        assertEquals(List.of(1, 2, 3), card.getList("units.rank").subList(0, 3));
        assertEquals(100.0f, card.getFloat("units[0].score"), "合肥 did everything on time");
        List<Integer> idle = card.getList("units.rank", Integer.class).subList(3, 16);
        assertEquals(List.of(4), idle.stream().distinct().toList(), "the thirteen idle cities share the fourth rank");
        assertEquals(0.0f, card.getFloat("units[3].score"));
        Map<String, Object> wuhu = card.getMap("units[1]");
        assertEquals(0, wuhu.get("acknowledgedOnTime"), "芜湖 signed after the window");
        assertEquals(2, wuhu.get("completed") instanceof Integer c ? c - (Integer) wuhu.get("completedOnTime") : -1,
                "芜湖 finished the two June tasks late");
        Map<String, Object> bengbu = card.getMap("units[2]");
        assertEquals(2, bengbu.get("overdue"), "蚌埠 never finished the June tasks");
        assertEquals(0, bengbu.get("reportsOnTime"));
        assertEquals(3, card.getInt("rules.reportEveryMonths"), "quarterly, as the office set it");

        // in the third quarter's figures, 合肥 had not yet finished its year-end tasks
        JsonPath september = cities(id, "2022-09-30");
        assertEquals(HEFEI, september.getString("units[0].unitCode"));
        assertTrue(september.getInt("units[0].completed") < card.getInt("units[0].completed"));
    }

    @Test
    void anEarlierDayReadsTheSameAfterLaterChanges() throws IOException {
        long id = plan();
        String card = Story.as(TestTokens.viewer()).queryParam("asOf", "2022-09-30").queryParam("level", "CITY")
                .when().get("/api/plans/" + id + "/scorecard").then().statusCode(200).extract().asString();
        assertEquals(septemberCard, card, "the scorecard of 30 September, asked on 1 October and again at the end of the year");
        assertEquals(septemberBulletin, bulletinText(id, "2022-09-30"));
        assertNotEquals(septemberBulletin, bulletinText(id, "2022-12-31"), "while the year's end reads differently");
    }

    private static synchronized long plan() {
        if (plan == null) {
            try {
                plan = play();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                ScriptedClock.reset();
            }
        }
        return plan;
    }

    private static long play() throws IOException {
        Story.at("2022-06-06T09:00:00");
        long id = Story.importPlan(SamplePlan.text().replace(SamplePlan.DOCUMENT_NUMBER, "皖政务办〔2022〕72号"));
        Story.as(TestTokens.admin()).header("If-Match", "\"0\"")
                .body(Map.of("weights", Map.of("completion", 40, "overdue", 30, "acknowledge", 15, "reports", 15), "reportEveryMonths", 3))
                .when().put("/api/plans/" + id + "/scoring").then().statusCode(200);
        List<Map<String, Object>> hefei = assignments(id, HEFEI);
        List<Map<String, Object>> wuhu = assignments(id, WUHU);
        List<Map<String, Object>> bengbu = assignments(id, BENGBU);

        Story.at("2022-06-07T09:00:00");
        hefei.forEach(a -> Story.acknowledge(id(a), HEFEI));
        Story.at("2022-06-08T09:00:00");
        bengbu.subList(0, bengbu.size() / 2).forEach(a -> Story.acknowledge(id(a), BENGBU));
        Story.at("2022-06-13T09:00:00");                         // after the window (6 June + 3 working days = 9 June)
        wuhu.forEach(a -> Story.acknowledge(id(a), WUHU));
        Story.at("2022-06-20T10:00:00");
        due(hefei, "2022-06-30").forEach(a -> finish(id(a), HEFEI));
        Story.at("2022-07-15T10:00:00");
        due(wuhu, "2022-06-30").forEach(a -> finish(id(a), WUHU)); // 15 days late
        Story.at("2022-08-10T10:00:00");
        open(hefei).forEach(a -> Story.progress(id(a), HEFEI, "三季度已按计划推进，相关信息已公开。"));
        open(wuhu).forEach(a -> Story.progress(id(a), WUHU, "三季度工作正在推进。"));

        Story.at("2022-10-01T08:00:00");                         // the third quarter as it ended
        septemberCard = Story.as(TestTokens.viewer()).queryParam("asOf", "2022-09-30").queryParam("level", "CITY")
                .when().get("/api/plans/" + id + "/scorecard").then().statusCode(200).extract().asString();
        septemberBulletin = bulletinText(id, "2022-09-30");

        Story.at("2022-11-10T10:00:00");
        open(hefei).forEach(a -> Story.progress(id(a), HEFEI, "四季度已按计划推进，相关信息已公开。"));
        Story.at("2022-12-20T10:00:00");
        due(hefei, "2022-12-31").forEach(a -> finish(id(a), HEFEI));
        List<Map<String, Object>> wuhuYearEnd = due(wuhu, "2022-12-31");
        Story.extend(id(wuhuYearEnd.getFirst()), WUHU, "2023-01-31");
        Story.at("2022-12-28T10:00:00");
        wuhuYearEnd.subList(1, wuhuYearEnd.size()).forEach(a -> finish(id(a), WUHU));
        return id;
    }

    private static void finish(long assignment, String unit) {
        Story.submit(assignment, unit);
        Story.complete(assignment);
    }

    private static List<Map<String, Object>> assignments(long plan, String unit) {
        return Story.as(TestTokens.admin()).queryParam("planId", plan).queryParam("unit", unit).queryParam("size", 500)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static List<Map<String, Object>> due(List<Map<String, Object>> assignments, String day) {
        return assignments.stream().filter(a -> day.equals(a.get("dueDate"))).toList();
    }

    /** Not completed by now (read again: the list was read at the start). */
    private static List<Map<String, Object>> open(List<Map<String, Object>> assignments) {
        return assignments.stream().filter(a -> !"COMPLETED".equals(Story.status(id(a)))).toList();
    }

    private static long id(Map<String, Object> assignment) {
        return ((Number) assignment.get("id")).longValue();
    }

    private static JsonPath cities(long plan, String asOf) {
        return Story.as(TestTokens.viewer()).queryParam("asOf", asOf).queryParam("level", "CITY")
                .when().get("/api/plans/" + plan + "/scorecard").then().statusCode(200).extract().jsonPath();
    }

    private static String bulletinText(long plan, String asOf) throws IOException {
        byte[] docx = Story.as(TestTokens.admin()).queryParam("asOf", asOf).when().get("/api/plans/" + plan + "/bulletin")
                .then().statusCode(200).extract().asByteArray();
        return BulletinTest.text(docx);
    }
}
