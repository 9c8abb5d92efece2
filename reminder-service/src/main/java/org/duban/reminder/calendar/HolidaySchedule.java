package org.duban.reminder.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * China's working days as the loaded holiday schedules say: a listed {@code WORK} date is a working
 * day even on a weekend, a listed {@code OFF} date is a day off even on a weekday, any other date is
 * a working day from Monday to Friday. A year whose notice is not loaded ({@link #covers} false)
 * gets the plain Monday–Friday rule. Immutable; cheap to ask.
 */
public final class HolidaySchedule {

    public static final HolidaySchedule EMPTY = new HolidaySchedule(List.of(), List.of());

    private final Map<LocalDate, HolidayEntry> byDate;
    private final List<HolidayEntry> entries;
    private final SortedSet<Integer> covered;

    private HolidaySchedule(Collection<HolidayEntry> entries, Collection<Integer> coveredYears) {
        Map<LocalDate, HolidayEntry> map = new HashMap<>(entries.size() * 2);
        for (HolidayEntry entry : entries) {
            HolidayEntry before = map.putIfAbsent(entry.date(), entry);
            if (before != null) {
                throw new IllegalArgumentException(entry.date() + " is listed twice (notice years "
                        + before.noticeYear() + " and " + entry.noticeYear() + ")");
            }
        }
        List<HolidayEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(HolidayEntry::date));
        TreeSet<Integer> years = new TreeSet<>(coveredYears);
        entries.forEach(e -> years.add(e.noticeYear()));
        this.byDate = map;
        this.entries = List.copyOf(sorted);
        this.covered = Collections.unmodifiableSortedSet(years);
    }

    /** The schedule of these entries; the notice years they name are covered. */
    public static HolidaySchedule of(Collection<HolidayEntry> entries) {
        return new HolidaySchedule(entries, List.of());
    }

    /** As {@link #of(Collection)}, and these years are covered too (even if, oddly, they list no date). */
    public static HolidaySchedule of(Collection<HolidayEntry> entries, Collection<Integer> coveredYears) {
        return new HolidaySchedule(entries, coveredYears);
    }

    public boolean isWorkingDay(LocalDate day) {
        HolidayEntry entry = byDate.get(day);
        if (entry != null) {
            return entry.kind() == DayKind.WORK;
        }
        return !isWeekend(day);
    }

    /** {@code onOrAfter} itself when it is a working day, else the first working day after it. */
    public LocalDate nextWorkingDay(LocalDate onOrAfter) {
        LocalDate day = onOrAfter;
        // ends: only listed dates can be days off on a weekday, and there are finitely many
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Whether the schedule of this notice year is loaded. */
    public boolean covers(int year) {
        return covered.contains(year);
    }

    public SortedSet<Integer> coveredYears() {
        return covered;
    }

    /** Of {@code thisYear} and the year after, those not covered: their dates are guessed Monday–Friday. */
    public List<Integer> missing(int thisYear) {
        return IntStream.of(thisYear, thisYear + 1).filter(y -> !covers(y)).boxed().toList();
    }

    public Optional<HolidayEntry> entry(LocalDate day) {
        return Optional.ofNullable(byDate.get(day));
    }

    /** Every listed date, in date order. */
    public List<HolidayEntry> entries() {
        return entries;
    }

    /** The dates one notice sets, in date order. */
    public List<HolidayEntry> entriesOf(int noticeYear) {
        return entries.stream().filter(e -> e.noticeYear() == noticeYear).toList();
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    @Override
    public String toString() {
        return "HolidaySchedule" + covered + " (" + entries.size() + " dates)";
    }
}
