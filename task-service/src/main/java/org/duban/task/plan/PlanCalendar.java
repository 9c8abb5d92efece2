package org.duban.task.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.duban.task.domain.Plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" where the plan lives (Asia/Shanghai), from the injected clock: overdue is decided here. */
@ApplicationScoped
public class PlanCalendar {

    private final Clock clock;

    PlanCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(Plan.DEFAULT_TIME_ZONE)));
    }

    public java.time.Instant now() {
        return clock.instant();
    }
}
