package org.duban.reminder.calendar;

import org.duban.tables.CsvReader;
import org.duban.tables.CsvWriter;
import org.duban.tables.Table;
import org.duban.tables.TableException;
import org.duban.tables.TableRow;
import org.duban.tables.TooManyRowsException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The holiday schedule as CSV, the format of the shipped {@code china-holidays.csv}: a header
 * {@code date,kind,holiday,scheduleYear} (also accepted: {@code name} for {@code holiday},
 * {@code noticeYear} for {@code scheduleYear}), then one line per date that differs from the
 * Monday–Friday rule. One file may hold several notice years; each is checked by
 * {@link NoticeYearRules}. Problems name the line of the file a row starts on (the header is line 1
 * unless blank lines come before it); the CSV itself is read by {@link CsvReader} (RFC 4180).
 */
public final class HolidayCsv {

    public static final List<String> COLUMNS = List.of("date", "kind", "holiday", "scheduleYear");
    public static final String HEADER = String.join(",", COLUMNS);
    public static final int MAX_LINES = 10_000;
    private static final CsvReader CSV = new CsvReader().maxRows(MAX_LINES);

    private HolidayCsv() {
    }

    /** A problem of one line; {@code field} is the column as the header names it, or null for the whole line. */
    public record LineProblem(int line, String field, String message) {
    }

    /**
     * The well-formed dates by notice year and the line of each — the schedules to store when
     * there are no problems; with problems, what can still be checked against the stored years.
     */
    public record Result(SortedMap<Integer, List<HolidayEntry>> years, Map<LocalDate, Integer> lines,
                         List<LineProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private enum Column { DATE, KIND, NAME, NOTICE_YEAR }

    public static Result read(String text) {
        Table table;
        try {
            table = CSV.read(text);
        } catch (TooManyRowsException e) {
            return failed(new LineProblem(1, null, "at most " + MAX_LINES + " dates per file; this one has " + e.found()));
        } catch (TableException e) {
            return failed(new LineProblem(Math.max(e.line(), 1), null, e.reason()));
        }
        List<LineProblem> problems = new ArrayList<>();
        if (table.isEmpty()) {
            return failed(new LineProblem(1, null, "the file is empty; the first line must be the header " + HEADER));
        }
        TableRow header = table.header();
        Map<Column, Integer> columns = columns(header, problems);
        Map<Column, String> labels = new HashMap<>();
        columns.forEach((column, index) -> labels.put(column, header.cell(index).trim()));
        if (!problems.isEmpty()) {
            return failed(problems);
        }
        if (table.body().isEmpty()) {
            return failed(new LineProblem(header.line(), null, "the file has a header but no dates"));
        }

        // notice year → its drafts and their line numbers, in file order
        Map<Integer, List<NoticeYearRules.Draft>> drafts = new TreeMap<>();
        Map<Integer, List<Integer>> lineNumbers = new HashMap<>();
        for (TableRow line : table.body()) {
            if (line.cells().size() != header.cells().size()) {
                problems.add(new LineProblem(line.line(), null, "has " + line.cells().size() + " cells; the header has "
                        + header.cells().size()));
                continue;
            }
            String yearText = line.cell(columns.get(Column.NOTICE_YEAR));
            Integer year = null;
            try {
                year = Integer.parseInt(yearText.trim());
            } catch (NumberFormatException e) {
                problems.add(new LineProblem(line.line(), labels.get(Column.NOTICE_YEAR),
                        "must be the year of the notice, e.g. 2027; got '" + yearText + "'"));
            }
            if (year != null && NoticeYearRules.yearProblem(year) != null) {
                problems.add(new LineProblem(line.line(), labels.get(Column.NOTICE_YEAR), NoticeYearRules.yearProblem(year)));
                year = null;
            }
            if (year == null) {
                continue;
            }
            drafts.computeIfAbsent(year, y -> new ArrayList<>()).add(new NoticeYearRules.Draft(
                    line.cell(columns.get(Column.DATE)), line.cell(columns.get(Column.KIND)), line.cell(columns.get(Column.NAME))));
            lineNumbers.computeIfAbsent(year, y -> new ArrayList<>()).add(line.line());
        }

        SortedMap<Integer, List<HolidayEntry>> years = new TreeMap<>();
        Map<LocalDate, Integer> lineOfDate = new HashMap<>();
        Map<String, Column> byField = Map.of("date", Column.DATE, "kind", Column.KIND, "name", Column.NAME);
        drafts.forEach((year, yearDrafts) -> {
            List<Integer> numbers = lineNumbers.get(year);
            NoticeYearRules.Result checked = NoticeYearRules.check(year, yearDrafts, i -> "line " + numbers.get(i));
            checked.findings().forEach(f -> problems.add(new LineProblem(numbers.get(f.index()),
                    labels.get(byField.get(f.field())), f.message())));
            checked.byIndex().forEach((i, entry) -> {
                // the same date under two notice years of one file
                int line = numbers.get(i);
                Integer earlier = lineOfDate.putIfAbsent(entry.date(), line);
                if (earlier != null) {
                    problems.add(new LineProblem(Math.max(earlier, line), labels.get(Column.DATE),
                            entry.date() + " repeats line " + Math.min(earlier, line) + " (another notice year)"));
                }
            });
            years.put(year, checked.entries());
        });
        problems.sort(Comparator.comparingInt(LineProblem::line));
        return new Result(years, Map.copyOf(lineOfDate), List.copyOf(problems));
    }

    /** Writes dates in the format {@link #read} reads, in date order, as the shipped file has them. */
    public static String write(List<HolidayEntry> entries) {
        List<List<String>> rows = entries.stream().sorted(Comparator.comparing(HolidayEntry::date))
                .map(e -> List.of(e.date().toString(), e.kind().toString(), e.name(), Integer.toString(e.noticeYear())))
                .toList();
        return CsvWriter.PLAIN.write(COLUMNS, rows);
    }

    private static Result failed(LineProblem problem) {
        return failed(List.of(problem));
    }

    private static Result failed(List<LineProblem> problems) {
        List<LineProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(LineProblem::line));
        return new Result(new TreeMap<>(), Map.of(), List.copyOf(sorted));
    }

    /** Which column is which, from the header. */
    private static Map<Column, Integer> columns(TableRow header, List<LineProblem> problems) {
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).trim();
            Column column = switch (name.toLowerCase(Locale.ROOT)) {
                case "date" -> Column.DATE;
                case "kind" -> Column.KIND;
                case "holiday", "name" -> Column.NAME;
                case "scheduleyear", "noticeyear" -> Column.NOTICE_YEAR;
                default -> null;
            };
            if (column == null) {
                problems.add(new LineProblem(header.line(), null, "unknown column '" + name + "'; the header must be " + HEADER));
            } else if (columns.putIfAbsent(column, i) != null) {
                problems.add(new LineProblem(header.line(), null, "column '" + name + "' appears twice"));
            }
        }
        if (problems.isEmpty() && columns.size() < Column.values().length) {
            problems.add(new LineProblem(header.line(), null, "the header must be " + HEADER + "; a column is missing"));
        }
        return columns;
    }
}
