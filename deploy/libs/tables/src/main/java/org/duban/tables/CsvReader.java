package org.duban.tables;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Reads CSV as RFC 4180 has it (Commons CSV): cells separated by commas, a cell in double quotes
 * may hold commas, quotes written twice ({@code ""}) and line breaks; lines end in CRLF, LF or CR.
 * A leading byte order mark (Excel's "CSV UTF-8") is skipped. Each row keeps the line it starts on;
 * rows of nothing but whitespace are left out. Quotes that do not pair up are an error naming the
 * line of the row, never a silently merged cell.
 */
public final class CsvReader {

    public static final int DEFAULT_MAX_ROWS = 100_000;

    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            // an empty line is a record of its own, so that every record's first line can be counted
            .setIgnoreEmptyLines(false)
            .get();

    private final int maxRows;

    public CsvReader() {
        this(DEFAULT_MAX_ROWS);
    }

    private CsvReader(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /** At most this many rows below the header; more is a {@link TooManyRowsException}. */
    public CsvReader maxRows(int maxRows) {
        return new CsvReader(maxRows);
    }

    public Table read(String text) {
        return read(new StringReader(text));
    }

    /** UTF-8 bytes, with or without a byte order mark; other bytes are a {@link TableException}. */
    public Table readUtf8(InputStream in) {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    public Table read(Reader reader) {
        RowCollector rows = new RowCollector(maxRows);
        try (CSVParser parser = CSVParser.builder().setReader(withoutBom(reader)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // the parser has consumed the line breaks of every record before this one
                int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                } catch (UncheckedIOException e) {
                    throw unreadable(line, e.getCause());
                }
                rows.add(line, records.next().toList());
            }
        } catch (IOException e) {
            throw unreadable(0, e);
        }
        return rows.table();
    }

    private static TableException unreadable(int line, IOException cause) {
        if (cause instanceof CSVException) {
            return new TableException(line, "the quotes of this row do not pair up: a quoted cell must end with a quote "
                    + "followed by a comma or the end of the line, and a quote inside it is written twice (\"\")", cause);
        }
        if (cause instanceof CharacterCodingException) {
            return new TableException("the file is not UTF-8 text", cause);
        }
        throw new UncheckedIOException(cause);
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        buffered.mark(1);
        if (buffered.read() != BOM) {
            buffered.reset();
        }
        return buffered;
    }
}
