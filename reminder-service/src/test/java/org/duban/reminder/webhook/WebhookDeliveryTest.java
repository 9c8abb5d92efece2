package org.duban.reminder.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an OA system receives: a message the engine enqueues arrives once, signed so that a
 * Standard Webhooks check passes (and fails for a tampered body), only at the subscriptions whose
 * unit and events match.
 */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
class WebhookDeliveryTest extends WebhookScenario {

    @Test
    void anEnqueuedMessageArrivesOnceSignedTheStandardWebhooksWay() throws Exception {
        TestReceiver oa = receiver(TestReceiver.answering(SECRET, clock::instant));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(oa.url("/hooks/duban"), SECRET, List.of("OVERDUE"), unit);
        String messageId = "msg_" + UUID.randomUUID();
        Map<String, Object> data = Map.of("unitCode", unit, "taskNumber", "12", "title", "任务已逾期，请尽快办理");

        assertEquals(1, enqueue(unit, Set.of("OVERDUE"), messageId, data));

        await().atMost(Duration.ofSeconds(10)).until(() -> oa.received().size() == 1);
        TestReceiver.Received request = oa.received().get(0);
        assertTrue(request.signatureValid(), "the receiver's own Standard Webhooks check passes");
        assertEquals(messageId, request.id());
        assertTrue(request.signature().startsWith("v1,"));
        assertTrue(request.contentType().startsWith("application/json"));
        JsonNode body = json.readTree(request.body());
        assertEquals(EVENT_TYPE, body.get("type").asText());
        assertEquals(json.valueToTree(data), body.get("data"));
        Instant stamped = Instant.parse(body.get("timestamp").asText());
        assertTrue(Duration.between(stamped, clock.instant()).abs().toSeconds() < 60, "envelope timestamp " + stamped);

        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(WebhookApi.delivery(id).getString("status")));
        JsonPath delivery = WebhookApi.delivery(id);
        assertEquals(messageId, delivery.getString("messageId"));
        assertEquals(EVENT_TYPE, delivery.getString("eventType"));
        assertEquals(1, delivery.getInt("attempts"));
        assertEquals(200, delivery.getInt("lastStatusCode"));
        assertNull(delivery.get("lastError"));
        assertNull(delivery.get("nextAttemptAt"));
        assertNotNull(delivery.get("deliveredAt"));
        assertEquals(List.of(200), delivery.getList("attemptLog.statusCode"));
        assertTrue(delivery.getInt("attemptLog[0].durationMs") >= 0);

        // Someone replays the captured headers with a body of their own: the check refuses it.
        Map<String, String> captured = Map.of("webhook-id", request.id(), "webhook-timestamp", request.timestamp(),
                "webhook-signature", request.signature(), "Content-Type", "application/json");
        assertEquals(401, oa.post("/hooks/duban", captured, request.text().replace("任务已逾期", "任务已完成")));
        assertFalse(oa.received().get(1).signatureValid());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> oa.received().size() == 2);
    }

    @Test
    void theSameMessageIdIsStoredAndDeliveredOnce() {
        TestReceiver oa = receiver(TestReceiver.answering(SECRET, clock::instant));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(oa.url("/once"), SECRET, List.of(), unit);
        String first = "msg_" + UUID.randomUUID();
        String second = "msg_" + UUID.randomUUID();

        assertEquals(1, enqueue(unit, Set.of("DUE_SOON"), first, Map.of("n", 1)));
        assertEquals(0, enqueue(unit, Set.of("DUE_SOON"), first, Map.of("n", 1)), "a second call creates nothing");
        int inOneTransaction = QuarkusTransaction.requiringNew().call(() ->
                dispatcher.enqueue(unit, Set.of("DUE_SOON"), EVENT_TYPE, second, json.valueToTree(Map.of("n", 2)))
                        + dispatcher.enqueue(unit, Set.of("DUE_SOON"), EVENT_TYPE, second, json.valueToTree(Map.of("n", 2))));
        assertEquals(1, inOneTransaction);

        await().atMost(Duration.ofSeconds(10)).until(() -> oa.received().size() == 2);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> oa.received().size() == 2);
        assertEquals(Set.of(first, second), Set.copyOf(oa.received().stream().map(TestReceiver.Received::id).toList()));
        assertEquals(2, WebhookApi.deliveries(id).getInt("total"));
    }

    @Test
    void nothingIsSentForARolledBackTransactionAndEnqueueNeedsOne() {
        TestReceiver oa = receiver(TestReceiver.answering(SECRET, clock::instant));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(oa.url("/rolled-back"), SECRET, List.of(), unit);

        QuarkusTransaction.begin();
        assertEquals(1, dispatcher.enqueue(unit, Set.of("OVERDUE"), EVENT_TYPE, "msg_" + UUID.randomUUID(), null));
        QuarkusTransaction.rollback();
        assertThrows(TransactionalException.class, () ->
                dispatcher.enqueue(unit, Set.of("OVERDUE"), EVENT_TYPE, "msg_" + UUID.randomUUID(), null));

        worker.kick();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> oa.received().isEmpty());
        assertEquals(0, WebhookApi.deliveries(id).getInt("total"));
    }

    @Test
    void onlySubscriptionsWhoseUnitAndEventsMatchGetTheMessage() {
        TestReceiver oa = receiver(TestReceiver.answering(SECRET, clock::instant));
        String unit = WebhookApi.freshUnit();
        String otherUnit = WebhookApi.freshUnit();
        api.subscribe(oa.url("/everything"), SECRET, List.of(), unit);
        api.subscribe(oa.url("/overdue"), SECRET, List.of("OVERDUE"), unit);
        api.subscribe(oa.url("/star"), SECRET, List.of("*"), unit);
        api.subscribe(oa.url("/every-unit-by-type"), SECRET, List.of(EVENT_TYPE), null);
        api.subscribe(oa.url("/escalation-or-due-today"), SECRET, List.of("ESCALATION", "DUE_TODAY"), unit);
        api.subscribe(oa.url("/other-unit"), SECRET, List.of(), otherUnit);

        assertEquals(4, enqueue(unit, Set.of("OVERDUE"), "m1-" + unit, Map.of()));
        assertEquals(3, enqueue(unit, Set.of("DUE_SOON"), "m2-" + unit, Map.of()));
        assertEquals(2, enqueue(otherUnit, Set.of("ESCALATION"), "m3-" + unit, Map.of()));
        assertEquals(1, enqueue(null, Set.of("OVERDUE"), "m4-" + unit, Map.of()), "no unit: only the every-unit subscription");

        await().atMost(Duration.ofSeconds(10)).until(() -> oa.received().size() == 10);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> oa.received().size() == 10);
        assertEquals(Set.of("m1", "m2"), messagesAt(oa, "/everything"));
        assertEquals(Set.of("m1"), messagesAt(oa, "/overdue"));
        assertEquals(Set.of("m1", "m2"), messagesAt(oa, "/star"));
        assertEquals(Set.of("m1", "m2", "m3", "m4"), messagesAt(oa, "/every-unit-by-type"));
        assertEquals(Set.of(), messagesAt(oa, "/escalation-or-due-today"));
        assertEquals(Set.of("m3"), messagesAt(oa, "/other-unit"));
        assertTrue(oa.received().stream().allMatch(TestReceiver.Received::signatureValid));
    }

    private static Set<String> messagesAt(TestReceiver receiver, String path) {
        return Set.copyOf(receiver.received(path).stream().map(r -> r.id().substring(0, 2)).toList());
    }
}
