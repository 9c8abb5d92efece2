package org.duban.reminder.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A loaded notice year: its dates are the calendar_day rows that name it. */
@Entity
@Table(name = "calendar_year")
public class CalendarYear extends PanacheEntityBase {

    /** Who loaded a year. The start-up loader fills only years nobody has loaded. */
    public enum Source {
        /** From the file bundled with the service, at start. */
        SHIPPED,
        /** By the office, {@code PUT /api/calendar/{year}}. */
        PUT,
        /** By the office, {@code POST /api/calendar/import}. */
        IMPORT
    }

    @Id
    public Integer year;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "loaded_at")
    public Instant loadedAt;

    @Column(name = "loaded_by")
    public String loadedBy;

    /** From calendar_revision_seq at every write: the year's ETag, and how replicas notice changes. */
    public long revision;
}
