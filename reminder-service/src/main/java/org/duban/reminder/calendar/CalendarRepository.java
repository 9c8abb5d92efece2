package org.duban.reminder.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored schedules. Reads return {@link HolidayEntry} values rather than managed entities, so
 * that a year's dates can be deleted and inserted again in one transaction.
 */
@ApplicationScoped
public class CalendarRepository {

    /** "dubancal": the one lock every writer of the calendar takes, replicas and start-up loader alike. */
    static final long WRITE_LOCK = 0x6475_6261_6e63_616cL;

    /** What a replica compares to notice a change: the highest revision and the number of years. */
    public record Revision(long highest, long years) {
    }

    /** A consistent enough view: the revision is read first, so a change after it shows as a newer one. */
    public record Snapshot(Revision revision, HolidaySchedule schedule) {
    }

    private final EntityManager em;

    CalendarRepository(EntityManager em) {
        this.em = em;
    }

    /** Serialises writers until the transaction ends. */
    void lockForWrite() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")").getSingleResult();
    }

    public Revision revision() {
        Object[] row = em.createQuery("select coalesce(max(y.revision), 0), count(y) from CalendarYear y", Object[].class)
                .getSingleResult();
        return new Revision(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    public Snapshot snapshot() {
        Revision revision = revision();
        List<HolidayEntry> entries = em.createQuery("select new org.duban.reminder.calendar.HolidayEntry"
                + "(d.day, d.kind, d.name, d.noticeYear) from CalendarDay d", HolidayEntry.class).getResultList();
        List<Integer> years = em.createQuery("select y.year from CalendarYear y", Integer.class).getResultList();
        return new Snapshot(revision, HolidaySchedule.of(entries, years));
    }

    public List<CalendarYear> years() {
        return CalendarYear.list("order by year");
    }

    public Optional<CalendarYear> year(int year) {
        return CalendarYear.findByIdOptional(year);
    }

    /** How many dates each loaded notice year sets. */
    public Map<Integer, Long> dayCounts() {
        Map<Integer, Long> counts = new HashMap<>();
        em.createQuery("select d.noticeYear, count(d) from CalendarDay d group by d.noticeYear", Object[].class)
                .getResultList().forEach(row -> counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** One notice year's dates, in date order. */
    public List<HolidayEntry> days(int noticeYear) {
        return em.createQuery("select new org.duban.reminder.calendar.HolidayEntry(d.day, d.kind, d.name, d.noticeYear) "
                        + "from CalendarDay d where d.noticeYear = :year order by d.day", HolidayEntry.class)
                .setParameter("year", noticeYear).getResultList();
    }

    /** Which of these dates another notice year than {@code except} already sets, and which year. */
    public Map<LocalDate, HolidayEntry> setByOtherYears(Collection<LocalDate> dates, Collection<Integer> except) {
        Map<LocalDate, HolidayEntry> taken = new HashMap<>();
        if (dates.isEmpty()) {
            return taken;
        }
        em.createQuery("select new org.duban.reminder.calendar.HolidayEntry(d.day, d.kind, d.name, d.noticeYear) "
                        + "from CalendarDay d where d.day in :dates", HolidayEntry.class)
                .setParameter("dates", new HashSet<>(dates)).getResultList().stream()
                .filter(e -> !except.contains(e.noticeYear()))
                .forEach(e -> taken.put(e.date(), e));
        return taken;
    }

    /** Whether storing {@code entries} as {@code year} would change anything. */
    public boolean differs(int year, List<HolidayEntry> entries) {
        return year(year).isEmpty() || !new HashSet<>(days(year)).equals(new HashSet<>(entries));
    }

    /** Makes {@code entries} the whole schedule of {@code year}; the caller holds the write lock. */
    public CalendarYear replace(int year, List<HolidayEntry> entries, CalendarYear.Source source, String actor, Instant at) {
        em.createQuery("delete from CalendarDay d where d.noticeYear = :year").setParameter("year", year).executeUpdate();
        CalendarYear row = year(year).orElseGet(() -> {
            CalendarYear created = new CalendarYear();
            created.year = year;
            return created;
        });
        row.source = source;
        row.loadedAt = at;
        row.loadedBy = actor;
        row.revision = ((Number) em.createNativeQuery("SELECT nextval('calendar_revision_seq')").getSingleResult()).longValue();
        if (!em.contains(row)) {
            row.persist();
        }
        // the year row first: the dates refer to it
        em.flush();
        entries.forEach(e -> CalendarDay.of(e).persist());
        em.flush();
        return row;
    }
}
