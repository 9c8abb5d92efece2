package org.duban.task.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class QueriesAndSyncTest {

    @Test
    void filtersAndSortingOfAssignments() {
        long planId = SamplePlan.id();
        // the sample's dates are in 2022: today every open FIXED assignment is overdue
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", planId).queryParam("unit", "gov-340100")
                .queryParam("overdue", true).queryParam("sort", "-taskNumber").queryParam("size", 500)
                .when().get("/api/assignments").then().statusCode(200)
                .body("items.unitCode", everyItem(equalTo("gov-340100")))
                .body("items.overdue", everyItem(equalTo(true)))
                .body("items.dueDate", everyItem(org.hamcrest.Matchers.notNullValue()))
                .body("items[0].taskNumber", greaterThan(30));
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", planId).queryParam("role", "LEAD")
                .when().get("/api/assignments").then().statusCode(200)
                .body("items.role", everyItem(equalTo("LEAD"))).body("items.unitCode", hasItem("ah-fgw"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("status", "DONE").queryParam("sort", "colour")
                .queryParam("dueBefore", "2022-13-45").when().get("/api/assignments").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("dueBefore", "2022-13-45").when().get("/api/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("dueBefore"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("sort", "colour").when().get("/api/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void aUnitUserSeesOnlyItsOwnAssignments() {
        given().auth().oauth2(TestTokens.unit("gov-340200")).queryParam("planId", SamplePlan.id())
                .when().get("/api/assignments").then().statusCode(200)
                .body("items.unitCode", everyItem(equalTo("gov-340200")));
        given().auth().oauth2(TestTokens.unit("gov-340200")).queryParam("unit", "gov-340100")
                .when().get("/api/assignments").then().statusCode(403);
    }

    @Test
    void theSummaryAddsUpPerUnitAndPerCategory() {
        long planId = SamplePlan.id();
        JsonPath summary = given().auth().oauth2(TestTokens.viewer()).when().get("/api/plans/" + planId + "/summary")
                .then().statusCode(200).body("categories.size()", equalTo(6)).extract().jsonPath();
        int total = given().auth().oauth2(TestTokens.viewer()).queryParam("planId", planId).queryParam("size", 1)
                .when().get("/api/assignments").then().extract().jsonPath().getInt("total");
        assertEquals(total, summary.getList("units.total", Integer.class).stream().mapToInt(Integer::intValue).sum());
        assertEquals(total, summary.getList("categories.total", Integer.class).stream().mapToInt(Integer::intValue).sum());
        int hefeiTotal = summary.getInt("units.find { it.unitCode == 'gov-340100' }.total");
        int hefeiOverdue = summary.getInt("units.find { it.unitCode == 'gov-340100' }.overdue");
        assertTrue(hefeiTotal >= 40 && hefeiOverdue > 0 && hefeiOverdue <= hefeiTotal);
    }

    @Test
    void theLedgerExportsAsExcel() throws Exception {
        long planId = SamplePlan.id();
        byte[] xlsx = given().auth().oauth2(TestTokens.viewer()).when().get("/api/plans/" + planId + "/export?format=xlsx")
                .then().statusCode(200).header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("台账");
            assertEquals("责任单位", sheet.getRow(1).getCell(3).getStringCellValue());
            assertTrue(sheet.getLastRowNum() > 3000);
        }
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/plans/" + planId + "/export?format=pdf").then().statusCode(400);
    }

    @Test
    void theSyncFeedGivesEveryChangeOnceInOrderFromAnyCursor() {
        SamplePlan.id();
        String integrator = TestTokens.integrator();
        List<Long> positions = new ArrayList<>();
        String cursor = null;
        String resumeAt = null;
        for (int page = 0; page < 100; page++) {
            var request = given().auth().oauth2(integrator).queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath answer = request.when().get("/api/sync/assignments").then().statusCode(200).extract().jsonPath();
            List<Long> got = answer.getList("items.position", Long.class);
            if (got.isEmpty()) {
                assertEquals(cursor, answer.getString("nextCursor"), "an empty page keeps the cursor");
                break;
            }
            positions.addAll(got);
            cursor = answer.getString("nextCursor");
            if (page == 0) {
                resumeAt = cursor;
            }
        }
        for (int i = 1; i < positions.size(); i++) {
            assertEquals(positions.get(i - 1) + 1, positions.get(i), "contiguous, in order, no repeats");
        }
        assertTrue(positions.size() > 3000);
        long firstAfterResume = given().auth().oauth2(integrator).queryParam("cursor", resumeAt).queryParam("limit", 1)
                .when().get("/api/sync/assignments").then().statusCode(200).extract().jsonPath().getLong("items[0].position");
        assertEquals(positions.get(1000), firstAfterResume, "resumable from a stored cursor");

        given().auth().oauth2(integrator).queryParam("cursor", "not-a-cursor").when().get("/api/sync/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/sync/assignments").then().statusCode(403);
        given().auth().oauth2(TestTokens.unit("gov-340100")).when().get("/api/sync/assignments").then().statusCode(403);
    }
    @Test
    void aReaderFollowingTheFeedWhileUnitsWriteMissesNothing() throws Exception {
        long planId = SamplePlan.id();
        String integrator = TestTokens.integrator();
        String hefei = TestTokens.unit("gov-340100");
        List<Long> ids = given().auth().oauth2(hefei).queryParam("planId", planId).queryParam("status", "NOT_STARTED")
                .queryParam("sort", "taskNumber").queryParam("size", 12)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertEquals(12, ids.size());
        String cursor = null;
        while (true) { // to the current end
            var request = given().auth().oauth2(integrator).queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath answer = request.when().get("/api/sync/assignments").then().statusCode(200).extract().jsonPath();
            if (answer.getList("items").isEmpty()) {
                break;
            }
            cursor = answer.getString("nextCursor");
        }

        int writers = 6;
        int reportsEach = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.Map<String, Object>> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int r = 0; r < reportsEach; r++) {
                        long id = ids.get((writer * 2 + r) % ids.size()); // writers share assignments
                        given().auth().oauth2(hefei).contentType("application/json")
                                .body(java.util.Map.of("text", "feed-" + writer + "-" + r))
                                .when().post("/api/assignments/" + id + "/progress").then().statusCode(200);
                    }
                    return null;
                }));
            }
            boolean writing = true;
            while (writing) { // follow the feed in small pages while the writers are at it
                writing = work.stream().anyMatch(f -> !f.isDone());
                var request = given().auth().oauth2(integrator).queryParam("limit", 5).queryParam("cursor", cursor);
                JsonPath answer = request.when().get("/api/sync/assignments").then().statusCode(200).extract().jsonPath();
                List<java.util.Map<String, Object>> items = answer.getList("items");
                seen.addAll(items);
                cursor = answer.getString("nextCursor");
                if (!writing && !items.isEmpty()) {
                    writing = true; // drain what is left after the last write
                }
            }
            for (var f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> reports = seen.stream().filter(i -> "duban.assignment.progress-reported".equals(i.get("changeType")))
                .map(i -> (String) i.get("text")).filter(t -> t != null && t.startsWith("feed-")).toList();
        assertEquals(writers * reportsEach, reports.size(), "every report once");
        assertEquals(writers * reportsEach, new java.util.HashSet<>(reports).size(), "no report twice");
        java.util.Map<Long, Integer> lastVersion = new java.util.HashMap<>();
        long lastPosition = 0;
        for (var item : seen) {
            long position = ((Number) item.get("position")).longValue();
            assertTrue(position > lastPosition, "positions only grow");
            lastPosition = position;
            long id = ((Number) item.get("id")).longValue();
            int version = ((Number) item.get("version")).intValue();
            Integer before = lastVersion.put(id, version);
            assertTrue(before == null || version > before, "an assignment's changes come in the order they were made");
        }
    }
}
