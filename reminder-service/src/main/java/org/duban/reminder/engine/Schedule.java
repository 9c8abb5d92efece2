package org.duban.reminder.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reminder rules of one policy, as of one run instant. Pure: no database, no clock.
 *
 * <p>Every rule yields occasions with a nominal date (the lead day, the due date, the n-th overdue day…).
 * An occasion goes out on its <em>send date</em>: the nominal date, or with {@code workdaysOnly} the next
 * working day, at {@code sendAt}. A run sends an assignment the <em>latest</em> occasion of each track
 * (approaching the due date; overdue; escalation; progress reports) whose send date is due and within
 * the run's window — so after an outage an assignment gets one OVERDUE, not one per missed day.
 *
 * <p>The window is the send dates since the last completed run ({@code sentThrough}), at most
 * {@code catchUpDays} back; a first run looks back {@code catchUpDays}; a run for a day already run
 * looks at that day again. Only assignments with an occasion in the window are read, so a run's cost
 * grows with what is due, not with the number of assignments.
 */
public final class Schedule {

    private final Policy policy;
    private final DayRule days;
    private final LocalDate today;
    private final boolean active;
    /** The latest send date whose sending time has come. */
    private final LocalDate lastSendDate;
    /** Send dates after this one are in the window. */
    private final LocalDate windowStart;

    public Schedule(Policy policy, DayRule days, Instant at, int catchUpDays) {
        this(policy, days, at, null, catchUpDays);
    }

    public Schedule(Policy policy, DayRule days, Instant at, LocalDate sentThrough, int catchUpDays) {
        this.policy = policy;
        this.days = days;
        ZonedDateTime local = at.atZone(policy.zone());
        this.today = local.toLocalDate();
        this.active = !policy.workdaysOnly() || days.isWorkingDay(today);
        this.lastSendDate = local.toLocalTime().isBefore(policy.sendAt()) ? today.minusDays(1) : today;
        LocalDate earliest = lastSendDate.minusDays(Math.max(1, catchUpDays));
        if (sentThrough == null) {
            this.windowStart = earliest;
        } else if (sentThrough.isBefore(lastSendDate)) {
            this.windowStart = sentThrough.isAfter(earliest) ? sentThrough : earliest;
        } else {
            this.windowStart = lastSendDate.minusDays(1);
        }
    }

    /** The latest send date this run covers: what a completed run has sent through. */
    public LocalDate lastSendDate() {
        return lastSendDate;
    }

    public LocalDate today() {
        return today;
    }

    /** With {@code workdaysOnly}, nothing goes out on a day off: the next working day's run sends it. */
    public boolean active() {
        return active;
    }

    public LocalDate sendDate(LocalDate nominal) {
        return policy.workdaysOnly() ? days.nextWorkingDay(nominal) : nominal;
    }

    private boolean due(LocalDate nominal) {
        LocalDate send = sendDate(nominal);
        return !send.isAfter(lastSendDate);
    }

    private boolean inWindow(LocalDate nominal) {
        LocalDate send = sendDate(nominal);
        return send.isAfter(windowStart) && !send.isAfter(lastSendDate);
    }

    /** The nominal dates whose send date lies in the window, oldest first. */
    public List<LocalDate> window() {
        List<LocalDate> dates = new ArrayList<>();
        // a holiday run (春节, 国庆) shifts a nominal date by at most ~10 days; 31 covers any schedule
        for (LocalDate n = windowStart.minusDays(31); !n.isAfter(lastSendDate); n = n.plusDays(1)) {
            if (inWindow(n)) {
                dates.add(n);
            }
        }
        return dates;
    }

    /**
     * The due dates an assignment can have to owe a reminder in this run, given the earliest due date
     * of any open assignment (OVERDUE repeats reach back to it). Only these are read.
     */
    public Set<LocalDate> candidateDueDates(LocalDate earliestDue) {
        TreeSet<LocalDate> due = new TreeSet<>();
        for (LocalDate n : window()) {
            for (int lead : policy.leadDays()) {
                due.add(n.plusDays(lead));
            }
            if (policy.onDueDate()) {
                due.add(n);
            }
            if (policy.escalateAfterDays() > 0) {
                due.add(n.minusDays(policy.escalateAfterDays()));
            }
            // OVERDUE on due+1, due+1+r, due+1+2r, …
            LocalDate d = n.minusDays(1);
            due.add(d);
            if (policy.overdueRepeatDays() > 0 && earliestDue != null) {
                for (d = d.minusDays(policy.overdueRepeatDays()); !d.isBefore(earliestDue); d = d.minusDays(policy.overdueRepeatDays())) {
                    due.add(d);
                }
            }
        }
        return due;
    }

    /** What an open assignment with a fixed due date is owed in this run: at most one occasion per track. */
    public List<Occasion> fixed(LocalDate dueDate) {
        List<Occasion> owed = new ArrayList<>(2);
        if (!dueDate.isBefore(today)) {
            approach(dueDate).ifPresent(owed::add);
        } else {
            overdue(dueDate).ifPresent(owed::add);
            escalation(dueDate).ifPresent(owed::add);
        }
        return owed;
    }

    private Optional<Occasion> approach(LocalDate dueDate) {
        if (policy.onDueDate() && due(dueDate)) {
            return inWindow(dueDate) ? Optional.of(new Occasion(ReminderKind.DUE_TODAY, dueDate)) : Optional.empty();
        }
        // lead days are largest first: the last one that is due is the latest occasion
        Occasion latest = null;
        for (int lead : policy.leadDays()) {
            LocalDate n = dueDate.minusDays(lead);
            if (due(n)) {
                latest = new Occasion(ReminderKind.DUE_SOON, n);
            }
        }
        return latest != null && inWindow(latest.date()) ? Optional.of(latest) : Optional.empty();
    }

