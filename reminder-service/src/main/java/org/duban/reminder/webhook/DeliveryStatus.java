package org.duban.reminder.webhook;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt (or being attempted). */
    PENDING,
    /** A receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed, or its subscription was disabled. */
    FAILED
}
