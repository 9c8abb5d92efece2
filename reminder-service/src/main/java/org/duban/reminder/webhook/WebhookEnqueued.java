package org.duban.reminder.webhook;

/** Fired by {@link WebhookDispatcher} inside the enqueuing transaction; wakes the worker once it commits. */
record WebhookEnqueued(int deliveries) {
}
