package org.duban.task.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sign-for window in working days, holidays and 调休 included (plain Java). */
class WorkingDaysTest {

    private final WorkingDays days = new WorkingDays();

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource(textBlock = """
            2022-06-06, 3, 2022-06-09
            2022-09-29, 3, 2022-10-09
            2022-09-30, 1, 2022-10-08
            2022-06-02, 1, 2022-06-06
            2022-01-28, 2, 2022-01-30
            2022-01-28, 3, 2022-02-07
            2022-04-01, 1, 2022-04-02
            2022-12-30, 1, 2023-01-03
            2027-03-05, 1, 2027-03-08
            """)
    void theWindowEndsOnTheNthWorkingDayAfter(LocalDate issued, int n, LocalDate last) {
        assertEquals(last, days.after(issued, n));
    }

    @Test
    void theScheduleIsTheOneReminderServiceSeedsItsCalendarWith() throws IOException {
        Path reminder = Path.of("../reminder-service/src/main/resources/calendar/china-holidays.csv");
        Path mine = Path.of("src/main/resources/score/china-holidays.csv");
        assertEquals(Files.readString(reminder), Files.readString(mine),
                "copy reminder-service's calendar/china-holidays.csv to task-service's score/ when it changes");
    }
}
