package org.duban.reminder.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One date that differs from the Monday–Friday rule, as a notice year sets it. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {

    @Id
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    public DayKind kind;

    public String name;

    @Column(name = "notice_year")
    public int noticeYear;

    static CalendarDay of(HolidayEntry entry) {
        CalendarDay day = new CalendarDay();
        day.day = entry.date();
        day.kind = entry.kind();
        day.name = entry.name();
        day.noticeYear = entry.noticeYear();
        return day;
    }
}
