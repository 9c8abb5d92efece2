package org.duban.tables;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a table as a one-sheet workbook that {@link XlsxReader} reads back unchanged: every cell
 * as text, the header row frozen so that it stays in view. Rows are streamed (POI's SXSSF), so a
 * long export does not hold the whole sheet in memory.
 */
public final class XlsxWriter {

    /** Rows kept in memory while writing; the rest wait in a compressed temporary file. */
    private static final int WINDOW = 200;

    private XlsxWriter() {
    }

    /** The header, then the rows; a null cell is left empty. */
    public static byte[] write(String sheetName, List<String> header, List<? extends List<String>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            sheet.createFreezePane(0, 1);
            write(sheet.createRow(0), header);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose(); // its temporary files
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c) != null && !cells.get(c).isEmpty()) {
                row.createCell(c).setCellValue(cells.get(c));
            }
        }
    }
}
