package org.duban.reminder.replica;

import java.time.LocalDate;

/**
 * A not started assignment its unit has not signed for (签收) yet.
 *
 * @param issuedOn the day it was issued to the unit (its creation, Asia/Shanghai): the signing period is counted from it
 */
public record UnsignedAssignment(OpenAssignment assignment, LocalDate issuedOn) {
}
