package org.duban.reminder.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a receiver fails: the same message is tried again on the Standard Webhooks schedule (time
 * is moved, not waited for), every attempt is logged, a subscription that keeps failing is disabled
 * and the inbox told, a slow receiver holds up no one else, and a worker's death loses nothing.
 */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
class WebhookRetryTest extends WebhookScenario {

    @Inject
    WebhookDeliveryQueue queue;

    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    @Test
    void aFailedAttemptIsRetriedWithTheSameIdAndLogged() {
        TestReceiver oa = receiver(TestReceiver.answering(SECRET, clock::instant, 500));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(oa.url("/flaky"), SECRET, List.of(), unit);
        String messageId = "msg_" + UUID.randomUUID();
        enqueue(unit, Set.of("DUE_TODAY"), messageId, Map.of("title", "今日到期"));

        await().atMost(Duration.ofSeconds(10)).until(() -> WebhookApi.delivery(id).getInt("attempts") == 1);
        JsonPath failed = WebhookApi.delivery(id);
        assertEquals("PENDING", failed.getString("status"));
        assertEquals(500, failed.getInt("lastStatusCode"));
        assertEquals("HTTP 500: refused by the test receiver", failed.getString("lastError"));
        assertPause(failed, 1);

        clock.advancePast(Instant.parse(failed.getString("nextAttemptAt")));
        worker.kick();
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(WebhookApi.delivery(id).getString("status")));
        JsonPath delivered = WebhookApi.delivery(id);
        assertEquals(2, delivered.getInt("attempts"));
        assertEquals(200, delivered.getInt("lastStatusCode"));
        assertNull(delivered.get("lastError"));
        assertEquals(List.of(500, 200), delivered.getList("attemptLog.statusCode"));
        assertEquals(List.of(1, 2), delivered.getList("attemptLog.number"));
        assertEquals("HTTP 500: refused by the test receiver", delivered.getString("attemptLog[0].error"));
        assertNull(delivered.get("attemptLog[1].error"));

