package org.duban.reminder.channel;

/**
 * Fired (CDI, synchronously, inside the transaction that disables it) when a channel is disabled after
 * repeated failure; the inbox leaves the unit a notice.
 */
public record ChannelDisabled(long channelId, String unitCode, ChannelType type, String reason) {
}
