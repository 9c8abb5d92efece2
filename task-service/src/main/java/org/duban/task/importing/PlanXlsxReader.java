package org.duban.task.importing;

import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import org.duban.tables.TableException;
import org.duban.tables.XlsxReader;

/**
 * Reads a plan sent as an Excel workbook (.xlsx): the first sheet, with the columns of the
 * document's table. Rows above the table, if any, hold the notice. Lines are the sheet's row
 * numbers as Excel shows them. A cell merged down over several tasks (one responsible unit or one
 * deadline for three tasks, a category beside its tasks) belongs to each of them.
 */
public final class PlanXlsxReader {

    /** A date typed into a cell reads the way the plan would write it, so the deadline rules apply. */
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    /** Far more rows than a plan has (the 2022 Anhui plan: 44 tasks); a sheet beyond it is no plan. */
    private static final int MAX_ROWS = 5_000;
    private static final XlsxReader SHEET = XlsxReader.firstSheet().datesAs(CHINESE_DATE).maxRows(MAX_ROWS);

    public PlanSource read(InputStream in) {
        try {
            return PlanSource.split(SHEET.read(in).rows().stream().map(row -> new PlanRow(row.line(), row.cells())).toList());
        } catch (TableException e) {
            // "The file is not a readable Excel workbook (.xlsx).", or what else keeps it from being read
            String message = e.getMessage();
            throw new UnreadablePlanException(Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".", e);
        }
    }
}
