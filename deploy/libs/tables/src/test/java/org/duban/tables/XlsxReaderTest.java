package org.duban.tables;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxReaderTest {

    private static final XlsxReader FIRST = XlsxReader.firstSheet();

    private static TableRow row(int line, String... cells) {
        return new TableRow(line, List.of(cells));
    }

    static byte[] workbook(Consumer<XSSFWorkbook> content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One cell in A1 of a fresh sheet, formatted with {@code format} unless null. */
    private static byte[] oneCell(Consumer<org.apache.poi.ss.usermodel.Cell> value, String format) {
        return workbook(workbook -> {
            org.apache.poi.ss.usermodel.Cell cell = workbook.createSheet().createRow(0).createCell(0);
            value.accept(cell);
            if (format != null) {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
                cell.setCellStyle(style);
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
    }

    private static Table read(XlsxReader reader, byte[] xlsx) {
        return reader.read(new ByteArrayInputStream(xlsx));
    }

    static Stream<Arguments> cells() {
        DateTimeFormatter chinese = DateTimeFormatter.ofPattern("yyyy年M月d日");
        return Stream.of(
                Arguments.of("a whole number, not 1.0", oneCell(c -> c.setCellValue(1), null), FIRST, "1"),
                Arguments.of("a division code typed as a number", oneCell(c -> c.setCellValue(340100), null), FIRST, "340100"),
                Arguments.of("a fraction", oneCell(c -> c.setCellValue(1.5), null), FIRST, "1.5"),
                Arguments.of("a number format", oneCell(c -> c.setCellValue(3.1), "0.00"), FIRST, "3.10"),
                Arguments.of("text that looks like a number", oneCell(c -> c.setCellValue("007"), null), FIRST, "007"),
                Arguments.of("Chinese text", oneCell(c -> c.setCellValue("省发展改革委"), null), FIRST, "省发展改革委"),
                Arguments.of("a date as its format shows it", oneCell(c -> c.setCellValue(LocalDate.of(2022, 9, 30)), "yyyy-mm-dd"),
                        FIRST, "2022-09-30"),
                Arguments.of("a date in the pattern asked for", oneCell(c -> c.setCellValue(LocalDate.of(2022, 9, 30)), "yyyy-mm-dd"),
                        FIRST.datesAs(chinese), "2022年9月30日"),
                Arguments.of("a date and time in a date pattern", oneCell(c -> c.setCellValue(LocalDateTime.of(2022, 9, 30, 17, 30)),
                        "yyyy-mm-dd hh:mm"), FIRST.datesAs(chinese), "2022年9月30日"),
                Arguments.of("a time of day is no date", oneCell(c -> c.setCellValue(0.5), "hh:mm"), FIRST.datesAs(chinese), "12:00"),
                Arguments.of("a formula's value", oneCell(c -> c.setCellFormula("\"省\"&\"政府\""), null), FIRST, "省政府"),
                Arguments.of("a number formula's value", oneCell(c -> c.setCellFormula("2*3"), null), FIRST, "6"),
                Arguments.of("an error as Excel shows it", oneCell(c -> c.setCellFormula("1/0"), null), FIRST, "#DIV/0!"),
                Arguments.of("a truth value", oneCell(c -> c.setCellValue(true), null), FIRST, "TRUE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyCellReadsAsExcelShowsIt(String name, byte[] xlsx, XlsxReader reader, String text) {
        assertEquals(List.of(row(1, text)), read(reader, xlsx).rows());
    }

    @Test
    void datesOfA1904WorkbookKeepTheirDay() {
        byte[] xlsx = workbook(workbook -> {
            workbook.getCTWorkbook().getWorkbookPr().setDate1904(true);
            assertTrue(workbook.isDate1904());
            org.apache.poi.ss.usermodel.Cell cell = workbook.createSheet().createRow(0).createCell(0);
            cell.setCellValue(LocalDate.of(2022, 9, 30));
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            cell.setCellStyle(style);
        });
        assertEquals("2022-09-30", read(FIRST, xlsx).rows().getFirst().cell(0));
        assertEquals("2022年9月30日", read(FIRST.datesAs(DateTimeFormatter.ofPattern("yyyy年M月d日")), xlsx).rows().getFirst().cell(0));
    }

    @Test
    void blankCellsAndRowsKeepThePlacesOfTheOthers() {
        byte[] xlsx = workbook(workbook -> {
            Sheet sheet = workbook.createSheet();
            Row header = sheet.createRow(1);
            header.createCell(0).setCellValue("code");
            header.createCell(2).setCellValue("name");
            sheet.createRow(2).createCell(1).setCellValue("  "); // whitespace only: no row
            sheet.createRow(3).createCell(3); // a blank cell: no row
            Row data = sheet.createRow(4);
            data.createCell(0).setCellValue("x");
            data.createCell(3).setCellValue("z");
        });
        Table table = read(FIRST, xlsx);
        assertEquals(row(2, "code", "", "name"), table.header());
        assertEquals(List.of(row(5, "x", "", "", "z")), table.body());
    }

    @Test
    void aCellMergedDownReadsInEachRowThatHoldsAnything() {
        byte[] xlsx = workbook(workbook -> {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("关于印发重点工作任务分工的通知"); // merged across: one cell
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
            for (int r = 1; r <= 3; r++) {
                Row row = sheet.createRow(r);
                row.createCell(1).setCellValue(r);
                row.createCell(2).setCellValue("要求" + r);
            }
            sheet.getRow(1).createCell(3).setCellValue("省发展改革委"); // one unit for three tasks
            sheet.addMergedRegion(CellRangeAddress.valueOf("D2:D4"));
            sheet.createRow(4).createCell(0).setCellValue("备注");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A5:A7")); // rows 6 and 7 hold nothing else
            Row last = sheet.createRow(7);
            last.createCell(1).setCellValue("自填");
            last.createCell(3).setCellValue("已填");
            sheet.addMergedRegion(CellRangeAddress.valueOf("D8:D9"));
        });
        assertEquals(List.of(
                row(1, "关于印发重点工作任务分工的通知"),
                row(2, "", "1", "要求1", "省发展改革委"),
                row(3, "", "2", "要求2", "省发展改革委"),
                row(4, "", "3", "要求3", "省发展改革委"),
                row(5, "备注"),
                row(8, "", "自填", "", "已填")), read(FIRST, xlsx).rows());
    }

    @Test
    void theFirstOrANamedSheet() {
        byte[] xlsx = workbook(workbook -> {
            workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("请填第二页");
            workbook.createSheet("单位").createRow(0).createCell(0).setCellValue("code");
        });
        assertEquals("请填第二页", read(FIRST, xlsx).header().cell(0));
        assertEquals("code", read(XlsxReader.sheet("单位"), xlsx).header().cell(0));
        TableException missing = assertThrows(TableException.class, () -> read(XlsxReader.sheet("任务"), xlsx));
        assertEquals("the workbook has no sheet named '任务'; its sheets are [说明, 单位]", missing.getMessage());
        assertTrue(read(FIRST, workbook(w -> { })).isEmpty(), "a workbook without sheets");
        assertTrue(read(FIRST, new byte[0]).isEmpty(), "an empty file");
    }

    @Test
    void rowsBelowTheHeaderAreLimitedAndCounted() {
        byte[] xlsx = workbook(workbook -> {
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r <= 5; r++) {
                sheet.createRow(r).createCell(0).setCellValue("r" + r);
            }
        });
        assertEquals(5, read(FIRST.maxRows(5), xlsx).body().size());
        TooManyRowsException e = assertThrows(TooManyRowsException.class, () -> read(FIRST.maxRows(4), xlsx));
        assertEquals(5, e.found());
    }

    @Test
    void aCellFarToTheRightIsRefusedWithItsRow() {
        byte[] xlsx = workbook(workbook -> {
            Row row = workbook.createSheet().createRow(2);
            row.createCell(0).setCellValue("a");
            row.createCell(300).setCellValue("far");
        });
        TableException e = assertThrows(TableException.class, () -> read(FIRST, xlsx));
        assertEquals(3, e.line());
        assertEquals("line 3: cell KO3 lies beyond column IV; at most 256 columns are read", e.getMessage());
    }

    @Test
    void whatIsNoWorkbookIsUnreadable() {
        for (byte[] notXlsx : List.of("code,name\n".getBytes(StandardCharsets.UTF_8), new byte[]{1, 2, 3}, docx())) {
            TableException e = assertThrows(TableException.class, () -> read(FIRST, notXlsx));
            assertEquals("the file is not a readable Excel workbook (.xlsx)", e.getMessage());
        }
    }

    @Test
    void aFileOverTheSizeLimitIsNotRead() {
        byte[] xlsx = oneCell(c -> c.setCellValue("x"), null);
        assertEquals(1, read(FIRST.maxBytes(xlsx.length), xlsx).rows().size());
        TableException e = assertThrows(TableException.class, () -> read(FIRST.maxBytes(xlsx.length - 1), xlsx));
        assertTrue(e.getMessage().startsWith("the file is larger than"), e.getMessage());
    }

    @Test
    void aZipBombIsRefusedBeforeItUnpacks() throws IOException {
        // a real workbook whose sheet is padded with 20 MB of spaces: they pack to almost nothing
        byte[] xlsx = oneCell(c -> c.setCellValue("x"), null);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</worksheet>");
                    out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 20; i++) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        assertTrue(bomb.size() < 200_000, "packed " + bomb.size());
        TableException e = assertThrows(TableException.class, () -> read(FIRST, bomb.toByteArray()));
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
    }

    @Test
    void whatTheWriterWritesReadsBackUnchanged() throws IOException {
        List<String> header = List.of("code", "name", "divisionCode", "active");
        List<List<String>> rows = List.of(
                List.of("gov-340100", "合肥市人民政府", "340100", "true"),
                java.util.Arrays.asList("dept-x", null, "", "false"),
                List.of("dept-y", "两\n行", "007", "1.0"));
        byte[] xlsx = XlsxWriter.write("units", header, rows);
        List<List<String>> back = read(XlsxReader.sheet("units"), xlsx).rows().stream().map(TableRow::cells).toList();
        assertEquals(List.of(header, rows.get(0), List.of("dept-x", "", "", "false"), rows.get(2)), back);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertTrue(workbook.getSheet("units").getPaneInformation().isFreezePane(), "the header stays in view");
        }
    }

    private static byte[] docx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("不是表格");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
