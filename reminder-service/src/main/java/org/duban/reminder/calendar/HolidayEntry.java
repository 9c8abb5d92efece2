package org.duban.reminder.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One date of a holiday schedule: {@code noticeYear} is the year of the State Council notice that
 * set it, which for a 元旦 run can differ from the date's own year (2022-12-31 belongs to 2023's).
 */
public record HolidayEntry(LocalDate date, DayKind kind, String name, int noticeYear) {

    public HolidayEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
