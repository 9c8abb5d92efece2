package org.duban.reminder.webhook;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * Webhook tests: a clock they can move and short timeouts. The poll is an hour apart, so every
 * delivery in these tests goes out because the worker was woken — after an enqueue committed, after
 * an attempt, or by the test after moving the clock. Shared by every webhook test class, so Quarkus
 * starts once for them.
 */
public class WebhookTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "duban.webhooks.poll-interval", "1h",
                "duban.webhooks.timeout", "3s",
                "duban.webhooks.connect-timeout", "1s",
                "duban.webhooks.lease", "30s");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MutableClock.class);
    }
}
