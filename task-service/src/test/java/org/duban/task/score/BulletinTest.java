package org.duban.task.score;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 督查通报 and the annual-report section of the hand-computed plan, read back with POI. */
@QuarkusTest
class BulletinTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theWordBulletinIsAnOfficialDocumentWithTheFiguresTheTableAndTheChart() throws IOException {
        byte[] bytes = bulletin(Map.of("asOf", "2022-11-30", "number", "5", "format", "docx"), DOCX);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
            assertEquals("安徽省政务公开办公室", paragraphs.get(0));
            assertEquals("FF0000", doc.getParagraphs().getFirst().getRuns().getFirst().getColor(), "the red header");
            assertEquals("皖政务公开办〔2022〕5号", paragraphs.get(1));
            assertEquals("关于安徽省2022年考核样例重点工作任务落实情况的通报", paragraphs.get(2));
            assertEquals("各市、县人民政府办公室（政务公开办公室），省有关单位办公室：", paragraphs.get(3));
            assertEquals("仿宋_GB2312", doc.getParagraphs().get(4).getRuns().getFirst().getFontFamily(
                    org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia));
            assertTrue(paragraphs.contains("一、总体情况"));
            assertTrue(paragraphs.contains("截至2022年11月30日，任务分工明确的4项重点工作任务，分解落实到5个责任单位共10项。其中，"
                    + "已办结4项（按时办结3项）；应办结6项，按时办结率50.0%；逾期未办结2项，累计逾期75天。"), paragraphs.toString());
            assertTrue(paragraphs.contains("签收方面，应签收10项，按时签收6项，按时签收率60.0%。进展报送方面，应报送15期，按期报送5期，"
                    + "按期报送率33.3%。"), paragraphs.toString());
            assertTrue(paragraphs.contains("（一）市级：合肥市人民政府（95.0分）。"), "commended: " + paragraphs);
            assertTrue(paragraphs.contains("（一）市级：蚌埠市人民政府（0.0分，逾期未办结1项，累计逾期30天）。"), "named: " + paragraphs);
            assertTrue(paragraphs.contains("（二）县级：肥西县人民政府（0.0分，逾期未办结1项，累计逾期41天）。"), "named: " + paragraphs);
            assertEquals("2022年11月30日", paragraphs.getLast(), "the date line");
            assertEquals("安徽省政务公开办公室", paragraphs.get(paragraphs.size() - 2));

