package org.duban.reminder.channel;

/**
 * One message on its way: where to (the channel's type, target and secret) and what (the title and the
 * stored body — markdown for robots, the template parameters as JSON for SMS, plain text for e-mail).
 */
public record Outgoing(long channelId, String unitCode, ChannelType type, String target, String secret, String messageId,
                       String title, String body) {
}
