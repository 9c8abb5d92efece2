package org.duban.reminder.channel;

import java.util.Map;

/**
 * An SMS gateway that sends an approved template with parameters to one phone. SMS in China goes only
 * through approved signatures and templates, so what a unit reads is the template with these values.
 */
public interface SmsProvider {

    /** Whether it has what it needs (keys, signature, template) to send at all. */
    boolean configured();

    /** One attempt; null when it was cut short by shutdown. */
    SendResult send(String phone, Map<String, String> templateParams);
}
