package org.duban.reminder.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Says which holiday schedules this replica works with. Always UP: a year not loaded yet means
 * reminders go out Monday–Friday, which is worth a warning but no reason to take pods out of
 * service.
 */
@Readiness
@ApplicationScoped
public class WorkingDayCalendarHealthCheck implements HealthCheck {

    public static final String NAME = "working-day calendar";

    private final WorkCalendar calendar;
    private final CalendarService service;

    WorkingDayCalendarHealthCheck(WorkCalendar calendar, CalendarService service) {
        this.calendar = calendar;
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        try {
            HolidaySchedule schedule = calendar.schedule();
            List<Integer> missing = schedule.missing(service.thisYear());
            response.withData("coveredYears", join(schedule.coveredYears()))
                    .withData("missing", join(missing));
            if (!missing.isEmpty()) {
                response.withData("warning", missing.stream().map(WorkCalendar::fallbackWarning).collect(Collectors.joining("; ")));
            }
        } catch (RuntimeException e) {
            // the datasource check reports the database itself
            response.withData("warning", "the holiday schedules could not be read yet");
        }
        return response.build();
    }

    private static String join(Collection<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
