package org.duban.reminder.channel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel's quiet hours, e.g. {@code 22:00-08:00} (Asia/Shanghai; may run over midnight). A channel
 * with quiet hours is also quiet on days off: what falls in them goes out at their end on the next
 * working day. Pure: the working-day rule is passed in.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern FORM = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    /** Parses {@code HH:mm-HH:mm}; throws IllegalArgumentException with a reason in words. */
    public static QuietHours parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be HH:mm-HH:mm, e.g. 22:00-08:00");
        }
        try {
            return new QuietHours(LocalTime.parse(m.group(1)), LocalTime.parse(m.group(2)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be HH:mm-HH:mm with real times, e.g. 22:00-08:00");
        }
    }

    public boolean overnight() {
        return end.isBefore(start);
    }

    public boolean contains(LocalTime time) {
        return overnight() ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
    }

    /**
     * The first instant at or after {@code at} that lies on a working day and outside the quiet hours:
     * {@code at} itself when it does.
     */
    public Instant release(Instant at, Predicate<LocalDate> workingDay) {
        LocalDateTime t = LocalDateTime.ofInstant(at, ZONE);
        for (int guard = 0; guard < 800; guard++) {
            if (!workingDay.test(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (contains(t.toLocalTime())) {
                LocalDate endDay = overnight() && !t.toLocalTime().isBefore(start) ? t.toLocalDate().plusDays(1) : t.toLocalDate();
                t = endDay.atTime(end);
            } else {
                return t.atZone(ZONE).toInstant();
            }
        }
        throw new IllegalStateException("no working day within two years after " + at);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
