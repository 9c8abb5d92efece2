package org.duban.reminder.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleTest {

    /** Monday–Friday, except 2022-06-03 (端午节, a Friday) — enough of China's calendar for these cases. */
    static final DayRule DAYS = new DayRule() {
        @Override
        public boolean isWorkingDay(LocalDate day) {
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !day.equals(LocalDate.of(2022, 6, 3));
        }

        @Override
        public LocalDate nextWorkingDay(LocalDate onOrAfter) {
            LocalDate d = onOrAfter;
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
    };
    static final LocalDate DUE = LocalDate.of(2022, 6, 30);

    static Schedule at(String instant, Policy policy) {
        return new Schedule(policy, DAYS, OffsetDateTime.parse(instant).toInstant(), 7);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2022-05-31T09:00+08:00 | DUE_SOON 2022-05-31
            2022-06-01T09:00+08:00 | DUE_SOON 2022-05-31
            2022-06-23T08:59+08:00 | -
            2022-06-23T09:00+08:00 | DUE_SOON 2022-06-23
            2022-06-28T09:00+08:00 | DUE_SOON 2022-06-23
            2022-06-29T09:00+08:00 | DUE_SOON 2022-06-29
            2022-06-30T09:00+08:00 | DUE_TODAY 2022-06-30
            2022-07-01T08:00+08:00 | -
            2022-07-01T09:00+08:00 | OVERDUE 2022-07-01
            2022-07-07T09:00+08:00 | OVERDUE 2022-07-01
            2022-07-08T09:00+08:00 | OVERDUE 2022-07-08
            2022-07-14T09:00+08:00 | OVERDUE 2022-07-08, ESCALATION 2022-07-14
            2022-07-15T09:00+08:00 | OVERDUE 2022-07-15, ESCALATION 2022-07-14
            2022-07-22T09:00+08:00 | OVERDUE 2022-07-22
            """)
    void theLatestOccasionOfEachRuleInTheWindow(String instant, String expected) {
        Schedule s = at(instant, Policy.BUILT_IN);
        assertEquals(expected == null ? "" : expected, render(s.fixed(DUE)));
        if (expected != null) {
            assertTrue(s.candidateDueDates(LocalDate.of(2022, 1, 1)).contains(DUE), "the due date must be read");
        }
    }

    @Test
    void afterAnOutageOneOverdueNotOnePerMissedDay() {
        // OVERDUE occasions 07-01 and 07-08 were never sent; on 07-12 only the latest goes out
        assertEquals("OVERDUE 2022-07-08", render(at("2022-07-12T10:00+08:00", Policy.BUILT_IN).fixed(DUE)));
        // beyond the catch-up window nothing is sent for the past occasion; the next one comes in time
        Policy once = new Policy(List.of(30, 7, 1), true, 0, 0, Period.ZERO, true, LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"),
                3, List.of(3));
        assertEquals("", render(at("2022-07-12T10:00+08:00", once).fixed(DUE)));
    }

    @Test
    void aDayOffShiftsTheReminderToTheNextWorkingDay() {
        Policy lead27 = new Policy(List.of(27), false, 7, 14, Period.ZERO, true, LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"),
                3, List.of(3));
        Schedule holiday = at("2022-06-03T10:00+08:00", lead27);
        assertFalse(holiday.active(), "nothing goes out on 端午节");
        Schedule weekend = at("2022-06-05T10:00+08:00", lead27);
        assertFalse(weekend.active());
        Schedule monday = at("2022-06-06T09:00+08:00", lead27);
        assertTrue(monday.active());
        assertEquals(LocalDate.of(2022, 6, 6), monday.sendDate(LocalDate.of(2022, 6, 3)));
        assertEquals("DUE_SOON 2022-06-03", render(monday.fixed(DUE)));
        // without workdaysOnly it goes out on the day itself
        Policy everyDay = new Policy(List.of(27), false, 7, 14, Period.ZERO, false, LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"),
                3, List.of(3));
        assertEquals("DUE_SOON 2022-06-03", render(at("2022-06-03T10:00+08:00", everyDay).fixed(DUE)));
    }

    @Test
    void aDueDateOnADayOffIsOverdueOnTheNextWorkingDay() {
        LocalDate saturday = LocalDate.of(2022, 7, 2);
        assertEquals("DUE_SOON 2022-07-01", render(at("2022-07-01T09:00+08:00", Policy.BUILT_IN).fixed(saturday)));
        assertEquals("OVERDUE 2022-07-03", render(at("2022-07-04T09:00+08:00", Policy.BUILT_IN).fixed(saturday)));
    }

    @Test
    void progressReportsForOngoingWorkWithoutAReportInThePeriod() {
        LocalDate anchor = LocalDate.of(2022, 6, 6);
        Schedule s = at("2022-09-06T09:00+08:00", Policy.BUILT_IN);
        assertEquals(Set.of(anchor), s.anchorsDue(Set.of(anchor, LocalDate.of(2022, 6, 20))));
        assertEquals("PROGRESS_REPORT_DUE 2022-09-06", s.progress(anchor, null).map(o -> o.kind() + " " + o.date()).orElse(""));
        Instant inPeriod = OffsetDateTime.parse("2022-08-01T10:00+08:00").toInstant();
        assertTrue(s.progress(anchor, inPeriod).isEmpty(), "a report in the period: nothing to ask");
        Instant before = OffsetDateTime.parse("2022-06-05T10:00+08:00").toInstant();
        assertTrue(s.progress(anchor, before).isPresent());
        assertTrue(at("2022-09-05T09:00+08:00", Policy.BUILT_IN).progress(anchor, null).isEmpty());
        assertEquals("PROGRESS_REPORT_DUE 2022-12-06", at("2022-12-06T09:00+08:00", Policy.BUILT_IN).progress(anchor, null)
                .map(o -> o.kind() + " " + o.date()).orElse(""));
    }

    @Test
    void theCandidateDueDatesAreFewAndIndependentOfTheNumberOfAssignments() {
        Set<LocalDate> due = at("2022-06-23T09:00+08:00", Policy.BUILT_IN).candidateDueDates(LocalDate.of(2020, 1, 1));
        // a first run looks back a week: every past day can then owe an OVERDUE repeat
        assertTrue(due.size() < 1000, "got " + due.size());
        Schedule daily = new Schedule(Policy.BUILT_IN, DAYS, OffsetDateTime.parse("2022-06-23T09:00+08:00").toInstant(),
                LocalDate.of(2022, 6, 22), 7);
        Set<LocalDate> today = daily.candidateDueDates(LocalDate.of(2020, 1, 1));
        // the day after a completed run: the lead days, today, the escalation day and one overdue day a week back to 2020
        assertTrue(today.size() < 150, "got " + today.size());
        assertTrue(today.contains(LocalDate.of(2022, 6, 30)));
        assertFalse(today.contains(LocalDate.of(2022, 7, 1)), "nothing but the lead days ahead is read");
        assertTrue(due.contains(LocalDate.of(2022, 6, 30)));
        assertTrue(due.contains(LocalDate.of(2022, 7, 23)));
        assertFalse(due.contains(LocalDate.of(2022, 7, 24)), "nothing due 31 days ahead is read: " + due);
    }

    private static String render(List<Occasion> occasions) {
        return String.join(", ", occasions.stream().map(o -> o.kind() + " " + o.date()).toList());
    }
}
