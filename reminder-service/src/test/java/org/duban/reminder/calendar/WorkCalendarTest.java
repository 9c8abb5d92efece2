package org.duban.reminder.calendar;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bean the reminder engine asks, on the real database with the bundled schedule loaded at start. */
@QuarkusTest
class WorkCalendarTest {

    @Inject
    WorkCalendar calendar;

    @Inject
    CalendarSeeder seeder;

    @Inject
    EntityManager em;

    @Test
    void theBundledYearsAreLoadedAtStart() {
        assertTrue(calendar.coveredYears().containsAll(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026)),
                calendar.coveredYears().toString());
        assertTrue(calendar.covers(2026));
        assertFalse(calendar.covers(2019));
    }

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource({
            "2022-10-08, true",   // Saturday made a working day after 国庆
            "2022-10-03, false",  // Monday of 国庆
            "2023-01-28, true",   // Saturday after 春节
            "2023-01-02, false",  // 元旦 observed
            "2026-02-16, false",  // 春节 2026
            "2026-02-28, true",   // Saturday made a working day
            "2026-11-26, true",
            "2026-11-28, false",
    })
    void answersRealDates(LocalDate day, boolean working) {
        assertEquals(working, calendar.isWorkingDay(day));
    }

    @Test
    void nextWorkingDayCrossesHolidayRuns() {
        assertEquals(LocalDate.parse("2022-10-08"), calendar.nextWorkingDay(LocalDate.parse("2022-10-01")));
        assertEquals(LocalDate.parse("2026-10-08"), calendar.nextWorkingDay(LocalDate.parse("2026-10-01")));
        assertEquals(LocalDate.parse("2026-11-26"), calendar.nextWorkingDay(LocalDate.parse("2026-11-26")));
    }

    @Test
    void anUncoveredYearIsWarnedAboutOnceAndFollowsMondayToFriday() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(WorkCalendar.class.getName());
        logger.addHandler(capture);
        try {
            assertTrue(calendar.isWorkingDay(LocalDate.parse("2041-01-01")));   // a Tuesday; surely 元旦, but unknown
            assertFalse(calendar.isWorkingDay(LocalDate.parse("2041-01-05")));  // Saturday
            assertEquals(LocalDate.parse("2041-01-07"), calendar.nextWorkingDay(LocalDate.parse("2041-01-05")));
        } finally {
            logger.removeHandler(capture);
        }
        List<String> texts = warnings.stream().map(LogRecord::getMessage).toList();
        assertEquals(List.of("no holiday schedule for 2041: Monday–Friday assumed; load it with PUT /api/calendar/2041"),
                texts);
    }

    @Test
    void aChangeThroughAnotherReplicaArrivesWithTheNextCheck() {
        assertFalse(calendar.covers(2045));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2045-10-02")));   // a Monday
        // what another replica's PUT leaves in the database; this JVM hears nothing of it
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO calendar_year (year, source, loaded_at, loaded_by, revision) "
                    + "VALUES (2045, 'PUT', now(), 'office', nextval('calendar_revision_seq'))").executeUpdate();
            em.createNativeQuery("INSERT INTO calendar_day (day, kind, name, notice_year) "
                    + "VALUES ('2045-10-02', 'OFF', '国庆节', 2045)").executeUpdate();
        });
        // duban.calendar.refresh is 1s in tests
        await().atMost(Duration.ofSeconds(15)).until(() -> calendar.covers(2045));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2045-10-02")));
    }

    @Test
    void loadingAgainAddsOnlyMissingYearsAndLeavesTheOfficesAlone() {
        // the office has renamed a date of 2021, and 2024 has gone missing
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE calendar_year SET source = 'PUT', loaded_by = 'office' WHERE year = 2021").executeUpdate();
            em.createNativeQuery("UPDATE calendar_day SET name = '春节（调整）' WHERE day = '2021-02-11'").executeUpdate();
            em.createNativeQuery("DELETE FROM calendar_day WHERE notice_year = 2024").executeUpdate();
            em.createNativeQuery("DELETE FROM calendar_year WHERE year = 2024").executeUpdate();
        });
        try {
            assertEquals(Set.of(2024), QuarkusTransaction.requiringNew().call(seeder::seed));
            assertEquals(Set.of(), QuarkusTransaction.requiringNew().call(seeder::seed));
            String name = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "SELECT name FROM calendar_day WHERE day = '2021-02-11'").getSingleResult());
            assertEquals("春节（调整）", name);
            assertFalse(calendar.isWorkingDay(LocalDate.parse("2024-02-12")));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("UPDATE calendar_day SET name = '春节' WHERE day = '2021-02-11'").executeUpdate();
                em.createNativeQuery("UPDATE calendar_year SET source = 'SHIPPED', loaded_by = :by WHERE year = 2021")
                        .setParameter("by", CalendarSeeder.LOADED_BY).executeUpdate();
            });
        }
    }
}
