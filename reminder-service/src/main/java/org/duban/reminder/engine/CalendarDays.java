package org.duban.reminder.engine;

import jakarta.enterprise.context.ApplicationScoped;
import org.duban.reminder.calendar.WorkCalendar;

import java.time.LocalDate;

/** The rules' working days: China's public holidays and 调休 days from the working-day calendar. */
@ApplicationScoped
public class CalendarDays implements DayRule {

    private final WorkCalendar calendar;

    CalendarDays(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    @Override
    public LocalDate nextWorkingDay(LocalDate onOrAfter) {
        return calendar.nextWorkingDay(onOrAfter);
    }
}
