package org.duban.reminder.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * What the delivery tests share: receivers on local ports, subscriptions made through the API, the
 * dispatcher called the way the reminder engine calls it, and a clock to move. Everything a test
 * creates is removed after it.
 */
abstract class WebhookScenario {

    static final String EVENT_TYPE = "duban.notification.sent";

    /** A secret the test makes itself, so the receiver's check does not lean on the service's code. */
    static final String SECRET;

    static {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SECRET = "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookDeliveryWorker worker;

    @Inject
    MutableClock clock;

    @Inject
    DisabledWebhooks disabled;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    final WebhookApi api = new WebhookApi();
    private final List<TestReceiver> receivers = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestMade() {
        api.deleteAll();
        receivers.forEach(TestReceiver::close);
        receivers.clear();
    }

    TestReceiver receiver(TestReceiver receiver) {
        receivers.add(receiver);
        return receiver;
    }

    /** Enqueues in a transaction of its own, as the engine does when it sends a notification. */
    int enqueue(String unitCode, Set<String> kinds, String messageId, Object data) {
        return QuarkusTransaction.requiringNew().call(() ->
                dispatcher.enqueue(unitCode, kinds, EVENT_TYPE, messageId, json.valueToTree(data)));
    }
}
