package org.duban.task.score;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The scoring settings a plan has until the office sets its own ({@code PUT /api/plans/{id}/scoring}).
 * The weights add up to 100.
 */
@ConfigMapping(prefix = "duban.scoring")
public interface ScoringConfig {

    /** Share of the score for completing on time (按时办结). */
    @WithDefault("40")
    int completionWeight();

    /** Share of the score lost to overdue days (逾期天数). */
    @WithDefault("30")
    int overdueWeight();

    /** Share of the score for signing for on time (按时签收). */
    @WithDefault("15")
    int acknowledgeWeight();

    /** Share of the score for reporting progress in every period (按期报送进展). */
    @WithDefault("15")
    int reportsWeight();

    /** Working days after an assignment is issued within which it is to be signed for (reminder-service's default too). */
    @WithDefault("3")
    int acknowledgeWithinDays();

    /** Overdue days of one assignment beyond which it costs nothing more: at the cap it has lost all its overdue points. */
    @WithDefault("30")
    int overdueDaysCap();

    /** The reporting period in calendar months (1 monthly, 3 quarterly …). */
    @WithDefault("1")
    int reportEveryMonths();

    /** Which assignments owe a report each period: {@code ALL} or only {@code ONGOING} ones (持续推进). */
    @WithDefault("ALL")
    String reportScope();

    /** The bulletin's 机关代字 in its document number line: 皖政务公开办〔2022〕5号. */
    @WithDefault("皖政务公开办")
    String bulletinNumberPrefix();

    /** The bulletin's addressees (主送机关). */
    @WithDefault("各市、县人民政府办公室（政务公开办公室），省有关单位办公室：")
    String bulletinAddressee();
}
