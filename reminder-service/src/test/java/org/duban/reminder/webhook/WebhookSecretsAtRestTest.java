package org.duban.reminder.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.duban.platform.secrets.SecretCipher;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing secrets are in the table only encrypted: what a new subscription stores, what a row from
 * before encryption becomes at startup, what a key rotation rewrites; deliveries are still signed
 * with the secret the receiver knows, answers still mask it, and an altered value fails its
 * deliveries with a reason instead of breaking the service.
 */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
class WebhookSecretsAtRestTest extends WebhookScenario {

    @Inject
    WebhookSecretsAtRest secrets;

    @ConfigProperty(name = "duban.secrets.keys.test")
    String testKey;

    private String stored(long id) {
        return QuarkusTransaction.requiringNew().call(() ->
                (String) em.createNativeQuery("SELECT secret FROM webhook_subscription WHERE id = ?1")
                        .setParameter(1, id).getSingleResult());
    }

    private long insertRaw(String unit, String url, String secret) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription s = new WebhookSubscription();
            s.url = url;
            s.secret = secret;
            s.events = new ArrayList<>(List.of("OVERDUE"));
            s.unitCode = unit;
            s.createdAt = clock.instant();
            s.createdBy = "test";
            s.persist();
            return s.id;
        });
        api.adopt(id);
        return id;
    }

    @Test
    void aNewSecretIsStoredEncryptedAndStillSignsAndMasks() {
        TestReceiver oa = receiver(TestReceiver.answering(SECRET, clock::instant));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(oa.url("/hooks"), SECRET, List.of("OVERDUE"), unit);

        String stored = stored(id);
        assertTrue(stored.startsWith("v1:test:"), stored);
        assertFalse(stored.contains(SECRET.substring(6, 20)), "no part of the secret in the table");
        assertEquals("whsec_********" + SECRET.substring(SECRET.length() - 4), WebhookApi.webhook(id).getString("secret"));

        enqueue(unit, Set.of("OVERDUE"), "msg_" + UUID.randomUUID(), Map.of("unitCode", unit));
        await().atMost(Duration.ofSeconds(10)).until(() -> oa.received().size() == 1);
        assertTrue(oa.received().get(0).signatureValid(), "signed with the decrypted secret");
    }

    @Test
    void plaintextRowsAreEncryptedOnceAndRotationRewritesUnderTheNewKey() {
        String unit = WebhookApi.freshUnit();
        long id = insertRaw(unit, "https://oa.example.gov.cn/hooks", SECRET);
        assertEquals(SECRET, stored(id));

        assertTrue(secrets.reEncrypt(new SecretCipher(Map.of("test", testKey), "test")) >= 1);
        String sealed = stored(id);
        assertTrue(sealed.startsWith("v1:test:"), sealed);
        assertEquals(0, secrets.reEncrypt(new SecretCipher(Map.of("test", testKey), "test")), "idempotent");
        assertEquals(sealed, stored(id));

        // rotation: a new active key, the old one kept to read
        String next = Base64.getEncoder().encodeToString(new byte[32]);
        SecretCipher rotated = new SecretCipher(Map.of("test", testKey, "next", next), "next");
        assertTrue(secrets.reEncrypt(rotated) >= 1);
        String rewritten = stored(id);
        assertTrue(rewritten.startsWith("v1:next:"), rewritten);
        assertEquals(SECRET, rotated.decrypt(rewritten));
        assertEquals(0, secrets.reEncrypt(rotated));
        // and back, so the service's own key reads it again
        assertTrue(secrets.reEncrypt(new SecretCipher(Map.of("test", testKey, "next", next), "test")) >= 1);
        assertEquals("whsec_********" + SECRET.substring(SECRET.length() - 4), WebhookApi.webhook(id).getString("secret"));
    }

    @Test
    void aTamperedSecretFailsItsDeliveriesWithAReasonAndIsMaskedWithoutATail() {
        TestReceiver oa = receiver(TestReceiver.answering(SECRET, clock::instant));
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe(oa.url("/hooks"), SECRET, List.of("OVERDUE"), unit);
        String stored = stored(id);
        byte[] raw = Base64.getDecoder().decode(stored.substring("v1:test:".length()));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:test:" + Base64.getEncoder().encodeToString(raw);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE webhook_subscription SET secret = ?1 WHERE id = ?2")
                .setParameter(1, tampered).setParameter(2, id).executeUpdate());

        assertEquals("whsec_********", WebhookApi.webhook(id).getString("secret"));
        enqueue(unit, Set.of("OVERDUE"), "msg_" + UUID.randomUUID(), Map.of("unitCode", unit));
        await().atMost(Duration.ofSeconds(10)).until(() -> WebhookApi.delivery(id).getInt("attempts") == 1);
        assertTrue(WebhookApi.delivery(id).getString("lastError").startsWith("the signing secret cannot be decrypted"));
        assertEquals(List.of(), oa.received(), "nothing unsigned goes out");
    }
}
