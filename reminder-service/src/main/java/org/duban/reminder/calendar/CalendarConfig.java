package org.duban.reminder.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** {@code duban.calendar.*}: the working-day calendar. */
@ConfigMapping(prefix = "duban.calendar")
public interface CalendarConfig {

    /** How often a replica looks for schedules changed through another replica. */
    @WithDefault("30s")
    Duration refresh();

    /** Whether to load the bundled schedule's years that are not in the database yet, at start. */
    @WithDefault("true")
    boolean seedAtStart();

    /** Where "this year" is decided, for the years reported missing. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();
}
