package org.duban.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.duban.task.SamplePlan;
import org.junit.jupiter.api.Test;

/**
 * The Anhui plan rebuilt as the Word document and the Excel sheet an office would send: the same
 * notice and rows, so every format must read to the same plan as the published text.
 */
public class PlanFormatsTest {

    private static final int COLUMNS = 6;
    private static final ParsedPlan FROM_TEXT = SamplePlan.plan();

    /** Lines differ between formats; everything else must not. */
    private static List<ParsedTask> withoutLines(List<ParsedTask> tasks) {
        return tasks.stream().map(t -> new ParsedTask(t.number(), t.category(), t.subcategory(), t.requirement(),
                t.responsibilityText(), t.deadlineText(), 0)).toList();
    }

    private static boolean pageHeader(PlanRow row) {
        return row.filledCells().contains("具体要求");
    }

    private static List<String> padded(PlanRow row) {
        List<String> cells = new ArrayList<>(row.cells());
        while (cells.size() < COLUMNS) {
            cells.add("");
        }
        return cells.subList(0, COLUMNS);
    }

    @Test
    void aWordDocumentReadsLikeTheText() {
        ParsedPlan plan = new PlanAssembler().assemble(new PlanDocxReader().read(new ByteArrayInputStream(sampleDocx())));
        assertEquals(List.of(), plan.problems());
        assertEquals(FROM_TEXT.metadata(), plan.metadata());
        assertEquals(44, plan.tasks().size());
        assertEquals(withoutLines(FROM_TEXT.tasks()), withoutLines(plan.tasks()));
    }

    @Test
    void anExcelSheetWithTheNoticeAboveReadsLikeTheText() {
        ParsedPlan plan = new PlanAssembler().assemble(new PlanXlsxReader().read(new ByteArrayInputStream(sampleXlsx(true))));
        assertEquals(List.of(), plan.problems());
        assertEquals(FROM_TEXT.metadata(), plan.metadata());
        assertEquals(withoutLines(FROM_TEXT.tasks()), withoutLines(plan.tasks()));
        // lines are the sheet's row numbers: 8 notice rows, the header on row 9
        assertEquals(10, plan.tasks().get(0).line());
    }

    @Test
    void anExcelSheetWithoutNoticeHasTheTasksButNoMetadata() {
        ParsedPlan plan = new PlanAssembler().assemble(new PlanXlsxReader().read(new ByteArrayInputStream(sampleXlsx(false))));
        assertEquals(List.of(), plan.problems());
        assertEquals(PlanMetadata.NONE, plan.metadata());
        assertEquals(withoutLines(FROM_TEXT.tasks()), withoutLines(plan.tasks()));
    }

