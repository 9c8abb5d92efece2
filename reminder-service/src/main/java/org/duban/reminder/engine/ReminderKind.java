package org.duban.reminder.engine;

/** What a reminder says; API.md's notification {@code kind}. */
public enum ReminderKind {
    /** On each lead day before a fixed due date. */
    DUE_SOON,
    /** On the due date. */
    DUE_TODAY,
    /** The day after the due date, then every {@code overdueRepeatDays}. */
    OVERDUE,
    /** Once, {@code escalateAfterDays} after the due date: to the unit, the task's lead units and the office. */
    ESCALATION,
    /** For ONGOING work without a progress report in the last {@code ongoingReportEvery}. */
    PROGRESS_REPORT_DUE,
    /** Once, on the working day after the {@code acknowledgeWithinDays} working days a unit had to sign for new work (签收). */
    ACKNOWLEDGE_DUE,
    /** On each of {@code milestoneLeadDays} before an open milestone's (节点) due date. */
    MILESTONE_DUE,
    /** Once, the day after an open milestone's due date. */
    MILESTONE_OVERDUE,
    /** 催办: the office, a lead unit of the task or the delegating unit urged the unit about one assignment; told at once. */
    URGE,
    /** Added to API.md's list: a webhook subscription of the unit was disabled after repeated failure. */
    WEBHOOK_DISABLED,
    /** Added to API.md's list: one of the unit's channels (robot, SMS, e-mail) disabled itself after repeated failure. */
    CHANNEL_DISABLED
}
