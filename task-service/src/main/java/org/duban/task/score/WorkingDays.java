package org.duban.task.score;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * China's working days for the sign-for window: a listed {@code OFF} date is a day off, a listed {@code WORK} date
 * (调休) a working day, any other Monday to Friday a working day. The schedule is the State Council's 2020–2026
 * notices, the same file reminder-service seeds its calendar with ({@code score/china-holidays.csv}, checked equal
 * by a test), so that "signed for within 3 working days" means the same in the reminders and in the score. A year
 * not listed follows Monday to Friday. Immutable once loaded.
 */
@ApplicationScoped
public class WorkingDays {

    static final String RESOURCE = "/score/china-holidays.csv";

    private final Map<LocalDate, Boolean> listed;

    public WorkingDays() {
        this(load());
    }

    WorkingDays(Map<LocalDate, Boolean> listed) {
        this.listed = Map.copyOf(listed);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean working = listed.get(day);
        if (working != null) {
            return working;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}th working day after {@code day} (the day itself does not count): the last day of a window. */
    public LocalDate after(LocalDate day, int n) {
        LocalDate d = day;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    private static Map<LocalDate, Boolean> load() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        try (InputStream in = WorkingDays.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // date,kind,holiday,scheduleYear
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                days.put(LocalDate.parse(cells[0].strip()), cells[1].strip().equals("WORK"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }
}
