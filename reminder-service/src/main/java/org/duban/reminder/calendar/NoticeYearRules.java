package org.duban.reminder.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * What one notice year's list of dates must look like before it replaces the stored one, whether
 * it comes as JSON or as CSV lines. Every problem is reported, not just the first.
 *
 * <p>A date the Monday–Friday rule already decides the same way (an {@code OFF} on a weekend, a
 * {@code WORK} on a weekday) changes nothing and is most likely a typo for another date — except
 * where the notices themselves list such days: the weekend days inside a holiday run (国庆 from
 * Saturday to the next Friday), and the first day back after a run (2020's extended 春节 named
 * Monday 2020-02-03).
 */
public final class NoticeYearRules {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final int MAX_NAME_LENGTH = 50;

    private NoticeYearRules() {
    }

    /** One date as submitted, not yet checked. */
    public record Draft(String date, String kind, String name) {
    }

    /** A problem with the draft at {@code index}; {@code field} is date, kind or name. */
    public record Finding(int index, String field, String message) {
    }

    /**
     * {@code byIndex}: the well-formed drafts by their index, in order — the schedule when there
     * are no findings.
     */
    public record Result(SortedMap<Integer, HolidayEntry> byIndex, List<Finding> findings) {
        public boolean ok() {
            return findings.isEmpty();
        }

        public List<HolidayEntry> entries() {
            return List.copyOf(byIndex.values());
        }
    }

    /** Null when {@code year} can be a notice year, else why not. */
    public static String yearProblem(int year) {
        return year < FIRST_YEAR || year > LAST_YEAR
                ? "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR : null;
    }

    /** The first date a notice of {@code year} may set (a 元旦 run can start in the December before). */
    public static LocalDate firstDay(int year) {
        return LocalDate.of(year - 1, 12, 1);
    }

    /** The last date a notice of {@code year} may set. */
    public static LocalDate lastDay(int year) {
        return LocalDate.of(year + 1, 1, 31);
    }

    /**
     * Checks {@code drafts} as the whole schedule of {@code noticeYear}; {@code label} names a draft
     * in messages about another one ("repeats days[2]", "repeats line 7").
     */
    public static Result check(int noticeYear, List<Draft> drafts, IntFunction<String> label) {
        List<Finding> findings = new ArrayList<>();
        LocalDate first = firstDay(noticeYear);
        LocalDate last = lastDay(noticeYear);
        Map<LocalDate, Integer> seen = new HashMap<>();
        SortedMap<Integer, HolidayEntry> entries = new TreeMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            int before = findings.size();
            LocalDate date = null;
            if (draft == null) {
                findings.add(new Finding(i, "date", "must not be empty"));
                continue;
            }
            if (blank(draft.date())) {
                findings.add(new Finding(i, "date", "must not be empty"));
            } else {
                try {
                    date = LocalDate.parse(draft.date().trim());
                } catch (DateTimeParseException e) {
                    findings.add(new Finding(i, "date", "must be a date like " + noticeYear + "-10-01; got '" + draft.date() + "'"));
                }
            }
            if (date != null && (date.isBefore(first) || date.isAfter(last))) {
                findings.add(new Finding(i, "date", "must be between " + first + " and " + last
                        + " for the " + noticeYear + " schedule"));
                date = null;
            }
            if (date != null) {
                Integer earlier = seen.putIfAbsent(date, i);
                if (earlier != null) {
                    findings.add(new Finding(i, "date", date + " repeats " + label.apply(earlier)));
                    date = null;
                }
            }
            DayKind kind = null;
            if (blank(draft.kind())) {
                findings.add(new Finding(i, "kind", "must not be empty; OFF or WORK"));
            } else {
                String k = draft.kind().trim().toUpperCase(Locale.ROOT);
                if (k.equals("OFF") || k.equals("WORK")) {
                    kind = DayKind.valueOf(k);
                } else {
                    findings.add(new Finding(i, "kind", "must be OFF or WORK; got '" + draft.kind() + "'"));
                }
            }
            if (blank(draft.name())) {
                findings.add(new Finding(i, "name", "must name the holiday, e.g. 春节"));
            } else if (draft.name().trim().length() > MAX_NAME_LENGTH) {
                findings.add(new Finding(i, "name", "must be at most " + MAX_NAME_LENGTH + " characters"));
            }
            if (findings.size() == before) {
                entries.put(i, new HolidayEntry(date, kind, draft.name().trim(), noticeYear));
            }
        }
        findings.addAll(noOps(entries));
        findings.sort(Comparator.comparingInt(Finding::index));
        return new Result(Collections.unmodifiableSortedMap(entries), List.copyOf(findings));
    }

    /** Dates that would change nothing and belong to no holiday run. */
    private static List<Finding> noOps(SortedMap<Integer, HolidayEntry> entries) {
        Set<LocalDate> off = new HashSet<>();
        entries.values().stream().filter(e -> e.kind() == DayKind.OFF).forEach(e -> off.add(e.date()));
        List<Finding> findings = new ArrayList<>();
        entries.forEach((index, entry) -> {
            LocalDate date = entry.date();
            boolean weekend = HolidaySchedule.isWeekend(date);
            String day = date + " is a " + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (entry.kind() == DayKind.OFF && weekend && !inRunWithAWeekday(date, off)) {
                findings.add(new Finding(index, "date", day + ", a day off anyway; "
                        + "a weekend OFF is only listed as part of a holiday run that includes a weekday"));
            } else if (entry.kind() == DayKind.WORK && !weekend && !off.contains(date.minusDays(1))) {
                findings.add(new Finding(index, "date", day + ", a working day anyway; "
                        + "WORK is for a weekend day made a working day (调休)"));
            }
        });
        return findings;
    }

    private static boolean inRunWithAWeekday(LocalDate date, Set<LocalDate> off) {
        for (LocalDate d = date.minusDays(1); off.contains(d); d = d.minusDays(1)) {
            if (!HolidaySchedule.isWeekend(d)) {
                return true;
            }
        }
        for (LocalDate d = date.plusDays(1); off.contains(d); d = d.plusDays(1)) {
            if (!HolidaySchedule.isWeekend(d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