        List<TestReceiver.Received> requests = oa.received();
        assertEquals(2, requests.size());
        assertEquals(List.of(messageId, messageId), requests.stream().map(TestReceiver.Received::id).toList());
        assertEquals(requests.get(0).text(), requests.get(1).text(), "every attempt sends the same body");
        assertTrue(requests.stream().allMatch(TestReceiver.Received::signatureValid));
        JsonPath webhook = WebhookApi.webhook(id);
        assertEquals(0, webhook.getInt("consecutiveFailures"));
        assertNull(webhook.get("failingSince"));
        assertNotNull(webhook.get("lastSuccessAt"));
    }

    @Test
    void aReceiverThatNeverAcceptsIsRetriedOnTheScheduleThenDisabled() {
        TestReceiver down = receiver(TestReceiver.always(SECRET, clock::instant, 503));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(down.url("/down"), SECRET, List.of(), unit);
        enqueue(unit, Set.of("OVERDUE"), "msg_" + UUID.randomUUID(), Map.of("title", "已逾期"));

        for (int attempt = 1; attempt <= 8; attempt++) {
            int made = attempt;
            await().atMost(Duration.ofSeconds(10)).until(() -> WebhookApi.delivery(id).getInt("attempts") == made);
            if (made < 8) {
                JsonPath delivery = WebhookApi.delivery(id);
                assertEquals("PENDING", delivery.getString("status"));
                assertPause(delivery, made);
                assertTrue(WebhookApi.webhook(id).getBoolean("active"), "still active after attempt " + made);
                clock.advancePast(Instant.parse(delivery.getString("nextAttemptAt")));
                worker.kick();
            }
        }

        JsonPath delivery = WebhookApi.delivery(id);
        assertEquals("FAILED", delivery.getString("status"));
        assertNull(delivery.get("nextAttemptAt"));
        assertEquals(List.of(503, 503, 503, 503, 503, 503, 503, 503), delivery.getList("attemptLog.statusCode"));
        JsonPath webhook = WebhookApi.webhook(id);
        assertFalse(webhook.getBoolean("active"));
        assertNotNull(webhook.get("disabledAt"));
        assertTrue(webhook.getString("disabledReason").startsWith("8 attempts in a row failed"), webhook.getString("disabledReason"));

        List<WebhookDisabled> told = disabled.of(id);
        assertEquals(1, told.size(), "the inbox is told once");
        assertEquals(new WebhookDisabled(id, unit, down.url("/down"), webhook.getString("disabledReason")), told.get(0));

        assertEquals(8, down.received().size());
        assertEquals(1, down.received().stream().map(TestReceiver.Received::id).distinct().count());
        assertEquals(0, enqueue(unit, Set.of("OVERDUE"), "msg_" + UUID.randomUUID(), Map.of()),
                "a disabled subscription gets nothing new");
    }

    @Test
    void disablingGivesUpTheSubscriptionsPendingDeliveries() {
        TestReceiver down = receiver(TestReceiver.always(SECRET, clock::instant, 503));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(down.url("/down-for-a-day"), SECRET, List.of(), unit);
        // It has been failing for 25 hours already: the next failure is the one too many.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE webhook_subscription SET consecutive_failures = 7, failing_since = ?1 WHERE id = ?2")
                .setParameter(1, clock.instant().minus(Duration.ofHours(25)))
                .setParameter(2, id)
                .executeUpdate());

        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) {
                dispatcher.enqueue(unit, Set.of("OVERDUE"), EVENT_TYPE, "msg_" + UUID.randomUUID(), null);
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> !WebhookApi.webhook(id).getBoolean("active"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                WebhookApi.deliveries(id).getList("items.status").equals(List.of("FAILED", "FAILED", "FAILED")));
        JsonPath deliveries = WebhookApi.deliveries(id);
        List<Integer> attempts = deliveries.getList("items.attempts");
        assertTrue(attempts.contains(0), "at most two were in flight (per-subscription limit); the third was never sent: " + attempts);
        assertTrue(deliveries.getList("items.lastError", String.class).stream()
                .anyMatch(e -> e.startsWith("given up: the webhook was disabled")), deliveries.prettify());
        assertEquals(1, disabled.of(id).size());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> down.received().size() <= 2);
    }

    @Test
    void aDisabledSubscriptionGetsNothingAndLeftoversAreClosed() {
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe("http://127.0.0.1:9/disabled", SECRET, List.of(), unit);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE webhook_subscription SET active = false WHERE id = ?1").setParameter(1, id).executeUpdate());

        assertEquals(0, enqueue(unit, Set.of("OVERDUE"), "msg_" + UUID.randomUUID(), Map.of()));

        // one that an engine transaction committed just after the subscription was disabled
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO webhook_delivery (subscription_id, message_id, event_type, body, status, created_at, next_attempt_at)
                        VALUES (?1, ?2, ?3, '{}', 'PENDING', ?4, ?4)""")
                .setParameter(1, id).setParameter(2, "msg_late-" + unit).setParameter(3, EVENT_TYPE)
                .setParameter(4, clock.instant()).executeUpdate());
        assertTrue(queue.closeOrphans() >= 1);
        JsonPath delivery = WebhookApi.delivery(id);
        assertEquals("FAILED", delivery.getString("status"));
        assertEquals(0, delivery.getInt("attempts"));
        assertEquals("given up: the webhook was disabled", delivery.getString("lastError"));
    }

    @Test
    void aSlowReceiverDoesNotHoldUpAnotherSubscription() {
        TestReceiver slow = receiver(TestReceiver.hanging(SECRET, clock::instant));
        TestReceiver fast = receiver(TestReceiver.answering(SECRET, clock::instant));
        String unit = WebhookApi.freshUnit();
        long slowId = api.subscribe(slow.url("/slow"), SECRET, List.of("OVERDUE"), unit);
        long fastId = api.subscribe(fast.url("/fast"), SECRET, List.of("DUE_SOON"), unit);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 6; i++) {
                dispatcher.enqueue(unit, Set.of("OVERDUE"), EVENT_TYPE, "slow-" + i + "-" + unit, null);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.received().size() == 2);

        enqueue(unit, Set.of("DUE_SOON"), "fast-" + unit, Map.of());

        // well before the hanging attempts time out (3 s in this profile)
        await().atMost(Duration.ofMillis(2500)).until(() -> fast.received().size() == 1);
        assertEquals(List.of(0, 0, 0, 0, 0, 0), WebhookApi.deliveries(slowId).getList("items.attempts"),
                "no slow attempt had finished when the other subscription's message arrived");
        assertEquals(2, slow.received().size(), "the slow receiver's backlog takes no more than its two slots");
        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(WebhookApi.delivery(fastId).getString("status")));

        // the hanging ones end as failed attempts after the timeout
        await().atMost(Duration.ofSeconds(10)).until(() -> WebhookApi.deliveries(slowId).getList("items.lastError", String.class)
                .stream().filter("no answer within 3s"::equals).count() >= 2);
    }

    @Test
    void aDeliveryClaimedByAWorkerThatDiedIsSentOnceItsLeaseRunsOut() {
        TestReceiver oa = receiver(TestReceiver.answering(SECRET, clock::instant));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(oa.url("/after-crash"), SECRET, List.of(), unit);
        // The row as a worker leaves it when it dies after claiming: leased 30 s ahead, version moved on.
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO webhook_delivery (subscription_id, message_id, event_type, body, status, attempts,
                                                      next_attempt_at, created_at, version)
                        VALUES (?1, ?2, ?3, ?4, 'PENDING', 0, ?5, ?6, 1)""")
                .setParameter(1, id)
                .setParameter(2, "msg_crashed-" + unit)
                .setParameter(3, EVENT_TYPE)
                .setParameter(4, "{\"type\":\"" + EVENT_TYPE + "\",\"timestamp\":\"" + now + "\",\"data\":{}}")
                .setParameter(5, now.plusSeconds(30))
                .setParameter(6, now)
                .executeUpdate());

        worker.kick();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> oa.received().isEmpty());

        clock.advance(Duration.ofSeconds(31));
        worker.kick();
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(WebhookApi.delivery(id).getString("status")));
        assertEquals(1, WebhookApi.delivery(id).getInt("attempts"));
        assertEquals(1, oa.received().size());
        assertTrue(oa.received().get(0).signatureValid());
    }

    /** After attempt {@code made} failed, the next one is due the schedule's pause later. */
    private static void assertPause(JsonPath delivery, int made) {
        Instant tried = Instant.parse(delivery.getString("attemptLog[" + (made - 1) + "].attemptedAt"));
        Instant next = Instant.parse(delivery.getString("nextAttemptAt"));
        Duration pause = Duration.between(tried, next);
        Duration expected = SCHEDULE.get(made - 1);
        assertTrue(!pause.minus(expected).isNegative() && pause.minus(expected).toMillis() < 2000,
                "after attempt " + made + " the pause is " + expected + "; it was " + pause);
    }
}
