package org.duban.reminder.channel;

/**
 * One message on its way: where to (the channel's type, target and secret, decrypted) and what (the title
 * and the stored body — markdown for robots, the template parameters as JSON for SMS, plain text for e-mail).
 *
 * @param unreadable why the channel's stored URL or secret cannot be decrypted (then nothing is sent); null normally
 */
public record Outgoing(long channelId, String unitCode, ChannelType type, String target, String secret, String messageId,
                       String title, String body, String unreadable) {

    /** Not the URL or the secret: they must not reach a log by accident. */
    @Override
    public String toString() {
        return "Outgoing[channel=" + channelId + ", " + type + ", message=" + messageId + "]";
    }
}
