package org.duban.reminder.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.api.Versions;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Reading and replacing the stored schedules. Every write takes the calendar's advisory lock, so
 * that two offices, two replicas or the start-up loader never interleave, and fires
 * {@link CalendarChanged} so that {@link WorkCalendar} serves the new dates as soon as it commits.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);

    private final CalendarRepository repository;
    private final Event<CalendarChanged> changed;
    private final CalendarConfig config;
    private final Clock clock;

    CalendarService(CalendarRepository repository, Event<CalendarChanged> changed, CalendarConfig config, Clock clock) {
        this.repository = repository;
        this.changed = changed;
        this.config = config;
        this.clock = clock;
    }

    /** A replace of one notice year: the year as stored now, and whether it was not loaded before. */
    public record Replaced(CalendarYearView year, boolean created) {
    }

    public int thisYear() {
        return LocalDate.now(clock.withZone(config.timeZone())).getYear();
    }

    @Transactional
    public CalendarOverview overview() {
        Map<Integer, Long> counts = repository.dayCounts();
        List<CalendarOverview.YearSummary> years = repository.years().stream()
                .map(y -> new CalendarOverview.YearSummary(y.year, y.source.name(), y.loadedAt, y.loadedBy,
                        counts.getOrDefault(y.year, 0L), y.revision))
                .toList();
        List<Integer> covered = years.stream().map(CalendarOverview.YearSummary::year).toList();
        int thisYear = thisYear();
        return new CalendarOverview(thisYear, covered,
                HolidaySchedule.of(List.of(), covered).missing(thisYear), years);
    }

    @Transactional
    public CalendarYearView year(int year) {
        requireNoticeYear(year);
        return repository.year(year).map(row -> CalendarYearView.of(row, repository.days(year)))
                .orElseGet(() -> CalendarYearView.uncovered(year));
    }

    /**
     * Makes {@code days} the whole schedule of {@code year}. A year already loaded needs
     * {@code ifMatch} with its revision (428 without, 412 when stale); a new one needs none.
     */
    @Transactional
    public Replaced replaceYear(int year, List<CalendarYearRequest.DayRequest> days, String ifMatch, String actor) {
        requireNoticeYear(year);
        if (days == null || days.isEmpty()) {
            throw ProblemException.validation(List.of(new Problem.FieldError("days",
                    "must list the dates of the " + year + " notice; at least one")));
        }
        List<NoticeYearRules.Draft> drafts = days.stream()
                .map(d -> d == null ? null : new NoticeYearRules.Draft(d.date(), d.kind(), d.name())).toList();
        NoticeYearRules.Result checked = NoticeYearRules.check(year, drafts, i -> "days[" + i + "]");
        if (!checked.ok()) {
            throw ProblemException.validation(checked.findings().stream()
                    .map(f -> new Problem.FieldError("days[" + f.index() + "]." + f.field(), f.message())).toList());
        }
        repository.lockForWrite();
        CalendarYear existing = repository.year(year).orElse(null);
        if (existing != null) {
            Versions.check(Versions.required(ifMatch), existing.revision, "The " + year + " schedule");
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw ProblemException.preconditionFailed("The " + year + " schedule is not loaded, so no version of it matches; "
                    + "send the PUT without If-Match to load it");
        }
        Map<LocalDate, HolidayEntry> taken = repository.setByOtherYears(
                checked.byIndex().values().stream().map(HolidayEntry::date).toList(), Set.of(year));
        if (!taken.isEmpty()) {
            List<Problem.FieldError> errors = new ArrayList<>();
            checked.byIndex().forEach((i, entry) -> {
                HolidayEntry other = taken.get(entry.date());
                if (other != null) {
                    errors.add(new Problem.FieldError("days[" + i + "].date", takenMessage(other)));
                }
            });
            throw ProblemException.validation(errors);
        }
        List<HolidayEntry> entries = checked.entries();
        boolean created = existing == null;
        if (created || repository.differs(year, entries)) {
            existing = repository.replace(year, entries, CalendarYear.Source.PUT, actor, clock.instant());
            changed.fire(new CalendarChanged(Set.of(year)));
            LOG.infof("Holiday schedule %d %s by %s: %d dates", year, created ? "loaded" : "replaced", actor, entries.size());
        }
        return new Replaced(CalendarYearView.of(existing, repository.days(year)), created);
    }

    /**
     * Imports one or more notice years in the CSV format: all or nothing, every problem reported
     * with its line (422). Each notice year in the file replaces the stored one; years not in the
     * file stay as they are. A dry run reports what would change and stores nothing.
     */
    @Transactional
    public CalendarImportReport importCsv(String text, boolean dryRun, String actor) {
        HolidayCsv.Result parsed = HolidayCsv.read(text);
        repository.lockForWrite();
        SortedMap<Integer, List<HolidayEntry>> years = parsed.years();
        List<HolidayEntry> all = years.values().stream().flatMap(List::stream).toList();
        Map<LocalDate, HolidayEntry> taken = repository.setByOtherYears(all.stream().map(HolidayEntry::date).toList(), years.keySet());
        if (!parsed.ok() || !taken.isEmpty()) {
            List<HolidayCsv.LineProblem> problems = new ArrayList<>(parsed.problems());
            all.stream().filter(e -> taken.containsKey(e.date())).forEach(e -> problems.add(new HolidayCsv.LineProblem(
                    parsed.lines().get(e.date()), "date", takenMessage(taken.get(e.date())))));
            problems.sort(Comparator.comparingInt(HolidayCsv.LineProblem::line));
            throw fileProblems(problems.stream().map(p -> lineError(p.line(), p.field(), p.message())).toList());
        }
        List<CalendarImportReport.YearResult> results = new ArrayList<>();
        Set<Integer> changedYears = new TreeSet<>();
        years.forEach((year, entries) -> {
            CalendarImportReport.Action action = repository.year(year).isEmpty() ? CalendarImportReport.Action.CREATED
                    : repository.differs(year, entries) ? CalendarImportReport.Action.REPLACED
                    : CalendarImportReport.Action.UNCHANGED;
            if (!dryRun && action != CalendarImportReport.Action.UNCHANGED) {
                repository.replace(year, entries, CalendarYear.Source.IMPORT, actor, clock.instant());
                changedYears.add(year);
            }
            results.add(new CalendarImportReport.YearResult(year, entries.size(), action));
        });
        if (!changedYears.isEmpty()) {
            changed.fire(new CalendarChanged(Set.copyOf(changedYears)));
        }
        LOG.infof("Holiday schedule import by %s%s: %s", actor, dryRun ? " (dry run)" : "", results);
        return new CalendarImportReport(dryRun, results);
    }

    private static String takenMessage(HolidayEntry other) {
        return other.date() + " is already set by the " + other.noticeYear() + " notice (" + other.kind() + ", "
                + other.name() + "); change that year first";
    }

    private static Problem.FieldError lineError(int line, String field, String message) {
        return new Problem.FieldError(field == null ? "line " + line : "line " + line + ": " + field, message);
    }

    private static ProblemException fileProblems(List<Problem.FieldError> errors) {
        return ProblemException.unprocessable("calendar-import",
                errors.size() + " problem(s) in the file; nothing was imported", errors);
    }

    private static void requireNoticeYear(int year) {
        String problem = NoticeYearRules.yearProblem(year);
        if (problem != null) {
            throw ProblemException.validation(List.of(new Problem.FieldError("year", problem)));
        }
    }
}
