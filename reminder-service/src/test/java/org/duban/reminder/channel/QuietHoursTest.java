package org.duban.reminder.channel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** When something that falls in a channel's quiet hours goes out: at their end, on a working day (Asia/Shanghai). */
class QuietHoursTest {

    /** 国庆 2026: 10-01 to 10-07 off, Saturday 10-10 a working day (调休). */
    private static final Set<LocalDate> OFF = Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"),
            LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07"));
    private static final Set<LocalDate> WORK = Set.of(LocalDate.parse("2026-10-10"));
    private static final Predicate<LocalDate> WORKING_DAY = d -> WORK.contains(d)
            || !OFF.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    @ParameterizedTest(name = "{0}, at {1} → {2}")
    @CsvSource({
            // overnight quiet hours on working days
            "22:00-08:00, 2026-09-22T10:00, 2026-09-22T10:00",   // Tuesday, outside: at once
            "22:00-08:00, 2026-09-22T22:00, 2026-09-23T08:00",   // starts at 22:00 sharp
            "22:00-08:00, 2026-09-22T23:30, 2026-09-23T08:00",
            "22:00-08:00, 2026-09-23T03:00, 2026-09-23T08:00",   // after midnight, same morning
            "22:00-08:00, 2026-09-23T08:00, 2026-09-23T08:00",   // ends at 08:00 sharp
            // the weekend and holidays are quiet throughout
            "22:00-08:00, 2026-09-25T23:00, 2026-09-28T08:00",   // Friday night → Monday morning
            "22:00-08:00, 2026-09-26T14:00, 2026-09-28T08:00",   // Saturday afternoon
            "22:00-08:00, 2026-09-30T23:00, 2026-10-08T08:00",   // eve of 国庆 → first day back
            "22:00-08:00, 2026-10-04T12:00, 2026-10-08T08:00",
            "22:00-08:00, 2026-10-09T23:00, 2026-10-10T08:00",   // the working Saturday after 国庆
            // a daytime window
            "12:00-14:00, 2026-09-22T12:30, 2026-09-22T14:00",
            "12:00-14:00, 2026-09-22T14:00, 2026-09-22T14:00",
            "12:00-14:00, 2026-09-26T12:30, 2026-09-28T00:00",   // Saturday → Monday, which starts outside the window
    })
    void releases(String window, String at, String expected) {
        QuietHours quiet = QuietHours.parse(window);
        assertEquals(LocalDateTime.parse(expected), LocalDateTime.ofInstant(quiet.release(local(at), WORKING_DAY), QuietHours.ZONE));
    }

    @ParameterizedTest
    @CsvSource({"22:00", "22:00-8:00", "25:00-08:00", "22:00-22:00", "''"})
    void refusesWhatIsNotAWindow(String text) {
        assertThrows(IllegalArgumentException.class, () -> QuietHours.parse(text));
    }

    private static Instant local(String at) {
        return LocalDateTime.parse(at).atZone(QuietHours.ZONE).toInstant();
    }
}
