package org.duban.task.domain;

public enum DeadlineKind {
    /** Due on one date. */
    FIXED,
    /** No single date; progress is reported periodically. */
    ONGOING
}
