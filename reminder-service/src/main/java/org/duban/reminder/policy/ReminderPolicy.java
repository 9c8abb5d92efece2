package org.duban.reminder.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.reminder.engine.Policy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A reminder policy as the API shows and takes it. In a PUT every field may be left out: it then keeps
 * the value of the default policy.
 */
@Schema(name = "ReminderPolicy")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReminderPolicy(
        @Schema(description = "Days before a fixed due date on which DUE_SOON goes out (1–366, at most 10)",
                example = "[30, 7, 1]")
        List<Integer> leadDays,
        @Schema(description = "Whether DUE_TODAY goes out on the due date", example = "true")
        Boolean onDueDate,
        @Schema(description = "OVERDUE goes out the day after the due date, then every so many days; 0 = once",
                example = "7")
        Integer overdueRepeatDays,
        @Schema(description = "ESCALATION goes out once, this many days after the due date, to the unit, the "
                + "task's lead units and the supervising office; 0 = never", example = "14")
        Integer escalateAfterDays,
        @Schema(description = "ISO-8601 period: ONGOING work is asked for a progress report when none came in a "
                + "period this long; P0D = never", example = "P3M")
        String ongoingReportEvery,
        @Schema(description = "Send only on working days (China's public holidays and 调休 days count); what "
                + "falls on a day off goes out on the next working day", example = "true")
        Boolean workdaysOnly,
        @Schema(description = "Local time of day at which reminders go out", example = "09:00")
        String sendAt,
        @Schema(description = "Time zone of the plan", example = "Asia/Shanghai")
        String zone,
        @Schema(description = "Working days (China's holidays and 调休 days count) a unit has to sign for new work (签收); "
                + "ACKNOWLEDGE_DUE goes out on the next working day when it has not. Counted from the day the assignment "
                + "was issued to the unit; 0 = never (0–30)", example = "3")
        Integer acknowledgeWithinDays,
        @Schema(description = "Days before a milestone's due date on which MILESTONE_DUE goes out (0 = on the day itself; "
                + "0–366, at most 10; [] = never). MILESTONE_OVERDUE goes out once, the day after.", example = "[3]")
        List<Integer> milestoneLeadDays) {

    public static ReminderPolicy of(Policy p) {
        return new ReminderPolicy(p.leadDays(), p.onDueDate(), p.overdueRepeatDays(), p.escalateAfterDays(),
                p.ongoingReportEvery().toString(), p.workdaysOnly(), p.sendAt().toString(), p.zone().getId(),
                p.acknowledgeWithinDays(), p.milestoneLeadDays());
    }

    /** The policy this request describes, absent fields taken from {@code base}; 400 with field errors. */
    public Policy toPolicy(Policy base) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Integer> lead = base.leadDays();
        if (leadDays != null) {
            lead = days("leadDays", leadDays, 1, errors);
        }
        List<Integer> milestoneLead = base.milestoneLeadDays();
        if (milestoneLeadDays != null) {
            milestoneLead = days("milestoneLeadDays", milestoneLeadDays, 0, errors);
        }
        if (acknowledgeWithinDays != null && (acknowledgeWithinDays < 0 || acknowledgeWithinDays > 30)) {
            errors.add(new Problem.FieldError("acknowledgeWithinDays", "must be a number of working days from 0 (never) to 30"));
        }
        if (overdueRepeatDays != null && (overdueRepeatDays < 0 || overdueRepeatDays > 366)) {
            errors.add(new Problem.FieldError("overdueRepeatDays", "must be from 0 (no repeat) to 366"));
        }
        if (escalateAfterDays != null && (escalateAfterDays < 0 || escalateAfterDays > 366)) {
            errors.add(new Problem.FieldError("escalateAfterDays", "must be from 0 (never) to 366"));
        }
        Period every = base.ongoingReportEvery();
        if (ongoingReportEvery != null) {
            try {
                every = Period.parse(ongoingReportEvery).normalized();
                if (every.isNegative() || every.toTotalMonths() > 24 || (every.toTotalMonths() == 0 && every.getDays() > 0 && every.getDays() < 7)) {
                    errors.add(new Problem.FieldError("ongoingReportEvery", "must be P0D (never) or from P7D to P2Y"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("ongoingReportEvery", "must be an ISO-8601 period such as P1M or P3M"));
            }
        }
        LocalTime at = base.sendAt();
        if (sendAt != null) {
            try {
                at = LocalTime.parse(sendAt);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("sendAt", "must be a local time such as 09:00"));
            }
        }
        ZoneId z = base.zone();
        if (zone != null) {
            try {
                z = ZoneId.of(zone);
            } catch (DateTimeException e) {
                errors.add(new Problem.FieldError("zone", "must be a time zone such as Asia/Shanghai"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Policy(lead,
                onDueDate != null ? onDueDate : base.onDueDate(),
                overdueRepeatDays != null ? overdueRepeatDays : base.overdueRepeatDays(),
                escalateAfterDays != null ? escalateAfterDays : base.escalateAfterDays(),
                every,
                workdaysOnly != null ? workdaysOnly : base.workdaysOnly(),
                at, z,
                acknowledgeWithinDays != null ? acknowledgeWithinDays : base.acknowledgeWithinDays(),
                milestoneLead);
    }

    /** A list of lead days ({@code min} to 366, at most 10, none twice), largest first; problems go to {@code errors}. */
    private static List<Integer> days(String field, List<Integer> given, int min, List<Problem.FieldError> errors) {
        if (given.size() > 10) {
            errors.add(new Problem.FieldError(field, "at most 10 lead days"));
        }
        HashSet<Integer> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Integer d = given.get(i);
            if (d == null || d < min || d > 366) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "must be a number of days from " + min + " to 366"));
            } else if (!seen.add(d)) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", d + " is given twice"));
            }
        }
        return given.stream().filter(java.util.Objects::nonNull).sorted(java.util.Comparator.reverseOrder()).distinct().toList();
    }
}
