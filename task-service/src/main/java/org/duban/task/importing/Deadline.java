package org.duban.task.domain;

import java.time.LocalDate;

/**
 * A task's deadline as read from its 时限要求 text.
 *
 * @param dueDate null when {@link DeadlineKind#ONGOING}
 * @param text the text as the plan writes it
 * @param reviewNeeded the office must confirm: the text was not understood, or names a date before the plan was issued
 */
public record Deadline(DeadlineKind kind, LocalDate dueDate, String text, boolean reviewNeeded) {

    static Deadline fixed(LocalDate dueDate, String text, boolean reviewNeeded) {
        return new Deadline(DeadlineKind.FIXED, dueDate, text, reviewNeeded);
    }

    static Deadline ongoing(String text) {
        return new Deadline(DeadlineKind.ONGOING, null, text, false);
    }

    /** Not understood: treated as ongoing so that nothing falls overdue on a guessed date. */
    static Deadline unclear(String text) {
        return new Deadline(DeadlineKind.ONGOING, null, text, true);
    }
}
