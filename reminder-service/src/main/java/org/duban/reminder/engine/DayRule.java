package org.duban.reminder.engine;

import java.time.LocalDate;

/** Which days are working days (the calendar of China's public holidays and 调休 days). */
public interface DayRule {

    boolean isWorkingDay(LocalDate day);

    /** The day itself when it is a working day, else the next one. */
    LocalDate nextWorkingDay(LocalDate onOrAfter);
}
