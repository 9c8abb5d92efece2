package org.duban.reminder.calendar;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** China's working days 2020–2026 from the shipped schedule, and the Monday–Friday fallback. */
class HolidayScheduleTest {

    static HolidaySchedule china;

    @BeforeAll
    static void loadShippedSchedule() {
        HolidayCsv.Result shipped = HolidayCsv.read(shippedCsv());
        assertEquals(List.of(), shipped.problems());
        china = HolidaySchedule.of(shipped.years().values().stream().flatMap(List::stream).toList());
    }

    static String shippedCsv() {
        try (InputStream in = HolidayScheduleTest.class.getResourceAsStream("/calendar/china-holidays.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} ({1}) working: {2} — {3}")
    @CsvSource({
            // 国庆 2022: Saturday 10-01 to Friday 10-07 off, the weekend after made up
            "2022-09-30, Fri, true,  the Friday before 国庆",
            "2022-10-01, Sat, false, 国庆 on a Saturday",
            "2022-10-03, Mon, false, 国庆 on a Monday",
            "2022-10-07, Fri, false, last day of 国庆",
            "2022-10-08, Sat, true,  调休 Saturday after 国庆",
            "2022-10-09, Sun, true,  调休 Sunday after 国庆",
            "2022-10-10, Mon, true,  back to normal",
            // 春节 2023: 01-21..27 off, 01-28 and 01-29 made up
            "2023-01-20, Fri, true,  the Friday before 春节",
            "2023-01-23, Mon, false, 春节",
            "2023-01-27, Fri, false, 春节",
            "2023-01-28, Sat, true,  调休 after 春节",
            "2023-01-29, Sun, true,  调休 after 春节",
            // 春节 2024: made up on Sunday 02-04 before and Sunday 02-18 after
            "2024-02-04, Sun, true,  调休 before 春节",
            "2024-02-09, Fri, true,  除夕 2024 was a working day",
            "2024-02-12, Mon, false, 春节",
            "2024-02-16, Fri, false, 春节",
            "2024-02-18, Sun, true,  调休 after 春节",
            // 元旦 2023 reaches back into 2022
            "2022-12-30, Fri, true,  the Friday before",
            "2022-12-31, Sat, false, 元旦 run of the 2023 notice",
            "2023-01-02, Mon, false, 元旦 observed on Monday",
            "2023-01-03, Tue, true,  back to work",
            // 2020's 春节 extended to 02-02 (a Sunday)
            "2020-01-31, Fri, false, the extension",
            "2020-02-03, Mon, true,  first day back",
            // 2026
            "2026-01-02, Fri, false, 元旦",
            "2026-01-04, Sun, true,  调休 after 元旦",
            "2026-02-14, Sat, true,  调休 before 春节",
            "2026-02-23, Mon, false, last day of 春节",
            "2026-02-28, Sat, true,  调休 after 春节",
            "2026-09-25, Fri, false, 中秋",
            "2026-10-07, Wed, false, last day of 国庆",
            "2026-10-08, Thu, true,  back after 国庆",
            "2026-10-10, Sat, true,  调休 after 国庆",
            "2026-11-26, Thu, true,  an ordinary Thursday",
            "2026-11-28, Sat, false, an ordinary Saturday",
    })
    void aDayIsWorkingAsTheNoticesSay(LocalDate day, String weekday, boolean working, String why) {
        assertTrue(day.getDayOfWeek().name().startsWith(weekday.toUpperCase()), "the table's weekday is wrong");
        assertEquals(working, china.isWorkingDay(day), why);
    }

    @ParameterizedTest(name = "next working day on or after {0} is {1} — {2}")
    @CsvSource({
            "2022-10-08, 2022-10-08, a working Saturday is its own answer",
            "2022-09-30, 2022-09-30, a working Friday is its own answer",
            "2022-10-01, 2022-10-08, from the start of 国庆 to the 调休 Saturday",
            "2022-10-05, 2022-10-08, from the middle of 国庆",
            "2023-01-21, 2023-01-28, across 春节 2023",
            "2024-02-10, 2024-02-18, across 春节 2024 to a working Sunday",
            "2022-12-31, 2023-01-03, across the 元旦 run that straddles the year",
            "2025-01-28, 2025-02-05, across 春节 2025 (made up on 02-08, after)",
            "2026-09-25, 2026-09-28, across 中秋 2026",
            "2026-10-01, 2026-10-08, across 国庆 2026",
            "2026-11-28, 2026-11-30, over an ordinary weekend",
    })
    void nextWorkingDay(LocalDate onOrAfter, LocalDate expected, String why) {
        assertEquals(expected, china.nextWorkingDay(onOrAfter), why);
    }

    @Test
    void coversTheNoticeYearsLoaded() {
        assertEquals(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026), List.copyOf(china.coveredYears()));
        assertTrue(china.covers(2026));
        assertFalse(china.covers(2019));
        assertFalse(china.covers(2027));
        // a date belongs to the notice that set it, not to its calendar year
        assertEquals(new HolidayEntry(LocalDate.parse("2022-12-31"), DayKind.OFF, "元旦", 2023),
                china.entry(LocalDate.parse("2022-12-31")).orElseThrow());
        assertEquals(LocalDate.parse("2022-12-31"), china.entriesOf(2023).get(0).date());
        List<HolidayEntry> of2022 = china.entriesOf(2022);
        assertEquals(LocalDate.parse("2022-10-09"), of2022.get(of2022.size() - 1).date());
        assertEquals(255, china.entries().size());
    }

    @Test
    void missingAreThisYearAndNextWhenNotCovered() {
        assertEquals(List.of(), china.missing(2025));
        assertEquals(List.of(2027), china.missing(2026));
        assertEquals(List.of(2027, 2028), china.missing(2027));
    }

    @ParameterizedTest(name = "uncovered {0}: working {1}")
    @CsvSource({
            "2027-01-01, true",   // surely 元旦, but no notice is loaded: Monday–Friday
            "2027-01-02, false",
            "2027-01-03, false",
            "2027-01-04, true",
            "2027-10-01, true",
            "2019-12-31, true",
    })
    void anUncoveredYearFallsBackToMondayToFriday(LocalDate day, boolean working) {
        assertEquals(working, china.isWorkingDay(day));
    }

    @Test
    void nextWorkingDayInAnUncoveredYearSkipsOnlyTheWeekend() {
        assertEquals(LocalDate.parse("2027-01-01"), china.nextWorkingDay(LocalDate.parse("2027-01-01")));
        assertEquals(LocalDate.parse("2027-01-04"), china.nextWorkingDay(LocalDate.parse("2027-01-02")));
    }

    @Test
    void anEmptyScheduleIsMondayToFriday() {
        List<LocalDate> working = IntStream.range(0, 7).mapToObj(i -> LocalDate.parse("2026-11-23").plusDays(i))
                .filter(HolidaySchedule.EMPTY::isWorkingDay).toList();
        assertEquals(LocalDate.parse("2026-11-23").datesUntil(LocalDate.parse("2026-11-28")).toList(), working);
        assertTrue(HolidaySchedule.EMPTY.coveredYears().isEmpty());
    }

    @Test
    void aYearCanBeCoveredExplicitlyAndTheSameDateTwiceIsRefused() {
        HolidaySchedule schedule = HolidaySchedule.of(List.of(), List.of(2030));
        assertTrue(schedule.covers(2030));
        HolidayEntry a = new HolidayEntry(LocalDate.parse("2022-12-31"), DayKind.OFF, "元旦", 2023);
        HolidayEntry b = new HolidayEntry(LocalDate.parse("2022-12-31"), DayKind.OFF, "元旦", 2022);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HolidaySchedule.of(List.of(a, b)));
        assertTrue(e.getMessage().contains("2022-12-31"), e.getMessage());
    }
}
