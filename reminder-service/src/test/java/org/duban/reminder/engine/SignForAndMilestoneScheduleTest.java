package org.duban.reminder.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of ACKNOWLEDGE_DUE (签收) and of MILESTONE_DUE / MILESTONE_OVERDUE (节点), as tables of cases. */
class SignForAndMilestoneScheduleTest {

    /** Monday–Friday, except 国庆 2022 (10-01 to 10-07 off; Saturday 10-08 and Sunday 10-09 working days) and 端午 (06-03). */
    static final DayRule DAYS = new DayRule() {
        @Override
        public boolean isWorkingDay(LocalDate day) {
            if (day.equals(LocalDate.of(2022, 10, 8)) || day.equals(LocalDate.of(2022, 10, 9))) {
                return true;
            }
            boolean nationalDay = !day.isBefore(LocalDate.of(2022, 10, 1)) && !day.isAfter(LocalDate.of(2022, 10, 7));
            return !nationalDay && !day.equals(LocalDate.of(2022, 6, 3))
                    && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
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

    static Policy policy(int acknowledgeWithinDays, List<Integer> milestoneLeadDays) {
        return new Policy(List.of(30, 7, 1), true, 7, 14, Period.ofMonths(3), true, LocalTime.of(9, 0),
                ZoneId.of("Asia/Shanghai"), acknowledgeWithinDays, milestoneLeadDays);
    }

    static Schedule at(String instant, Policy policy, String sentThrough) {
        return new Schedule(policy, DAYS, OffsetDateTime.parse(instant).toInstant(),
                sentThrough == null ? null : LocalDate.parse(sentThrough), 7);
    }

    @ParameterizedTest(name = "issued {0}, within {1} working days → reminded {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2022-09-29 | 3 | 2022-10-10
            2022-09-30 | 3 | 2022-10-11
            2022-10-08 | 3 | 2022-10-12
            2022-10-01 | 1 | 2022-10-09
            2022-06-02 | 3 | 2022-06-09
            2022-06-06 | 3 | 2022-06-10
            2022-06-06 | 1 | 2022-06-08
            2022-06-04 | 2 | 2022-06-08
            2022-06-06 | 0 | -
            """)
    void theSignForReminderGoesOutOnTheWorkingDayAfterTheDaysToSign(String issued, int within, String expected) {
        Schedule s = at("2022-06-01T09:00+08:00", policy(within, List.of(3)), null);
        assertEquals(expected == null ? "" : expected, s.acknowledgeDay(LocalDate.parse(issued)).map(LocalDate::toString).orElse(""));
    }

    @ParameterizedTest(name = "issued 2022-09-29, run {0} (sent through {1}) → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2022-09-30T09:00+08:00 | -          | -
            2022-10-08T09:00+08:00 | -          | -
            2022-10-09T09:00+08:00 | 2022-10-08 | -
            2022-10-10T08:59+08:00 | 2022-10-09 | -
            2022-10-10T09:00+08:00 | 2022-10-09 | ACKNOWLEDGE_DUE 2022-10-10
            2022-10-12T09:00+08:00 | -          | ACKNOWLEDGE_DUE 2022-10-10
            2022-10-11T09:00+08:00 | 2022-10-10 | -
            2022-10-25T09:00+08:00 | -          | -
            """)
    void acrossNationalDayNotBeforeOnceAndNotAfterTheWindow(String run, String sentThrough, String expected) {
        LocalDate issued = LocalDate.of(2022, 9, 29);
        Schedule s = at(run, policy(3, List.of(3)), sentThrough);
        assertEquals(expected == null ? "" : expected,
                s.acknowledge(issued).map(o -> o.kind() + " " + o.date()).orElse(""));
        assertEquals(expected == null ? Set.of() : Set.of(issued), s.issueDaysDue(Set.of(issued, LocalDate.of(2022, 9, 1))),
                "only the issue days with a reminder in the window are read");
    }

    @ParameterizedTest(name = "milestone due 2022-07-06, lead {0}, run {1} (sent through {2}) → {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3   | 2022-07-01T09:00+08:00 | -          | -
            3   | 2022-07-03T09:00+08:00 | -          | -
            3   | 2022-07-04T08:30+08:00 | 2022-07-01 | -
            3   | 2022-07-04T09:00+08:00 | 2022-07-01 | MILESTONE_DUE 2022-07-03
            3   | 2022-07-05T09:00+08:00 | 2022-07-04 | -
            3   | 2022-07-06T09:00+08:00 | 2022-07-05 | -
            3   | 2022-07-07T09:00+08:00 | 2022-07-06 | MILESTONE_OVERDUE 2022-07-07
            3   | 2022-07-08T09:00+08:00 | 2022-07-07 | -
            3   | 2022-07-20T09:00+08:00 | -          | -
            3,0 | 2022-07-06T09:00+08:00 | 2022-07-05 | MILESTONE_DUE 2022-07-06
            7,1 | 2022-07-05T09:00+08:00 | 2022-07-04 | MILESTONE_DUE 2022-07-05
            -   | 2022-07-04T09:00+08:00 | 2022-07-01 | -
            """)
    void aMilestoneIsRemindedOnItsLeadDaysAndOnceTheDayAfter(String lead, String run, String sentThrough, String expected) {
        List<Integer> leadDays = lead == null ? List.of()
                : java.util.Arrays.stream(lead.split(",")).map(Integer::valueOf).sorted(java.util.Comparator.reverseOrder()).toList();
        Schedule s = at(run, policy(3, leadDays), sentThrough);
        LocalDate due = LocalDate.of(2022, 7, 6);
        assertEquals(expected == null ? "" : expected, s.milestone(due).map(o -> o.kind() + " " + o.date()).orElse(""));
        if (expected != null) {
            assertTrue(s.candidateMilestoneDueDates().contains(due), "the milestone's due date must be read");
        }
    }

    @Test
    void theMilestoneDueDatesReadAreFew() {
        Set<LocalDate> read = at("2022-07-07T09:00+08:00", policy(3, List.of(3)), "2022-07-06").candidateMilestoneDueDates();
        assertEquals(Set.of(LocalDate.of(2022, 7, 10), LocalDate.of(2022, 7, 6)), read,
                "a day's run reads the milestones due in three days and those due yesterday");
    }
}