            assertEquals(1, doc.getTables().size());
            assertEquals(List.of(List.of("序号", "任务编号", "责任单位", "截止日期", "逾期天数"),
                    List.of("1", "4", "肥西县人民政府", "2022-10-20", "41"),
                    List.of("2", "1", "蚌埠市人民政府", "2022-10-31", "30")), cells(doc.getTables().getFirst()));
            assertEquals(1, doc.getCharts().size(), "the chart of the cities' scores");
            assertEquals("各市综合得分情况", doc.getCharts().getFirst().getTitle().getBody().getParagraph(0).getText());
            assertEquals(3, doc.getCharts().getFirst().getChartSeries().getFirst().getSeries(0).getCategoryData().getPointCount());
            assertTrue(before(doc, "四、逾期未办结任务清单", doc.getTables().getFirst()), "the table follows its heading");
        }
    }

    @Test
    void anEarlierDayGivesThatDaysBulletin() throws IOException {
        byte[] bytes = bulletin(Map.of("asOf", "2022-10-31"), DOCX);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(paragraphs.contains("皖政务公开办〔2022〕\u3000号"), "no number given: a blank to fill in");
            assertEquals(List.of(List.of("序号", "任务编号", "责任单位", "截止日期", "逾期天数"),
                    List.of("1", "4", "肥西县人民政府", "2022-10-20", "11")), cells(doc.getTables().getFirst()));
            assertTrue(paragraphs.contains("2022年10月31日"));
        }
        byte[] again = bulletin(Map.of("asOf", "2022-10-31"), DOCX);
        assertEquals(text(bytes), text(again), "the same day, the same bulletin");
    }

    @Test
    void theWorkbookHasTheTextTheWholeRankingTheOverdueListAndTheChart() throws IOException {
        byte[] bytes = bulletin(Map.of("asOf", "2022-11-30", "format", "xlsx"), XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertEquals(List.of("通报", "得分排名", "逾期清单", "得分图"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
            assertEquals("关于安徽省2022年考核样例重点工作任务落实情况的通报", wb.getSheet("通报").getRow(2).getCell(0).getStringCellValue());
            XSSFSheet ranking = wb.getSheet("得分排名");
            assertEquals(5, ranking.getLastRowNum(), "five units below the header");
            assertEquals("合肥市人民政府", ranking.getRow(1).getCell(1).getStringCellValue());
            assertEquals(95.0, ranking.getRow(1).getCell(16).getNumericCellValue());
            assertEquals("芜湖市人民政府", ranking.getRow(3).getCell(1).getStringCellValue());
            assertEquals(70.5, ranking.getRow(3).getCell(16).getNumericCellValue());
            assertEquals(4.0, ranking.getRow(3).getCell(7).getNumericCellValue(), "overdue days");
            XSSFSheet overdue = wb.getSheet("逾期清单");
            assertEquals(2, overdue.getLastRowNum());
            assertEquals(41.0, overdue.getRow(1).getCell(4).getNumericCellValue());
            assertEquals(1, wb.getSheet("得分图").getDrawingPatriarch().getCharts().size());
            assertEquals(3, wb.getSheet("得分图").getDrawingPatriarch().getCharts().getFirst().getChartSeries().getFirst()
                    .getSeries(0).getValuesData().getPointCount());
        }
    }

    @Test
    void aUnitsAnnualReportSectionTellsWhatItDidTaskByTask() {
        String md = Story.as(TestTokens.unit(SmallPlan.HEFEI)).queryParam("year", "2022").queryParam("format", "md")
                .when().get("/api/plans/" + SmallPlan.id() + "/annual-report").then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        assertTrue(md.startsWith("## 政务公开重点工作任务落实情况\n\n根据《安徽省2022年考核样例重点工作任务分工》（皖政务办〔2022〕71号），"
                + "本单位承担重点工作任务3项。截至2022年12月31日，已办结2项（按时办结2项），正在推进1项，逾期未办结0项。具体情况如下："), md);
        assertTrue(md.contains("| 1 | 任务1 | 负责落实 | 2022年10月31日前（2022-10-31） | 已办结 | 2022-10-28 |"), md);
        assertTrue(md.contains("| 2 | 任务2 | 负责落实 | 持续推进 | 推进中 | — |"), md);
        assertTrue(md.contains("- 2022年10月12日：10月已公开稳经济政策措施12条。\n- 2022年11月20日：11月已公开稳经济政策措施9条。"), md);
        assertTrue(md.contains("### 1. 任务1：集中公开推动经济发展相关政策举措。"), md);

        String bengbu = Story.as(TestTokens.admin()).queryParam("unit", SmallPlan.BENGBU).queryParam("format", "md")
                .when().get("/api/plans/" + SmallPlan.id() + "/annual-report").then().statusCode(200).extract().asString();
        assertTrue(bengbu.contains("| 1 | 任务1 | 负责落实 | 2022年10月31日前（2022-10-31） | 未开始（逾期61天） | — |"), bengbu);
        assertTrue(bengbu.contains("2022年度未报送工作进展。"), bengbu);
    }

    @Test
    void theOfficesSectionHasOneLinePerTaskAndOpensInWord() throws IOException {
        byte[] bytes = Story.as(TestTokens.viewer()).queryParam("format", "docx")
                .when().get("/api/plans/" + SmallPlan.id() + "/annual-report").then().statusCode(200).contentType(DOCX)
                .extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<List<String>> table = cells(doc.getTables().getFirst());
            assertEquals(List.of("序号", "任务", "责任单位数", "已办结", "逾期未办结", "落实状态"), table.get(0));
            assertEquals(List.of("1", "任务1", "3", "2", "1", "存在逾期"), table.get(1));
            assertEquals(List.of("3", "任务3", "3", "1", "2", "存在逾期"), table.get(3));
            String text = text(bytes);
            assertTrue(text.contains("《安徽省2022年考核样例重点工作任务分工》（皖政务办〔2022〕71号）明确重点工作任务4项，分解落实到5个责任单位共10项。"
                    + "截至2022年12月31日，0项任务已全部办结；分解任务中已办结4项，逾期未办结4项。"), text);
        }
    }

    private static byte[] bulletin(Map<String, String> params, String type) {
        return Story.as(TestTokens.admin()).queryParams(params).when().get("/api/plans/" + SmallPlan.id() + "/bulletin")
                .then().statusCode(200).contentType(type).extract().asByteArray();
    }

    static String text(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    static List<List<String>> cells(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            rows.add(row.getTableCells().stream().map(XWPFTableCell::getText).toList());
        }
        return rows;
    }

    private static boolean before(XWPFDocument doc, String heading, XWPFTable table) {
        List<IBodyElement> body = doc.getBodyElements();
        int h = -1;
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof XWPFParagraph p && p.getText().equals(heading)) {
                h = i;
            }
        }
        return h >= 0 && body.indexOf(table) > h;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
