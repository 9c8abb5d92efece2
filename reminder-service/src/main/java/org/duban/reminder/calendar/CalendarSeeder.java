package org.duban.reminder.calendar;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads the bundled schedule ({@value #RESOURCE}) at start: every notice year not in the database
 * yet. A year already there — shipped before, or loaded or changed by the office — is left alone.
 * Safe with several replicas starting at once (the calendar's advisory lock).
 */
@ApplicationScoped
public class CalendarSeeder {

    private static final Logger LOG = Logger.getLogger(CalendarSeeder.class);
    static final String RESOURCE = "calendar/china-holidays.csv";
    static final String LOADED_BY = "duban (bundled china-holidays.csv)";

    private final CalendarRepository repository;
    private final CalendarConfig config;
    private final Event<CalendarChanged> changed;
    private final Clock clock;

    CalendarSeeder(CalendarRepository repository, CalendarConfig config, Event<CalendarChanged> changed, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.changed = changed;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.seedAtStart()) {
            return;
        }
        Set<Integer> loaded = QuarkusTransaction.requiringNew().call(this::seed);
        if (!loaded.isEmpty()) {
            LOG.infof("Loaded the bundled holiday schedules of %s", loaded);
        }
    }

    /** The notice years it loaded. */
    Set<Integer> seed() {
        HolidayCsv.Result shipped = HolidayCsv.read(bundled());
        if (!shipped.ok()) {
            // a packaging mistake, caught by the tests; never the office's data
            throw new IllegalStateException("The bundled " + RESOURCE + " is broken: " + shipped.problems());
        }
        repository.lockForWrite();
        Set<Integer> existing = new HashSet<>(repository.years().stream().map(y -> y.year).toList());
        Set<Integer> loaded = new TreeSet<>();
        shipped.years().forEach((year, entries) -> {
            if (existing.contains(year)) {
                return;
            }
            Map<java.time.LocalDate, HolidayEntry> taken = repository.setByOtherYears(
                    entries.stream().map(HolidayEntry::date).toList(), List.of(year));
            if (!taken.isEmpty()) {
                LOG.warnf("Not loading the bundled %d holiday schedule: the office's schedules already set %s",
                        year, new TreeSet<>(taken.keySet()));
                return;
            }
            repository.replace(year, entries, CalendarYear.Source.SHIPPED, LOADED_BY, clock.instant());
            loaded.add(year);
        });
        if (!loaded.isEmpty()) {
            changed.fire(new CalendarChanged(Set.copyOf(loaded)));
        }
        return loaded;
    }

    private static String bundled() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
