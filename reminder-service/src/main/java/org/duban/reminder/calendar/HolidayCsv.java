package org.duban.reminder.calendar;

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
 * {@link NoticeYearRules}. Problems name the line (the header is line 1).
 */
public final class HolidayCsv {

    public static final String HEADER = "date,kind,holiday,scheduleYear";
    public static final int MAX_LINES = 10_000;
    private static final String BOM = "\uFEFF";

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

    private record Line(int number, List<String> cells) {
    }

    public static Result read(String text) {
        List<Line> lines = records(text.startsWith(BOM) ? text.substring(1) : text);
        List<LineProblem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            return failed(new LineProblem(1, null, "the file is empty; the first line must be the header " + HEADER));
        }
        Line header = lines.get(0);
        Map<Column, Integer> columns = columns(header, problems);
        Map<Column, String> labels = new HashMap<>();
        columns.forEach((column, index) -> labels.put(column, header.cells().get(index).trim()));
        if (!problems.isEmpty()) {
            return failed(problems);
        }
        if (lines.size() == 1) {
            return failed(new LineProblem(1, null, "the file has a header but no dates"));
        }
        if (lines.size() - 1 > MAX_LINES) {
            return failed(new LineProblem(1, null, "at most " + MAX_LINES + " dates per file; this one has " + (lines.size() - 1)));
        }

        // notice year → its drafts and their line numbers, in file order
        Map<Integer, List<NoticeYearRules.Draft>> drafts = new TreeMap<>();
        Map<Integer, List<Integer>> lineNumbers = new HashMap<>();
        for (Line line : lines.subList(1, lines.size())) {
            if (line.cells().size() != header.cells().size()) {
                problems.add(new LineProblem(line.number(), null, "has " + line.cells().size() + " cells; the header has "
                        + header.cells().size()));
                continue;
            }
            String yearText = cell(line, columns.get(Column.NOTICE_YEAR));
            Integer year = null;
            try {
                year = Integer.parseInt(yearText.trim());
            } catch (NumberFormatException e) {
                problems.add(new LineProblem(line.number(), labels.get(Column.NOTICE_YEAR),
                        "must be the year of the notice, e.g. 2027; got '" + yearText + "'"));
            }
            if (year != null && NoticeYearRules.yearProblem(year) != null) {
                problems.add(new LineProblem(line.number(), labels.get(Column.NOTICE_YEAR), NoticeYearRules.yearProblem(year)));
                year = null;
            }
            if (year == null) {
                continue;
            }
            drafts.computeIfAbsent(year, y -> new ArrayList<>()).add(new NoticeYearRules.Draft(
                    cell(line, columns.get(Column.DATE)), cell(line, columns.get(Column.KIND)), cell(line, columns.get(Column.NAME))));
            lineNumbers.computeIfAbsent(year, y -> new ArrayList<>()).add(line.number());
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

    /** Writes dates in the format {@link #read} reads, in date order. */
    public static String write(List<HolidayEntry> entries) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        entries.stream().sorted(Comparator.comparing(HolidayEntry::date)).forEach(e -> out.append(e.date()).append(',')
                .append(e.kind()).append(',').append(quoted(e.name())).append(',').append(e.noticeYear()).append('\n'));
        return out.toString();
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static Result failed(LineProblem problem) {
        return failed(List.of(problem));
    }

    private static Result failed(List<LineProblem> problems) {
        List<LineProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(LineProblem::line));
        return new Result(new TreeMap<>(), Map.of(), List.copyOf(sorted));
    }

    private static String cell(Line line, int index) {
        return line.cells().get(index);
    }

    /** Which column is which, from the header. */
    private static Map<Column, Integer> columns(Line header, List<LineProblem> problems) {
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
                problems.add(new LineProblem(header.number(), null, "unknown column '" + name + "'; the header must be " + HEADER));
            } else if (columns.putIfAbsent(column, i) != null) {
                problems.add(new LineProblem(header.number(), null, "column '" + name + "' appears twice"));
            }
        }
        if (problems.isEmpty() && columns.size() < Column.values().length) {
            problems.add(new LineProblem(header.number(), null, "the header must be " + HEADER + "; a column is missing"));
        }
        return columns;
    }

    /** RFC 4180 records with the line each starts on; lines with nothing on them are skipped. */
    private static List<Line> records(String input) {
        List<Line> lines = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int lineNumber = 1;
        int rowStart = 1;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < input.length() && input.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        lineNumber++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                addUnlessBlank(lines, rowStart, row);
                row = new ArrayList<>();
                lineNumber++;
                rowStart = lineNumber;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            addUnlessBlank(lines, rowStart, row);
        }
        return lines;
    }

    private static void addUnlessBlank(List<Line> lines, int number, List<String> row) {
        if (row.stream().anyMatch(c -> !c.isBlank())) {
            lines.add(new Line(number, List.copyOf(row)));
        }
    }
}