    private Optional<Occasion> overdue(LocalDate dueDate) {
        LocalDate first = dueDate.plusDays(1);
        if (first.isAfter(lastSendDate)) {
            return Optional.empty();
        }
        int every = policy.overdueRepeatDays();
        long j = every > 0 ? ChronoUnit.DAYS.between(first, lastSendDate) / every : 0;
        for (; j >= 0; j--) {
            LocalDate n = first.plusDays(j * Math.max(every, 0));
            if (due(n)) {
                return inWindow(n) ? Optional.of(new Occasion(ReminderKind.OVERDUE, n)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Occasion> escalation(LocalDate dueDate) {
        if (policy.escalateAfterDays() <= 0) {
            return Optional.empty();
        }
        LocalDate n = dueDate.plusDays(policy.escalateAfterDays());
        return inWindow(n) ? Optional.of(new Occasion(ReminderKind.ESCALATION, n)) : Optional.empty();
    }

    /**
     * The day ACKNOWLEDGE_DUE goes out for work issued on {@code issuedOn} and not signed for (签收): the unit had
     * the {@code acknowledgeWithinDays} working days after the day of issue; the reminder goes out on the working day
     * after them. Issued on Thursday 2022-09-29 with 3 days: 9-30, then 10-08 and 10-09 (weekend days made working
     * days after 国庆) — the reminder goes out on Monday 10-10. Empty when the policy sends none.
     */
    public Optional<LocalDate> acknowledgeDay(LocalDate issuedOn) {
        if (policy.acknowledgeWithinDays() <= 0) {
            return Optional.empty();
        }
        LocalDate last = issuedOn;
        for (int i = 0; i < policy.acknowledgeWithinDays(); i++) {
            last = days.nextWorkingDay(last.plusDays(1));
        }
        return Optional.of(days.nextWorkingDay(last.plusDays(1)));
    }

    /** The ACKNOWLEDGE_DUE work issued on {@code issuedOn} and still not signed for is owed in this run, if any. */
    public Optional<Occasion> acknowledge(LocalDate issuedOn) {
        return acknowledgeDay(issuedOn).filter(this::inWindow).map(d -> new Occasion(ReminderKind.ACKNOWLEDGE_DUE, d));
    }

    /** The issue days (among {@code issueDays}) whose ACKNOWLEDGE_DUE falls in the window: only their work is read. */
    public Set<LocalDate> issueDaysDue(Set<LocalDate> issueDays) {
        TreeSet<LocalDate> due = new TreeSet<>();
        for (LocalDate day : issueDays) {
            acknowledge(day).ifPresent(o -> due.add(day));
        }
        return due;
    }

    /** The due dates an open milestone can have to owe a reminder in this run. Only these are read. */
    public Set<LocalDate> candidateMilestoneDueDates() {
        TreeSet<LocalDate> due = new TreeSet<>();
        for (LocalDate n : window()) {
            for (int lead : policy.milestoneLeadDays()) {
                due.add(n.plusDays(lead));
            }
            due.add(n.minusDays(1)); // MILESTONE_OVERDUE, the day after
        }
        return due;
    }

    /**
     * What an open milestone due on {@code dueDate} is owed in this run: the latest of its lead days (MILESTONE_DUE)
     * while it is not past, or once the day after (MILESTONE_OVERDUE).
     */
    public Optional<Occasion> milestone(LocalDate dueDate) {
        if (!dueDate.isBefore(today)) {
            Occasion latest = null;
            for (int lead : policy.milestoneLeadDays()) { // largest first
                LocalDate n = dueDate.minusDays(lead);
                if (due(n)) {
                    latest = new Occasion(ReminderKind.MILESTONE_DUE, n);
                }
            }
            return latest != null && inWindow(latest.date()) ? Optional.of(latest) : Optional.empty();
        }
        LocalDate n = dueDate.plusDays(1);
        return inWindow(n) ? Optional.of(new Occasion(ReminderKind.MILESTONE_OVERDUE, n)) : Optional.empty();
    }

    /** The start dates of ONGOING work (among {@code anchors}) that have a reporting occasion in the window. */
    public Set<LocalDate> anchorsDue(Set<LocalDate> anchors) {
        TreeSet<LocalDate> due = new TreeSet<>();
        for (LocalDate anchor : anchors) {
            progressOccasion(anchor).ifPresent(o -> due.add(anchor));
        }
        return due;
    }

    /**
     * The PROGRESS_REPORT_DUE an ONGOING assignment started on {@code anchor} is owed, unless a report
     * came in during the period that ends at the occasion.
     */
    public Optional<Occasion> progress(LocalDate anchor, Instant lastProgressAt) {
        return progressOccasion(anchor).filter(o -> {
            Instant periodStart = o.date().minus(policy.ongoingReportEvery()).atStartOfDay(policy.zone()).toInstant();
            return lastProgressAt == null || lastProgressAt.isBefore(periodStart);
        });
    }

    private Optional<Occasion> progressOccasion(LocalDate anchor) {
        if (policy.ongoingReportEvery().isZero()) {
            return Optional.empty();
        }
        Occasion latest = null;
        for (int k = 1; ; k++) {
            LocalDate n = anchor.plus(policy.ongoingReportEvery().multipliedBy(k));
            if (!due(n)) {
                break;
            }
            latest = new Occasion(ReminderKind.PROGRESS_REPORT_DUE, n);
            if (k > 10_000) {
                break;
            }
        }
        return latest != null && inWindow(latest.date()) ? Optional.of(latest) : Optional.empty();
    }
}
