package org.duban.reminder.channel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.duban.reminder.engine.ReminderKind;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A robot URL on the platform's own host is still refused when that host resolves inside (a poisoned or
 * split-horizon resolver): at registration with a 400 problem naming the address, and — for a channel
 * registered before the name was pointed inside — at send time, the delivery failing with the reason
 * and nothing sent.
 */
@QuarkusTest
@TestProfile(PoisonedDnsProfile.class)
class ChannelOutboundPolicyTest extends ChannelScenario {

    private static final String DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=";
    private static final String REFUSAL = "the host oapi.dingtalk.com resolves to 127.0.0.1, a loopback address";

    @Inject
    ChannelSecretsAtRest secrets;

    @Test
    void aPlatformHostResolvingToLoopbackIsRefusedAtRegistration() {
        String unit = freshUnit();
        given().auth().oauth2(TestTokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("type", "DINGTALK", "target", DINGTALK + freshToken(), "secret", "SEC" + freshToken()))
                .when().post("/api/channels")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("target"))
                .body("errors[0].message", containsString(REFUSAL))
                .body("errors[0].message", containsString("duban.outbound.allow-cidrs"));
        given().auth().oauth2(TestTokens.admin()).queryParam("unit", unit).get("/api/channels")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aChannelWhoseHostNowResolvesToLoopbackFailsAtSendTimeWithTheReason() {
        String unit = freshUnit();
        // registered while the name still pointed outside: straight into the table, sealed as the service stores it
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Channel c = new Channel();
            c.unitCode = unit;
            c.type = ChannelType.DINGTALK;
            c.target = secrets.sealTarget(ChannelType.DINGTALK, DINGTALK + freshToken());
            c.secret = secrets.sealSecret("SEC" + freshToken());
            c.kinds = new ArrayList<>();
            c.createdAt = clock.instant();
            c.createdBy = "test";
            c.persist();
            return c.id;
        });
        adopt(id);

        JsonPath test = given().auth().oauth2(TestTokens.unit(unit)).post("/api/channels/{id}/test", id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("FAILED", test.getString("status"));
        assertTrue(test.getString("lastError").startsWith("refused by the outbound policy: " + REFUSAL), test.getString("lastError"));
        assertNull(test.get("lastStatusCode"), "no connection was made");

        digest(unit, ReminderKind.OVERDUE, 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(id).getList("items").size() == 2
                && deliveries(id).getInt("items.find { !it.test }.attempts") == 1);
        JsonPath log = deliveries(id);
        String error = log.getString("items.find { !it.test }.lastError");
        assertTrue(error.startsWith("refused by the outbound policy: " + REFUSAL), error);
        assertEquals(error, log.getString("items.find { !it.test }.attemptLog[0].error"));
        assertEquals(1, get(id).getInt("consecutiveFailures"), "a refusal counts as a failed attempt");
    }
}
