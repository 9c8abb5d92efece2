package org.duban.task.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan's dashboard figures and its ledger (台账) export, on the sample plan. */
@QuarkusTest
class PlanSummaryTest {

    @Test
    void theSummaryAddsUpPerUnitAndPerCategory() {
        long planId = SamplePlan.id();
        JsonPath summary = given().auth().oauth2(TestTokens.viewer()).when().get("/api/plans/" + planId + "/summary")
                .then().statusCode(200).body("categories.size()", equalTo(6)).extract().jsonPath();
        // by default the plan as the office issued it (depth 0); other tests delegate shares further down
        int total = given().auth().oauth2(TestTokens.viewer()).queryParam("planId", planId).queryParam("size", 1).queryParam("depth", 0)
                .when().get("/api/assignments").then().extract().jsonPath().getInt("total");
        assertEquals(total, summary.getList("units.total", Integer.class).stream().mapToInt(Integer::intValue).sum());
        assertEquals(total, summary.getList("categories.total", Integer.class).stream().mapToInt(Integer::intValue).sum());
        int everyLevel = given().auth().oauth2(TestTokens.viewer()).queryParam("planId", planId).queryParam("size", 1)
                .when().get("/api/assignments").then().extract().jsonPath().getInt("total");
        JsonPath all = given().auth().oauth2(TestTokens.viewer()).queryParam("depth", "all").when().get("/api/plans/" + planId + "/summary")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(everyLevel, all.getList("units.total", Integer.class).stream().mapToInt(Integer::intValue).sum());
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
}
