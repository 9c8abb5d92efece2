package org.duban.unit.transfer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class UnitTransferTest {

    private static final String HEADER = "code,name,shortName,aliases,level,type,parentCode,divisionCode,email,phone,webhookUrl,externalIds,active\r\n";

    /** Like curl: no charset is added to a text body unless the test names one. */
    private static RequestSpecification office() {
        return given().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(TestTokens.admin());
    }

    @Test
    void anExportImportsBackUnchanged() {
        byte[] csv = office().when().get("/api/units/export?format=csv")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("units.csv"))
                .extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        org.hamcrest.MatcherAssert.assertThat(text, containsString("gov-340100,合肥市人民政府,合肥市"));

        office().contentType("text/csv").body(csv).when().post("/api/units/import")
                .then().statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", greaterThan(160));
    }

    @Test
    void anExcelExportImportsBackThroughAFileUpload() {
        byte[] xlsx = office().when().get("/api/units/export?format=xlsx")
                .then().statusCode(200).contentType(UnitTransferResource.XLSX).extract().asByteArray();
        office().multiPart("file", "单位.xlsx", xlsx, UnitTransferResource.XLSX).when().post("/api/units/import")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0));
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndStoresNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // the child comes before its parent in the file: the import orders them itself
        String csv = HEADER
                + "t-child-" + suffix + ",测试下级" + suffix + ",,,COUNTY,OTHER,t-parent-" + suffix + ",,,,,,true\r\n"
                + "t-parent-" + suffix + ",\"测试上级," + suffix + "\",,别名甲" + suffix + "|别名乙" + suffix + ",CITY,OTHER,gov-340000,,a@example.org,,,oa:P-" + suffix + ",true\r\n";
        office().contentType("text/csv; charset=UTF-8").body(csv).queryParam("dryRun", true).when().post("/api/units/import")
                .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(2))
                .body("rows.line", equalTo(java.util.List.of(2, 3)));
        office().when().get("/api/units/t-parent-" + suffix).then().statusCode(404);

        office().contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/units/import")
                .then().statusCode(200).body("dryRun", equalTo(false)).body("created", equalTo(2));
        office().when().get("/api/units/t-parent-" + suffix)
                .then().statusCode(200)
                .body("name", equalTo("测试上级," + suffix))
                .body("aliases", equalTo(java.util.List.of("别名甲" + suffix, "别名乙" + suffix)))
                .body("externalIds.oa", equalTo("P-" + suffix));
        office().when().get("/api/units/t-child-" + suffix).then().statusCode(200).body("parentCode", equalTo("t-parent-" + suffix));
    }

    @Test
    void aCsvSavedByExcelInGbkIsReadToo() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String csv = HEADER + "t-gbk-" + suffix + ",国标编码单位" + suffix + ",,,CITY,OTHER,,,,,,,true\r\n";
        office().contentType("text/csv").body(csv.getBytes(java.nio.charset.Charset.forName("GBK")))
                .when().post("/api/units/import").then().statusCode(200).body("created", equalTo(1));
        office().when().get("/api/units/t-gbk-" + suffix).then().statusCode(200).body("name", equalTo("国标编码单位" + suffix));
    }

    @Test
    void aFileWithErrorsIsRefusedWholeWithEveryErrorByLine() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String csv = HEADER
                + "t-bad-" + suffix + ",,,,CITY,OTHER,,,,,,,true\r\n"
                + "t-good-" + suffix + ",好单位" + suffix + ",,,CITY,OTHER,,,,,,,true\r\n"
                + "t-moon-" + suffix + ",月球单位" + suffix + ",,,MOON,OTHER,gov-000000,,not-mail,,,,maybe\r\n"
                + "t-good-" + suffix + ",重复" + suffix + ",,,CITY,OTHER,,,,,,,true\r\n";
        office().contentType("text/csv").body(csv).when().post("/api/units/import")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing was imported"))
                .body("errors.field", hasItems("line 2: name", "line 4: level", "line 4: active",
                        "line 4: contacts.email", "line 5: code"));
        office().when().get("/api/units/t-good-" + suffix).then().statusCode(404);
    }

    @Test
    void aQuotedLineBreakMovesTheLinesAfterItAndBrokenQuotesNameTheirLine() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // the name of line 2 runs on to line 3, so the bad level is on line 4 (the old parser said line 3)
        String csv = HEADER
                + "t-two-" + suffix + ",\"两行\r\n单位" + suffix + "\",,,CITY,OTHER,,,,,,,true\r\n"
                + "t-moon-" + suffix + ",月球单位" + suffix + ",,,MOON,OTHER,,,,,,,true\r\n";
        office().contentType("text/csv").body(csv).when().post("/api/units/import")
                .then().statusCode(422)
                .body("errors.field", hasItems("line 4: level"))
                .body("errors.field", everyItem(startsWith("line 4: ")));
        // a quote that is never closed used to swallow the rest of the file into one cell
        office().contentType("text/csv").body(HEADER + "t-open-" + suffix + ",\"未闭合,,,CITY,OTHER,,,,,,,true\r\n"
                        + "t-next-" + suffix + ",下一行,,,CITY,OTHER,,,,,,,true\r\n")
                .when().post("/api/units/import")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 2"))
                .body("errors[0].message", containsString("quotes of this row do not pair up"));
        office().when().get("/api/units/t-two-" + suffix).then().statusCode(404);
    }

    @Test
    void anExcelFormulaImportsAsItsValue() throws java.io.IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        byte[] xlsx;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("单位");
            java.util.List<String> columns = java.util.List.of("code", "name", "level", "type", "divisionCode");
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("t-formula-" + suffix);
            row.createCell(1).setCellFormula("\"公式单位\"&\"" + suffix + "\"");
            row.createCell(2).setCellValue("CITY");
            row.createCell(3).setCellValue("OTHER");
            row.createCell(4).setCellValue(349901); // typed as a number: reads 349901, not 349901.0
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll(); // as Excel saves it
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        // the old reader took the formula's text for the name
        office().contentType(UnitTransferResource.XLSX).body(xlsx).when().post("/api/units/import")
                .then().statusCode(200).body("created", equalTo(1));
        office().when().get("/api/units/t-formula-" + suffix).then().statusCode(200)
                .body("name", equalTo("公式单位" + suffix))
                .body("divisionCode", equalTo("349901"));
    }

    @Test
    void badFilesAndWrongRolesAreRefused() {
        office().contentType("text/csv").body("nom,nombre\r\nx,y\r\n").when().post("/api/units/import")
                .then().statusCode(422).body("detail", containsString("unknown column 'nom'"));
        office().multiPart("file", "units.pdf", new byte[]{1, 2, 3}, "application/pdf").when().post("/api/units/import")
                .then().statusCode(415).contentType("application/problem+json");
        office().contentType(UnitTransferResource.XLSX).body(new byte[]{1, 2, 3}).when().post("/api/units/import")
                .then().statusCode(422);
        given().auth().oauth2(TestTokens.viewer()).contentType("text/csv").body(HEADER).when().post("/api/units/import")
                .then().statusCode(403);
        office().when().get("/api/units/export?format=pdf").then().statusCode(400).body("errors[0].field", equalTo("format"));
    }
}
