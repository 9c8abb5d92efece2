package org.duban.reminder.calendar;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chinese working days for the reminder engine: public holidays are days off, weekend days made
 * working days (调休) are working days, and a year whose schedule is not loaded follows
 * Monday–Friday (with one WARN per such year).
 *
 * <p>Answers come from an in-memory {@link HolidaySchedule}, so a call costs a map lookup. The
 * snapshot is dropped as soon as a change made in this JVM commits, and every
 * {@code duban.calendar.refresh} (30 s) it is compared with the database's revision, which is how
 * changes made through another replica arrive.
 */
@ApplicationScoped
public class WorkCalendar {

    private static final Logger LOG = Logger.getLogger(WorkCalendar.class);

    private final CalendarRepository repository;
    private final CalendarConfig config;
    /** Counts invalidations, so that a load that raced with a change is not kept. */
    private final AtomicLong changes = new AtomicLong();
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
    private volatile CalendarRepository.Snapshot loaded;

    WorkCalendar(CalendarRepository repository, CalendarConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** Whether {@code day} is a working day in China. */
    public boolean isWorkingDay(LocalDate day) {
        HolidaySchedule schedule = schedule();
        warnIfUncovered(schedule, day.getYear());
        return schedule.isWorkingDay(day);
    }

    /** {@code onOrAfter} itself when it is a working day, else the first working day after it. */
    public LocalDate nextWorkingDay(LocalDate onOrAfter) {
        HolidaySchedule schedule = schedule();
        LocalDate next = schedule.nextWorkingDay(onOrAfter);
        warnIfUncovered(schedule, onOrAfter.getYear());
        if (next.getYear() != onOrAfter.getYear()) {
            warnIfUncovered(schedule, next.getYear());
        }
        return next;
    }

    /** Whether the holiday schedule of this (notice) year is loaded. */
    public boolean covers(int year) {
        return schedule().covers(year);
    }

    public SortedSet<Integer> coveredYears() {
        return schedule().coveredYears();
    }

    /**
     * The schedule the answers come from: one consistent view for a caller that asks many
     * questions at once. It does not warn about uncovered years.
     */
    public HolidaySchedule schedule() {
        CalendarRepository.Snapshot current = loaded;
        return (current != null ? current : load()).schedule();
    }

    /** The text logged once per uncovered year, and shown by the readiness check. */
    public static String fallbackWarning(int year) {
        return "no holiday schedule for " + year + ": Monday–Friday assumed; load it with PUT /api/calendar/" + year;
    }

    private void warnIfUncovered(HolidaySchedule schedule, int year) {
        if (!schedule.covers(year) && warnedYears.add(year)) {
            LOG.warn(fallbackWarning(year));
        }
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarChanged change) {
        invalidate();
    }

    @Scheduled(identity = "working-day-calendar-refresh", every = "${duban.calendar.refresh:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshIfChanged() {
        try {
            CalendarRepository.Snapshot current = loaded;
            if (current == null) {
                load();
                return;
            }
            CalendarRepository.Revision latest = QuarkusTransaction.requiringNew().call(repository::revision);
            if (!latest.equals(current.revision())) {
                invalidate();
                load();
            }
        } catch (RuntimeException e) {
            // keep serving what we have; the next round tries again
            LOG.warnf("Could not check the holiday schedules for changes: %s", e.toString());
        }
    }

    private void invalidate() {
        changes.incrementAndGet();
        loaded = null;
    }

    private synchronized CalendarRepository.Snapshot load() {
        CalendarRepository.Snapshot current = loaded;
        if (current != null) {
            return current;
        }
        long before = changes.get();
        CalendarRepository.Snapshot fresh = QuarkusTransaction.requiringNew().call(repository::snapshot);
        if (changes.get() == before) {
            loaded = fresh;
        }
        LOG.debugf("Working-day calendar loaded: notice years %s, %d dates; rechecked every %s",
                fresh.schedule().coveredYears(), fresh.schedule().entries().size(), config.refresh());
        return fresh;
    }
}
