package org.duban.task.domain;

import java.util.Optional;

/**
 * The status machine: {@code NOT_STARTED → IN_PROGRESS → SUBMITTED → COMPLETED}, and
 * {@code SUBMITTED → IN_PROGRESS} when the office returns (退回) a submission.
 */
public enum AssignmentStatus {
    NOT_STARTED, IN_PROGRESS, SUBMITTED, COMPLETED;

    /** Who may make a move. */
    public enum Mover { OWN_UNIT, OFFICE }

    /** Who may move from this status to {@code to}; empty when the move is not allowed at all. */
    public Optional<Mover> mover(AssignmentStatus to) {
        return switch (this) {
            case NOT_STARTED -> to == IN_PROGRESS ? Optional.of(Mover.OWN_UNIT) : Optional.empty();
            case IN_PROGRESS -> to == SUBMITTED ? Optional.of(Mover.OWN_UNIT) : Optional.empty();
            case SUBMITTED -> to == COMPLETED || to == IN_PROGRESS ? Optional.of(Mover.OFFICE) : Optional.empty();
            case COMPLETED -> Optional.empty();
        };
    }

    /** Overdue is derived, never stored: due before today and not completed. */
    public boolean overdue(java.time.LocalDate dueDate, java.time.LocalDate today) {
        return this != COMPLETED && dueDate != null && dueDate.isBefore(today);
    }
}
