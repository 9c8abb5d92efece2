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
 * @param acknowledgeWithinDays working days a unit has to sign for new work (签收) before ACKNOWLEDGE_DUE; 0 = never
 * @param milestoneLeadDays  days before a milestone's due date for MILESTONE_DUE (0: the day itself), largest first
 */
public record Policy(List<Integer> leadDays, boolean onDueDate, int overdueRepeatDays, int escalateAfterDays,
                     Period ongoingReportEvery, boolean workdaysOnly, LocalTime sendAt, ZoneId zone,
                     int acknowledgeWithinDays, List<Integer> milestoneLeadDays) {

    public static final Policy BUILT_IN = new Policy(List.of(30, 7, 1), true, 7, 14, Period.ofMonths(3), true,
            LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"), 3, List.of(3));

    public Policy {
        leadDays = List.copyOf(leadDays);
        milestoneLeadDays = List.copyOf(milestoneLeadDays);
    }
}
