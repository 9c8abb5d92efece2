package org.duban.reminder.channel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.platform.secrets.SecretCipher;
import org.duban.reminder.engine.ReminderKind;
import org.duban.testsupport.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel's robot URL (its token lets anyone post into the group) and signing secret are in the table
 * only encrypted: what a new channel stores, what a row from before encryption becomes at startup, what
 * a key rotation rewrites. Messages still reach the platforms signed so that their own check passes,
 * answers still mask both, and an altered value fails the delivery with a reason and sends nothing.
 */
@QuarkusTest
@TestProfile(ChannelTestProfile.class)
class ChannelSecretsAtRestTest extends ChannelScenario {

    @Inject
    ChannelSecretsAtRest secrets;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "duban.secrets.keys.test")
    String testKey;

    record Stored(String target, String secret) {
    }

    private Stored stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("SELECT target, secret FROM channel WHERE id = ?1")
                    .setParameter(1, id).getSingleResult();
            return new Stored((String) row[0], (String) row[1]);
        });
    }

    private void store(long id, String target, String secret) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE channel SET target = ?1, secret = ?2 WHERE id = ?3")
                .setParameter(1, target).setParameter(2, secret).setParameter(3, id).executeUpdate());
    }

    private SecretCipher serviceKey() {
        return new SecretCipher(Map.of("test", testKey), "test");
    }

    private static JsonPath test(String unit, long id) {
        return given().auth().oauth2(TestTokens.unit(unit)).post("/api/channels/{id}/test", id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void robotUrlsAndSecretsAreStoredEncryptedMaskedInAnswersAndDigestsStillArriveSigned() {
        String unit = freshUnit();
        String wecomKey = freshToken();
        String dingToken = freshToken();
        String feishuToken = freshToken();
        String dingSecret = "SEC" + freshToken();
        String feishuSecret = "fs" + freshToken();
        platforms.signed(dingToken, dingSecret).signed(feishuToken, feishuSecret);
        long wecom = channel(unit, Map.of("type", "WECOM", "target", platforms.wecomUrl(wecomKey)));
        long ding = channel(unit, Map.of("type", "DINGTALK", "target", platforms.dingtalkUrl(dingToken), "secret", dingSecret));
        long feishu = channel(unit, Map.of("type", "FEISHU", "target", platforms.feishuUrl(feishuToken), "secret", feishuSecret));
        String extra = unit + "-leader@ah.gov.cn";
        long email = channel(unit, Map.of("type", "EMAIL", "target", extra));

        for (var robot : Map.of(wecom, wecomKey, ding, dingToken, feishu, feishuToken).entrySet()) {
            String target = stored(robot.getKey()).target();
            assertTrue(target.startsWith("v1:test:"), target);
            assertFalse(target.contains(robot.getValue()) || target.contains("127.0.0.1"), "no part of the URL in the table");
        }
        assertNull(stored(wecom).secret());
        for (var signed : Map.of(ding, dingSecret, feishu, feishuSecret).entrySet()) {
            String secret = stored(signed.getKey()).secret();
            assertTrue(secret.startsWith("v1:test:"), secret);
            assertFalse(secret.contains(signed.getValue().substring(3)), "no part of the secret in the table");
        }
        assertEquals(new Stored(extra, null), stored(email), "e-mail addresses are not secrets: stored as given");

        JsonPath shown = get(ding);
        assertEquals(ChannelView.maskTokens(platforms.dingtalkUrl(dingToken)), shown.getString("target"));
        assertTrue(shown.getString("target").startsWith(platforms.dingtalkUrl(dingToken.substring(0, 4))), shown.getString("target"));
        assertEquals("********" + dingSecret.substring(dingSecret.length() - 4), shown.getString("secret"));
        assertEquals(extra, get(email).getString("target"));

        digest(unit, ReminderKind.OVERDUE, 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> platforms.accepted(wecomKey).size() == 1
                && platforms.accepted(dingToken).size() == 1 && platforms.accepted(feishuToken).size() == 1);
        assertEquals(List.of(), platforms.received(dingToken).stream().filter(r -> !r.accepted()).toList(),
                "DingTalk's signature check passed the first time");
    }

    @Test
    void plaintextRowsAreEncryptedOnceAndARotationRewritesThemUnderTheNewKey() {
        String unit = freshUnit();
        String token = freshToken();
        String secret = "SEC" + freshToken();
        platforms.signed(token, secret);
        long id = channel(unit, Map.of("type", "DINGTALK", "target", platforms.dingtalkUrl(token), "secret", secret));
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
        long sms = channel(unit, Map.of("type", "SMS", "target", phone));
        // as the rows were before encryption
        store(id, platforms.dingtalkUrl(token), secret);

        assertTrue(secrets.reEncrypt(serviceKey()) >= 1);
        Stored sealed = stored(id);
        assertTrue(sealed.target().startsWith("v1:test:") && sealed.secret().startsWith("v1:test:"), sealed.toString());
        assertEquals(new Stored(phone, null), stored(sms), "a phone number is left as it is");
        assertEquals(0, secrets.reEncrypt(serviceKey()), "idempotent");
        assertEquals(sealed, stored(id));

        // rotation: a new active key, the old one kept to read
        String next = Base64.getEncoder().encodeToString(new byte[32]);
        SecretCipher rotated = new SecretCipher(Map.of("test", testKey, "next", next), "next");
        assertTrue(secrets.reEncrypt(rotated) >= 1);
        Stored rewritten = stored(id);
        assertTrue(rewritten.target().startsWith("v1:next:") && rewritten.secret().startsWith("v1:next:"), rewritten.toString());
        assertEquals(platforms.dingtalkUrl(token), rotated.decrypt(rewritten.target()));
        assertEquals(secret, rotated.decrypt(rewritten.secret()));
        assertEquals(0, secrets.reEncrypt(rotated));
        // and back, so the service's own key reads it again: the robot still gets a signed message
        assertTrue(secrets.reEncrypt(new SecretCipher(Map.of("test", testKey, "next", next), "test")) >= 1);
        assertTrue(stored(id).target().startsWith("v1:test:"));
        assertEquals("DELIVERED", test(unit, id).getString("status"));
        assertEquals(1, platforms.accepted(token).size());
    }

    @Test
    void anAlteredSecretOrUrlFailsTheDeliveryWithAReasonAndSendsNothing() {
        String unit = freshUnit();
        String token = freshToken();
        String secret = "SEC" + freshToken();
        platforms.signed(token, secret);
        long id = channel(unit, Map.of("type", "DINGTALK", "target", platforms.dingtalkUrl(token), "secret", secret));
        Stored sealed = stored(id);
        store(id, sealed.target(), tamper(sealed.secret()));

        assertEquals("********", get(id).getString("secret"), "nothing of a secret that cannot be read");
        JsonPath failed = test(unit, id);
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("lastError").startsWith("the signing secret cannot be decrypted"), failed.getString("lastError"));

        store(id, tamper(sealed.target()), sealed.secret());
        assertEquals("********", get(id).getString("target"));
        assertTrue(test(unit, id).getString("lastError").startsWith("the robot URL cannot be decrypted"));
        assertEquals(List.of(), platforms.received(token), "nothing unsigned, nothing anywhere");
    }

    private static String tamper(String sealed) {
        byte[] raw = Base64.getDecoder().decode(sealed.substring("v1:test:".length()));
        raw[raw.length - 1] ^= 1;
        return "v1:test:" + Base64.getEncoder().encodeToString(raw);
    }
}
