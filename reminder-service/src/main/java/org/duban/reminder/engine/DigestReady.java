package org.duban.reminder.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * A unit's digest of one run, fired synchronously inside the transaction that marks its notifications
 * dispatched: each channel (e-mail, webhooks) observes it and queues its delivery in the same
 * transaction, so a digest is queued once per channel or not at all.
 *
 * @param messageId stable per (run, unit): the id channels deliver it under
 * @param payload   the {@code duban.notification.sent} data
 */
public record DigestReady(long runId, String unitCode, String unitName, String email, String messageId,
                          Set<String> kinds, String subject, String text, List<Long> notificationIds,
                          ObjectNode payload) {
}
