package org.duban.reminder.channel;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Instant;
import java.util.Map;

/** Starts the local platforms once per test JVM and points the SMS provider at them. */
public class Platforms implements QuarkusTestResourceLifecycleManager {

    private static PlatformReceiver receiver;

    static synchronized PlatformReceiver receiver() {
        if (receiver == null) {
            receiver = new PlatformReceiver(Instant::now);
        }
        return receiver;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("duban.channels.sms.endpoint", receiver().smsEndpoint(),
                "duban.channels.sms.access-key-id", PlatformReceiver.SMS_KEY_ID,
                "duban.channels.sms.access-key-secret", PlatformReceiver.SMS_KEY_SECRET);
    }

    @Override
    public void stop() {
        // one receiver per test JVM
    }
}
