package org.duban.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes CSV that {@link CsvReader} reads back unchanged (Commons CSV): a cell is quoted when it
 * holds a comma, a quote, a line break or would otherwise read differently; a quote inside is
 * written twice.
 */
public final class CsvWriter {

    /**
     * For people: Excel opens a UTF-8 file with Chinese text correctly only when it starts with a
     * byte order mark; lines end in CRLF as RFC 4180 has them.
     */
    public static final CsvWriter EXCEL = new CsvWriter(true, "\r\n");
    /** For files kept with the code: no byte order mark, lines end in LF. */
    public static final CsvWriter PLAIN = new CsvWriter(false, "\n");

    private final boolean byteOrderMark;
    private final CSVFormat format;

    private CsvWriter(boolean byteOrderMark, String lineEnd) {
        this.byteOrderMark = byteOrderMark;
        this.format = CSVFormat.RFC4180.builder().setRecordSeparator(lineEnd).get();
    }

    /** The header, then the rows; a null cell is written empty. */
    public String write(List<String> header, List<? extends List<String>> rows) {
        StringBuilder out = new StringBuilder();
        if (byteOrderMark) {
            out.append('\uFEFF');
        }
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }
}
