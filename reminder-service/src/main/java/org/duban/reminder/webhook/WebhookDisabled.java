package org.duban.reminder.webhook;

/**
 * Fired (CDI, synchronously, inside the transaction that disables it) when a subscription is
 * disabled after repeated failure. An observer that throws rolls that transaction back: the
 * subscription stays active and the attempt is made again after its lease.
 *
 * @param webhookId the subscription's id
 * @param unitCode  the unit it was for; null when it took every unit's messages
 * @param url       where it delivered to
 * @param reason    why it was disabled, in words (also its {@code disabledReason})
 */
public record WebhookDisabled(long webhookId, String unitCode, String url, String reason) {
}
