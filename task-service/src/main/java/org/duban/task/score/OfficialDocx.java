package org.duban.task.score;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A Word document laid out the way Chinese official documents are (GB/T 9704 in spirit): the issuing office's name
 * in red as the header (红头), the document number line above a red rule, the title in 小标宋 二号, the body in
 * 仿宋 三号 with two characters' indent, headings in 黑体 (一、) and 楷体 (（一）), tables and charts in the body,
 * the issuer and the date line at the end. Fonts are named, not embedded: a machine without them shows its
 * nearest Song or Fangsong face.
 */
final class OfficialDocx implements AutoCloseable {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final String XIAOBIAOSONG = "方正小标宋简体";
    static final String FANGSONG = "仿宋_GB2312";
    static final String HEITI = "黑体";
    static final String KAITI = "楷体_GB2312";
    private static final String RED = "FF0000";
    /** 二号, 三号, 四号, 小四 in points. */
    static final int ERHAO = 22;
    static final int SANHAO = 16;
    static final int SIHAO = 14;
    static final int XIAOSI = 12;

    private final XWPFDocument doc = new XWPFDocument();

    /** The issuing office's name in red, centred, large: the 红头. */
    void redHeader(String issuer) {
        XWPFParagraph p = paragraph(ParagraphAlignment.CENTER);
        p.setSpacingAfter(200);
        run(p, issuer, XIAOBIAOSONG, 36, true).setColor(RED);
    }

    /** The document number line, centred, with the red rule under it. */
    void numberLine(String text) {
        XWPFParagraph p = paragraph(ParagraphAlignment.CENTER);
        run(p, text, FANGSONG, SANHAO, false);
        p.setBorderBottom(Borders.THICK);
        CTBorder bottom = p.getCTP().getPPr().getPBdr().getBottom();
        bottom.setColor(RED);
        p.setSpacingAfter(400);
    }

    void title(String text) {
        XWPFParagraph p = paragraph(ParagraphAlignment.CENTER);
        p.setSpacingAfter(300);
        run(p, text, XIAOBIAOSONG, ERHAO, false);
    }

    /** A line without indent (主送机关). */
    void line(String text) {
        run(paragraph(ParagraphAlignment.LEFT), text, FANGSONG, SANHAO, false);
    }

    /** A body paragraph, indented by two characters; a paragraph starting （一） leads with 楷体. */
    void paragraph(String text) {
        XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(SANHAO * 2 * 20);
        if (text.startsWith("（") && text.indexOf('）') > 0 && text.indexOf('）') <= 4) {
            int end = text.indexOf('）') + 1;
            run(p, text.substring(0, end), KAITI, SANHAO, false);
            run(p, text.substring(end), FANGSONG, SANHAO, false);
        } else {
            run(p, text, FANGSONG, SANHAO, false);
        }
    }

    /** 一、总体情况: 黑体, indented like the body. */
    void heading(String text) {
        XWPFParagraph p = paragraph(ParagraphAlignment.LEFT);
        p.setFirstLineIndent(SANHAO * 2 * 20);
        run(p, text, HEITI, SANHAO, false);
    }

    /** A table with a bold header row, in 仿宋 小四. */
    void table(List<String> header, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidth("100%");
        fill(table.getRow(0), header, true);
        for (int r = 0; r < rows.size(); r++) {
            fill(table.getRow(r + 1), rows.get(r), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph p = cell.getParagraphs().getFirst();
            p.setAlignment(ParagraphAlignment.CENTER);
            run(p, cells.get(c), bold ? HEITI : FANGSONG, XIAOSI, false);
        }
    }

    /** A column chart of one series, its data kept in the chart's own workbook (so Word can edit it). */
    void barChart(String title, String seriesTitle, List<String> labels, List<Double> values) {
        try {
            XWPFChart chart = doc.createChart(15 * Units.EMU_PER_CENTIMETER, 9 * Units.EMU_PER_CENTIMETER);
            chart.setTitleText(title);
            chart.setTitleOverlay(false);
            XSSFSheet sheet = chart.getWorkbook().getSheetAt(0);
            cell(sheet, 0, 0).setCellValue("单位");
            cell(sheet, 0, 1).setCellValue(seriesTitle);
            for (int i = 0; i < labels.size(); i++) {
                cell(sheet, i + 1, 0).setCellValue(labels.get(i));
                cell(sheet, i + 1, 1).setCellValue(values.get(i));
            }
            XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(labels.toArray(String[]::new),
                    chart.formatRange(new CellRangeAddress(1, labels.size(), 0, 0)), 0);
            XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromArray(values.toArray(Double[]::new),
                    chart.formatRange(new CellRangeAddress(1, labels.size(), 1, 1)), 1);
            XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
            left.setCrosses(AxisCrosses.AUTO_ZERO);
            left.setCrossBetween(AxisCrossBetween.BETWEEN);
            left.setMinimum(0);
            left.setMaximum(100);
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
            data.setBarDirection(BarDirection.COL);
            data.setVaryColors(false);
            XDDFChartData.Series series = data.addSeries(categories, numbers);
            series.setTitle(seriesTitle, new CellReference(sheet.getSheetName(), 0, 1, true, true));
            chart.plot(data);
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("could not draw the chart", e);
        }
    }

    private static org.apache.poi.xssf.usermodel.XSSFCell cell(XSSFSheet sheet, int row, int column) {
        XSSFRow r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        return r.getCell(column) != null ? r.getCell(column) : r.createCell(column);
    }

    /** The issuer and the date at the foot, right-aligned, after a blank line. */
    void signature(String issuer, String dateLine) {
        paragraph(ParagraphAlignment.LEFT);
        XWPFParagraph name = paragraph(ParagraphAlignment.RIGHT);
        name.setIndentationRight(SANHAO * 4 * 20);
        run(name, issuer, FANGSONG, SANHAO, false);
        XWPFParagraph date = paragraph(ParagraphAlignment.RIGHT);
        date.setIndentationRight(SANHAO * 4 * 20);
        run(date, dateLine, FANGSONG, SANHAO, false);
    }

    /** The document, its properties dated {@code asOf} (not the moment it was written), so the same day reads the same. */
    byte[] bytes(String title, String creator, LocalDate asOf) {
        var core = doc.getProperties().getCoreProperties();
        core.setTitle(title);
        core.setCreator(creator);
        core.setCreated(Optional.of(java.util.Date.from(asOf.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
        core.setModified(Optional.of(java.util.Date.from(asOf.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private XWPFParagraph paragraph(ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
        return run;
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
