package org.duban.tables;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads one sheet of an Excel workbook (.xlsx) as a {@link Table}: every cell as the text Excel
 * displays (a number typed as 1 reads "1", not "1.0"; a date as its format shows it, or in the
 * pattern given to {@link #datesAs}; a formula as its last computed value), rows numbered as Excel
 * numbers them. A cell merged down over several rows reads in each of those rows that holds
 * anything of its own (a responsible unit shared by three tasks belongs to each); a merge across
 * columns is one cell, read in its first column.
 *
 * <p>The sheet is streamed (POI's event API), so a workbook is never held in memory whole, and
 * the limits are checked before a row is kept: the file's size ({@link #maxBytes}), rows below the
 * header ({@link #maxRows}), {@value #MAX_COLUMNS} columns, and — against zip bombs — what one
 * part of the workbook may unpack to ({@link #MAX_PART_BYTES}) and how far it may expand (POI's
 * {@link ZipSecureFile} ratio). The two zip settings are POI's and hold for the whole JVM.
 */
public final class XlsxReader {

    public static final int DEFAULT_MAX_ROWS = 100_000;
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
    /** The most one part of a workbook (a sheet, the shared strings) may unpack to. */
    public static final long MAX_PART_BYTES = 100L * 1024 * 1024;
    /** A part that unpacks to more than 100 times its packed size is refused (POI's default, kept on purpose). */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** Column IV, the width of an Excel 2003 sheet; no table read here comes near it. */
    public static final int MAX_COLUMNS = 256;

    /** The main parts of a workbook, a template and their macro-enabled kinds (.xlsx, .xltx, .xlsm, .xltm). */
    private static final Set<String> WORKBOOK_TYPES = Stream.of(XSSFRelation.WORKBOOK, XSSFRelation.TEMPLATE_WORKBOOK,
            XSSFRelation.MACROS_WORKBOOK, XSSFRelation.MACRO_TEMPLATE_WORKBOOK).map(XSSFRelation::getContentType)
            .collect(Collectors.toUnmodifiableSet());

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    }

    private final String sheetName;
    private final int maxRows;
    private final long maxBytes;
    private final DateTimeFormatter dates;

    private XlsxReader(String sheetName, int maxRows, long maxBytes, DateTimeFormatter dates) {
        if (maxRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxRows + " rows, " + maxBytes + " bytes");
        }
        this.sheetName = sheetName;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.dates = dates;
    }

    /** The first sheet in the workbook's order, hidden or not. */
    public static XlsxReader firstSheet() {
        return new XlsxReader(null, DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES, null);
    }

    /** The sheet of this name; a workbook without it is a {@link TableException}. */
    public static XlsxReader sheet(String name) {
        return new XlsxReader(name, DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES, null);
    }

    /** At most this many rows below the header; more is a {@link TooManyRowsException}. */
    public XlsxReader maxRows(int maxRows) {
        return new XlsxReader(sheetName, maxRows, maxBytes, dates);
    }

    /** At most this many bytes of file. */
    public XlsxReader maxBytes(long maxBytes) {
        return new XlsxReader(sheetName, maxRows, maxBytes, dates);
    }

    /** Cells formatted as dates read in this pattern instead of their own (times of day stay as shown). */
    public XlsxReader datesAs(DateTimeFormatter pattern) {
        return new XlsxReader(sheetName, maxRows, maxBytes, pattern);
    }

    /** An empty stream is an empty table; anything else must be a workbook. */
    public Table read(InputStream in) {
        Path file = null;
        try {
            file = Files.createTempFile("duban-table-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge();
                    }
                    out.write(buffer, 0, n);
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // the temporary directory is cleaned by the system; nothing the sender can do about it
                }
            }
        }
    }

    /** An empty file is an empty table; anything else must be a workbook. */
    public Table read(Path file) {
        OPCPackage workbook = null;
        try {
            long size = Files.size(file);
            if (size == 0) {
                return Table.empty();
            }
            if (size > maxBytes) {
                throw tooLarge();
            }
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return read(workbook);
        } catch (TableException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            // POI signals a file that is no workbook with a variety of exceptions
            throw unreadable(e);
        } finally {
            if (workbook != null) {
                workbook.revert(); // closes a package opened for reading without trying to save it
            }
        }
    }

    private Table read(OPCPackage workbook) throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        requireWorkbook(workbook);
        XSSFReader parts = new XSSFReader(workbook);
        boolean date1904 = date1904(parts);
        StylesTable styles = parts.getStylesTable();
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) parts.getSheetsData();
        List<String> names = new ArrayList<>();
        while (sheets.hasNext()) {
            try (InputStream sheet = sheets.next()) {
                String name = sheets.getSheetName();
                if (sheetName == null || sheetName.equals(name)) {
                    return readSheet(sheet, styles, strings, new DisplayedText(date1904, dates));
                }
                names.add(name);
            }
        }
        if (sheetName == null) {
            return Table.empty();
        }
        throw new TableException("the workbook has no sheet named '" + sheetName + "'; its sheets are " + names, null);
    }

    private Table readSheet(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings, DataFormatter text)
            throws IOException, SAXException, ParserConfigurationException {
        SheetRows rows = new SheetRows(new RowCollector(maxRows));
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new SheetXml(new XSSFSheetXMLHandler(styles, strings, rows, text, false), rows));
        xml.parse(new InputSource(sheet));
        return rows.table();
    }

    /** A Word document or a presentation is a package too; POI would read its main part as a workbook without sheets. */
    private static void requireWorkbook(OPCPackage workbook) throws InvalidFormatException {
        PackageRelationshipCollection main = workbook.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        PackagePart part = main.size() == 0 ? null : workbook.getPart(main.getRelationship(0));
        if (part == null || !WORKBOOK_TYPES.contains(part.getContentType())) {
            throw new InvalidFormatException("the package's main part is " + (part == null ? "missing" : part.getContentType()));
        }
    }

    /** Whether dates count from 1904 (old Macintosh workbooks) instead of 1900. */
    private static boolean date1904(XSSFReader parts)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        boolean[] found = {false};
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("workbookPr".equals(localName)) {
                    String value = attributes.getValue("date1904");
                    found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                }
            }
        });
        try (InputStream in = parts.getWorkbookData()) {
            xml.parse(new InputSource(in));
        }
        return found[0];
    }

    private TableException tooLarge() {
        return new TableException("the file is larger than " + maxBytes / (1024 * 1024) + " MB", null);
    }

    private static TableException unreadable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb")) {
                return new TableException("the workbook unpacks to far more data than its size allows (as a zip bomb "
                        + "would); it was not read", e);
            }
        }
        return new TableException("the file is not a readable Excel workbook (.xlsx)", e);
    }

    /** Excel's display of a number cell, with the workbook's date system and the chosen date pattern. */
    private static final class DisplayedText extends DataFormatter {

        private final boolean date1904;
        private final DateTimeFormatter dates;

        DisplayedText(boolean date1904, DateTimeFormatter dates) {
            super(Locale.ROOT);
            this.date1904 = date1904;
            this.dates = dates;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, date1904);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            // below 1 a "date" is a time of day, which a date pattern would turn into 1899-12-31
            if (dates != null && value >= 1 && DateUtil.isValidExcelDate(value) && DateUtil.isADateFormat(formatIndex, formatString)) {
                return dates.format(DateUtil.getLocalDateTime(value, use1904Windowing));
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    /** The cells POI finds, assembled into rows; merged regions noted for the end. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowCollector collector;
        private final List<CellRangeAddress> merged = new ArrayList<>();
        private List<String> cells = new ArrayList<>();
        private int nextColumn;
        private boolean errorCell;

        SheetRows(RowCollector collector) {
            this.collector = collector;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            String text = formattedValue == null ? "" : formattedValue;
            if (errorCell && text.startsWith("ERROR:")) {
                text = text.substring("ERROR:".length()); // #N/A, #DIV/0! as Excel shows them
            }
            if (column >= MAX_COLUMNS) {
                if (text.isBlank()) {
                    return;
                }
                throw new TableException(rowOf(reference), "cell " + reference + " lies beyond column "
                        + CellReference.convertNumToColString(MAX_COLUMNS - 1) + "; at most " + MAX_COLUMNS
                        + " columns are read", null);
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, text);
            nextColumn = column + 1;
        }

        @Override
        public void endRow(int rowNum) {
            collector.add(rowNum + 1, cells);
        }

        private int rowOf(String reference) {
            return reference == null ? 0 : new CellReference(reference).getRow() + 1;
        }

        Table table() {
            Table table = collector.table();
            return merged.isEmpty() ? table : fillMergedDown(table);
        }

        private Table fillMergedDown(Table table) {
            Map<Integer, List<String>> byLine = new HashMap<>();
            table.rows().forEach(row -> byLine.put(row.line(), new ArrayList<>(row.cells())));
            for (CellRangeAddress region : merged) {
                List<String> top = byLine.get(region.getFirstRow() + 1);
                int column = region.getFirstColumn();
                if (top == null || column >= top.size() || top.get(column).isBlank()) {
                    continue;
                }
                for (int line = region.getFirstRow() + 2; line <= region.getLastRow() + 1; line++) {
                    List<String> row = byLine.get(line);
                    if (row == null) {
                        continue; // a row with nothing of its own is no row of the table
                    }
                    while (row.size() <= column) {
                        row.add("");
                    }
                    if (row.get(column).isBlank()) {
                        row.set(column, top.get(column));
                    }
                }
            }
            return new Table(table.rows().stream().map(row -> new TableRow(row.line(), byLine.get(row.line()))).toList());
        }
    }

    /** Passes the sheet to POI's handler, noting what it does not report: merged regions, error cells. */
    private static final class SheetXml extends DefaultHandler {

        private final XSSFSheetXMLHandler cells;
        private final SheetRows rows;

        SheetXml(XSSFSheetXMLHandler cells, SheetRows rows) {
            this.cells = cells;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
                rows.merged.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
            } else if ("c".equals(localName)) {
                rows.errorCell = "e".equals(attributes.getValue("t"));
            }
            cells.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            cells.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            cells.characters(ch, start, length);
        }
    }
}
