package org.duban.reminder.engine;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Placeholder until the working-day calendar lands: Monday–Friday. */
@ApplicationScoped
public class WeekdayRule implements DayRule {

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate nextWorkingDay(LocalDate onOrAfter) {
        LocalDate d = onOrAfter;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
