package org.duban.reminder.replica;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An open assignment without a due date (ONGOING work), with what its progress-report periods are counted
 * from.
 *
 * @param startedOn      the day the work began (Asia/Shanghai): periods are counted from it
 * @param lastProgressAt the latest progress report, null when none came in
 */
public record OngoingAssignment(OpenAssignment assignment, LocalDate startedOn, Instant lastProgressAt) {
}
