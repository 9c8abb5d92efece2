package org.duban.reminder.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks cannot be turned against the network Duban runs in: a URL aimed at a private, link-local
 * or metadata address is refused at registration (400) and, should one be in the table already, at
 * send time with the reason in the delivery log; a redirect is an answer, never followed. (The test
 * profile allows loopback, where the test receivers listen; the default allows nothing private.)
 */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
class WebhookOutboundPolicyTest extends WebhookScenario {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://169.254.169.254/latest/meta-data/|link-local",
            "http://10.1.2.3/hooks|private address (10.0.0.0/8)",
            "https://192.168.10.20/oa|private address (192.168.0.0/16)",
            "http://100.64.0.9/|carrier-grade NAT",
            "http://[fd00::1]/hook|private address (fc00::/7)",
            "http://[::ffff:172.16.5.4]/hook|private address (172.16.0.0/12)",
            "http://0.0.0.0:8080/|unspecified"})
    void aUrlAimedInsideIsRefusedAtRegistration(String url, String why) {
        given().auth().oauth2(TestTokens.integrator()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("OVERDUE")))
                .when().post("/api/webhooks")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString(why))
                .body("errors[0].message", containsString("duban.outbound.allow-cidrs"));
    }

    @Test
    void aSubscriptionAlreadyAimedInsideFailsAtSendTimeWithTheReason() {
        String unit = WebhookApi.freshUnit();
        // made before the policy existed (or its name has since been pointed inside): straight into the table
        long id = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription s = new WebhookSubscription();
            s.url = "http://169.254.169.254/latest/meta-data/iam";
            s.secret = SECRET;
            s.events = new ArrayList<>(List.of("OVERDUE"));
            s.unitCode = unit;
            s.createdAt = clock.instant();
            s.createdBy = "test";
            s.persist();
            return s.id;
        });
        api.adopt(id);
        assertEquals(1, enqueue(unit, Set.of("OVERDUE"), "msg_" + UUID.randomUUID(), Map.of("unitCode", unit)));

        await().atMost(Duration.ofSeconds(10)).until(() -> WebhookApi.delivery(id).getInt("attempts") == 1);
        JsonPath delivery = WebhookApi.delivery(id);
        assertEquals("PENDING", delivery.getString("status"), "a refusal counts as a failed attempt, retried on schedule");
        assertTrue(delivery.getString("lastError").startsWith("refused by the outbound policy: the address 169.254.169.254 is "
                + "a link-local address"), delivery.getString("lastError"));
        assertEquals(delivery.getString("lastError"), delivery.getString("attemptLog[0].error"));
    }

    @Test
    void aRedirectIsNotFollowed() {
        TestReceiver oa = receiver(TestReceiver.always(SECRET, clock::instant, 302));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(oa.url("/hooks/duban"), SECRET, List.of("OVERDUE"), unit);
        enqueue(unit, Set.of("OVERDUE"), "msg_" + UUID.randomUUID(), Map.of("unitCode", unit));

        await().atMost(Duration.ofSeconds(10)).until(() -> WebhookApi.delivery(id).getInt("attempts") == 1);
        JsonPath delivery = WebhookApi.delivery(id);
        assertEquals(302, delivery.getInt("lastStatusCode"));
        assertTrue(delivery.getString("lastError").startsWith("HTTP 302 (redirects are not followed)"), delivery.getString("lastError"));
        assertEquals(1, oa.received("/hooks/duban").size());
        assertEquals(List.of(), oa.received("/redirected"), "the Location was never asked");
    }
}
