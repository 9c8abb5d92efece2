package org.duban.task.score;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The bulletin as a workbook, for offices that work on it in Excel: 通报 (the text, one paragraph a row), 得分排名
 * (every unit's line of the scorecard with its parts), 逾期清单 (all overdue work, not cut short) and the chart of
 * the scores beside the ranking (XDDF, data from the ranking sheet).
 */
final class BulletinXlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> RANKING_HEADER = List.of("排名", "单位", "层级", "任务数", "已办结", "按时办结", "逾期未办结", "累计逾期天数",
            "应签收", "按时签收", "应报送(期)", "按期报送(期)", "按时办结得分", "逾期情况得分", "按时签收得分", "按期报送得分", "综合得分");
    private static final java.util.Map<String, String> LEVEL = java.util.Map.of("PROVINCE", "省直", "CITY", "市", "COUNTY", "县");

    private BulletinXlsx() {
    }

    static byte[] write(Bulletin b) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFCellStyle bold = wb.createCellStyle();
            XSSFFont font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);

            XSSFSheet text = wb.createSheet("通报");
            text.setColumnWidth(0, 120 * 256);
            int r = 0;
            for (String line : List.of(b.issuer(), b.numberLine(), b.title(), b.addressee(), b.opening())) {
                text.createRow(r++).createCell(0).setCellValue(line);
            }
            text.getRow(2).getCell(0).setCellStyle(bold);
            for (Bulletin.Section section : b.sections()) {
                text.createRow(r++).createCell(0).setCellValue(section.heading());
                text.getRow(r - 1).getCell(0).setCellStyle(bold);
                for (String p : section.paragraphs()) {
                    text.createRow(r++).createCell(0).setCellValue(p);
                }
            }
            text.createRow(r++).createCell(0).setCellValue(b.issuer());
            text.createRow(r).createCell(0).setCellValue(b.dateLine());

            XSSFSheet ranking = wb.createSheet("得分排名");
            header(ranking, RANKING_HEADER, bold);
            int row = 1;
            for (Scorecard.UnitScore u : b.scorecard().units()) {
                XSSFRow x = ranking.createRow(row++);
                int c = 0;
                x.createCell(c++).setCellValue(u.rank());
                x.createCell(c++).setCellValue(u.unitName());
                x.createCell(c++).setCellValue(LEVEL.getOrDefault(u.level(), u.level()));
                for (long n : new long[]{u.assignments(), u.completed(), u.completedOnTime(), u.overdue(), u.overdueDays(),
                        u.acknowledgeDue(), u.acknowledgedOnTime(), u.reportsDue(), u.reportsOnTime()}) {
                    x.createCell(c++).setCellValue(n);
                }
                for (ScoreRules.Part part : u.parts()) {
                    x.createCell(c++).setCellValue(part.points().doubleValue());
                }
                x.createCell(c).setCellValue(u.score().doubleValue());
            }
            ranking.setColumnWidth(1, 30 * 256);
            ranking.createFreezePane(0, 1);

            XSSFSheet overdue = wb.createSheet("逾期清单");
            header(overdue, BulletinDocx.OVERDUE_HEADER, bold);
            row = 1;
            for (Bulletin.OverdueRow o : b.overdue()) {
                XSSFRow x = overdue.createRow(row++);
                x.createCell(0).setCellValue(o.number());
                x.createCell(1).setCellValue(o.taskNumber());
                x.createCell(2).setCellValue(o.unitName());
                x.createCell(3).setCellValue(o.dueDate().toString());
                x.createCell(4).setCellValue(o.overdueDays());
            }
            overdue.setColumnWidth(2, 30 * 256);
            overdue.createFreezePane(0, 1);

            if (!b.chart().bars().isEmpty()) {
                chart(wb.createSheet("得分图"), b.chart());
            }
            var core = wb.getProperties().getCoreProperties();
            core.setTitle(b.title());
            core.setCreator(b.issuer());
            java.util.Date day = java.util.Date.from(b.asOf().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            core.setCreated(Optional.of(day));
            core.setModified(Optional.of(day));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart's data in columns A and B of its own sheet, the column chart beside it. */
    private static void chart(XSSFSheet sheet, Bulletin.Chart c) {
        XSSFRow head = sheet.createRow(0);
        head.createCell(0).setCellValue("单位");
        head.createCell(1).setCellValue(c.seriesTitle());
        for (int i = 0; i < c.bars().size(); i++) {
            XSSFRow x = sheet.createRow(i + 1);
            x.createCell(0).setCellValue(c.bars().get(i).label());
            x.createCell(1).setCellValue(c.bars().get(i).value().doubleValue());
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 3, 1, 15, 22);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(c.title());
        chart.setTitleOverlay(false);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        left.setCrossBetween(AxisCrossBetween.BETWEEN);
        left.setMinimum(0);
        left.setMaximum(100);
        int n = c.bars().size();
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(
                XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, n, 0, 0)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, n, 1, 1)));
        series.setTitle(c.seriesTitle(), new org.apache.poi.ss.util.CellReference(sheet.getSheetName(), 0, 1, true, true));
        chart.plot(data);
    }

    private static void header(XSSFSheet sheet, List<String> names, XSSFCellStyle bold) {
        XSSFRow row = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            row.createCell(c).setCellValue(names.get(c));
            row.getCell(c).setCellStyle(bold);
        }
    }
}
