package org.duban.task.score;

/**
 * One unit's counts as of the end of a day, what its score is computed from ({@link ScoreRules}).
 *
 * @param fellDue            completed, or open with its due date passed: the assignments on-time completion is measured on
 * @param cappedOverdueDays  the overdue days of each assignment up to the cap, added up
 * @param acknowledgeDue     signed for, or unsigned with its sign-for window over
 */
public record UnitTally(String unitCode, String unitName, long assignments, long completed, long completedOnTime,
                        long overdue, long overdueDays, long cappedOverdueDays, long fellDue, long acknowledgeDue,
                        long acknowledgedOnTime, long acknowledged, long reportsDue, long reportsOnTime) {
}