    @Test
    void aDateTypedIntoAnExcelCellReadsAsAChineseDate() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue("一、类。");
            row.createCell(1).setCellValue(1);
            row.createCell(2).setCellValue("要求。");
            row.createCell(3).setCellValue("省司法厅负责落实");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            row.createCell(4).setCellValue(LocalDate.of(2022, 9, 30));
            row.getCell(4).setCellStyle(dateStyle);
            workbook.write(out);
            PlanSource source = new PlanXlsxReader().read(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(List.of("一、类。", "1", "要求。", "省司法厅负责落实", "2022年9月30日"), source.rows().get(0).cells());
            assertEquals(LocalDate.of(2022, 9, 30), new DeadlineReader().read("2022年9月30日", null, 0).dueDate());
        }
    }

    /** The reader this replaced left the merged cell in its first row only: "Task 2 is missing a cell". */
    @Test
    void cellsMergedDownOverSeveralTasksBelongToEach() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            for (int task = 1; task <= 3; task++) {
                Row row = sheet.createRow(task - 1);
                row.createCell(1).setCellValue(task);
                row.createCell(2).setCellValue("要求" + task + "。");
            }
            sheet.getRow(0).createCell(0).setCellValue("一、类。");
            sheet.getRow(0).createCell(3).setCellValue("省司法厅负责落实");
            sheet.getRow(0).createCell(4).setCellValue("2022年9月30日");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:A3"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("D1:D3"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("E1:E3"));
            workbook.write(out);
            ParsedPlan plan = new PlanAssembler().assemble(new PlanXlsxReader().read(new ByteArrayInputStream(out.toByteArray())));
            assertEquals(List.of(), plan.problems());
            assertEquals(List.of(1, 2, 3), plan.tasks().stream().map(ParsedTask::number).toList());
            assertEquals(List.of(2, 3), plan.tasks().subList(1, 3).stream().map(ParsedTask::line).toList());
            plan.tasks().forEach(task -> {
                assertEquals("省司法厅负责落实", task.responsibilityText());
                assertEquals("2022年9月30日", task.deadlineText());
                assertEquals(1, task.category().ordinal());
            });
        }
    }

    @Test
    void aWordDocumentWithoutTableIsNoPlan() {
        ParsedPlan plan = new PlanAssembler().assemble(new PlanDocxReader().read(new ByteArrayInputStream(docx(document -> {
            document.createParagraph().createRun().setText("静夜思");
            document.createParagraph().createRun().setText("床前明月光，疑是地上霜。");
        }))));
        assertEquals(List.of(LineProblem.document("No task table was found: a plan needs a table of numbered tasks with "
                + "their requirement, responsible units (责任单位) and deadline (时限要求).")), plan.problems());
    }

    @Test
    void emptyFilesAreEmptyDocuments() {
        LineProblem empty = LineProblem.document("The document is empty.");
        PlanAssembler assembler = new PlanAssembler();
        assertEquals(List.of(empty), assembler.assemble(new PlanDocxReader().read(new ByteArrayInputStream(new byte[0]))).problems());
        assertEquals(List.of(empty), assembler.assemble(new PlanXlsxReader().read(new ByteArrayInputStream(new byte[0]))).problems());
        assertEquals(List.of(empty), assembler.assemble(new PlanDocxReader().read(new ByteArrayInputStream(docx(d -> { })))).problems());
        assertEquals(List.of(empty), assembler.assemble(new PlanTextReader().read(new ByteArrayInputStream(new byte[0]))).problems());
    }

    @Test
    void aFileOfTheWrongFormatIsUnreadable() {
        byte[] text = SamplePlan.text().getBytes(StandardCharsets.UTF_8);
        assertEquals("The file is not a readable Word document (.docx).",
                assertThrows(UnreadablePlanException.class, () -> new PlanDocxReader().read(new ByteArrayInputStream(text))).getMessage());
        assertEquals("The file is not a readable Excel workbook (.xlsx).",
                assertThrows(UnreadablePlanException.class, () -> new PlanXlsxReader().read(new ByteArrayInputStream(sampleDocx()))).getMessage());
    }

    @Test
    void aTextSavedAsGb18030ReadsLikeUtf8() {
        byte[] gb = SamplePlan.text().getBytes(Charset.forName("GB18030"));
        ParsedPlan plan = new PlanAssembler().assemble(new PlanTextReader().read(new ByteArrayInputStream(gb)));
        assertEquals(FROM_TEXT, plan);
    }

    /** The notice as paragraphs, then one table per printed page, each opening with the header row. */
    public static byte[] sampleDocx() {
        PlanSource source = SamplePlan.source();
        return docx(document -> {
            source.preamble().forEach(row -> document.createParagraph().createRun().setText(String.join("", row.cells())));
            XWPFTable table = null;
            for (PlanRow row : source.rows()) {
                if (row.blank()) {
                    continue;
                }
                if (pageHeader(row)) {
                    document.createParagraph(); // Word keeps tables apart with a paragraph
                    table = document.createTable(1, COLUMNS);
                    fill(table.getRow(0), padded(row));
                } else {
                    fill(table.createRow(), padded(row));
                }
            }
        });
    }

    private static void fill(XWPFTableRow row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.getCell(i).setText(cells.get(i));
        }
    }

    private static byte[] docx(java.util.function.Consumer<XWPFDocument> content) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(document);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One header row, task numbers as numbers, like a sheet typed in Excel; optionally the notice above. */
    public static byte[] sampleXlsx(boolean withNotice) {
        PlanSource source = SamplePlan.source();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("任务分工");
            int next = 0;
            if (withNotice) {
                for (PlanRow row : source.preamble()) {
                    if (!row.blank()) {
                        sheet.createRow(next++).createCell(0).setCellValue(String.join("", row.cells()));
                    }
                }
            }
            boolean headerWritten = false;
            for (PlanRow row : source.rows()) {
                if (row.blank() || pageHeader(row) && headerWritten) {
                    continue;
                }
                headerWritten |= pageHeader(row);
                Row sheetRow = sheet.createRow(next++);
                List<String> cells = padded(row);
                for (int i = 0; i < cells.size(); i++) {
                    String cell = cells.get(i);
                    if (cell.matches("[0-9]+")) {
                        sheetRow.createCell(i).setCellValue(Integer.parseInt(cell));
                    } else if (!cell.isEmpty()) {
                        sheetRow.createCell(i).setCellValue(cell);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
