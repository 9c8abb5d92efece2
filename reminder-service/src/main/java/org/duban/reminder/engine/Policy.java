package org.duban.reminder.engine;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

/**
 * A validated reminder policy.
 *
 * @param leadDays           days before a fixed due date for DUE_SOON, largest first
 * @param overdueRepeatDays  0 = OVERDUE only once
 * @param escalateAfterDays  0 = no ESCALATION
 * @param ongoingReportEvery zero = no PROGRESS_REPORT_DUE
 */
public record Policy(List<Integer> leadDays, boolean onDueDate, int overdueRepeatDays, int escalateAfterDays,
                     Period ongoingReportEvery, boolean workdaysOnly, LocalTime sendAt, ZoneId zone) {

    public static final Policy BUILT_IN = new Policy(List.of(30, 7, 1), true, 7, 14, Period.ofMonths(3), true,
            LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"));

    public Policy {
        leadDays = List.copyOf(leadDays);
    }
}
