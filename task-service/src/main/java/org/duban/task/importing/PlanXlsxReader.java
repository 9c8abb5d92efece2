package org.duban.task.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a plan sent as an Excel workbook (.xlsx): the first sheet, with the columns of the
 * document's table. Rows above the table, if any, hold the notice. Lines are the sheet's row
 * numbers as Excel shows them.
 */
public final class PlanXlsxReader {

    /** A date typed into a cell reads the way the plan would write it, so the deadline rules apply. */
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    public PlanSource read(InputStream in) {
        byte[] bytes = ReadBytes.all(in);
        if (bytes.length == 0) {
            return PlanSource.empty();
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                return PlanSource.empty();
            }
            return PlanSource.split(rows(workbook.getSheetAt(0), workbook.getCreationHelper().createFormulaEvaluator()));
        } catch (IOException | RuntimeException e) {
            // POI signals a file that is no workbook with a variety of runtime exceptions
            throw new UnreadablePlanException("The file is not a readable Excel workbook (.xlsx).", e);
        }
    }

    private static List<PlanRow> rows(Sheet sheet, FormulaEvaluator evaluator) {
        DataFormatter formatter = new DataFormatter();
        List<PlanRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int column = 0; column < Math.max(row.getLastCellNum(), 0); column++) {
                Cell cell = row.getCell(column);
                cells.add(cell == null ? "" : text(cell, formatter, evaluator));
            }
            rows.add(new PlanRow(row.getRowNum() + 1, cells));
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        CellType type = cell.getCellType() == CellType.FORMULA ? evaluator.evaluateFormulaCell(cell) : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(CHINESE_DATE);
        }
        // numbers as Excel shows them: a task number typed as 1 reads "1", not "1.0"
        return formatter.formatCellValue(cell, evaluator);
    }
}
