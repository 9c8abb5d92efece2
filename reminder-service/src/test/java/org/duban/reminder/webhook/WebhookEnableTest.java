package org.duban.reminder.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A subscription that disabled itself is enabled again by the office or the integrator, and delivers from then on. */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
class WebhookEnableTest extends WebhookScenario {

    @Test
    void aDisabledSubscriptionIsEnabledAgainAndDeliversNewMessages() {
        TestReceiver oa = receiver(TestReceiver.answering(SECRET, clock::instant, 503));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(oa.url("/back-again"), SECRET, List.of(), unit);
        // failing for 25 hours already: the next failure disables it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE webhook_subscription SET consecutive_failures = 7, failing_since = ?1 WHERE id = ?2")
                .setParameter(1, clock.instant().minus(Duration.ofHours(25))).setParameter(2, id).executeUpdate());
        enqueue(unit, Set.of("OVERDUE"), "msg_" + UUID.randomUUID(), Map.of("title", "已逾期"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !WebhookApi.webhook(id).getBoolean("active"));
        assertEquals(0, enqueue(unit, Set.of("OVERDUE"), "msg_" + UUID.randomUUID(), Map.of()), "disabled: nothing queued");

        given().auth().oauth2(TestTokens.unit(unit)).post("/api/webhooks/{id}/enable", id).then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer()).post("/api/webhooks/{id}/enable", id).then().statusCode(403);
        given().post("/api/webhooks/{id}/enable", id).then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).post("/api/webhooks/{id}/enable", 999_999_999L).then().statusCode(404);
        JsonPath enabled = given().auth().oauth2(TestTokens.integrator()).post("/api/webhooks/{id}/enable", id)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(enabled.getBoolean("active"));
        assertNull(enabled.get("disabledAt"));
        assertNull(enabled.get("disabledReason"));
        assertEquals(0, enabled.getInt("consecutiveFailures"));
        assertTrue(enabled.getString("secret").startsWith("whsec_****"), "still masked");

        String messageId = "msg_" + UUID.randomUUID();
        assertEquals(1, enqueue(unit, Set.of("OVERDUE"), messageId, Map.of("title", "再次逾期")));
        await().atMost(Duration.ofSeconds(10)).until(() -> oa.received().stream().anyMatch(r -> r.id().equals(messageId)));
        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(WebhookApi.delivery(id).getString("status")));
        // enabling an active subscription changes nothing
        given().auth().oauth2(TestTokens.admin()).post("/api/webhooks/{id}/enable", id).then().statusCode(200);
        assertFalse(WebhookApi.webhook(id).getString("lastSuccessAt").isEmpty());
    }
}
