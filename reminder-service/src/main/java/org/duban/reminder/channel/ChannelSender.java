package org.duban.reminder.channel;

/** Sends one message of one channel type; the HTTP ones go through {@link org.duban.reminder.delivery.OutboundHttp}. */
public interface ChannelSender {

    ChannelType type();

    /** One attempt; null when it was cut short by shutdown and must not count. */
    SendResult send(Outgoing message);
}
