package org.duban.reminder.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signatures and secrets as Standard Webhooks defines them, so that any receiver library verifies ours. */
class WebhookSignatureTest {

    @Test
    void signsTheStandardWebhooksReferenceVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String original = WebhookSignature.sign(secret, "msg_1", 1614265330, "{\"a\":\"合肥\"}");
        assertNotEquals(original, WebhookSignature.sign(secret, "msg_2", 1614265330, "{\"a\":\"合肥\"}"));
        assertNotEquals(original, WebhookSignature.sign(secret, "msg_1", 1614265331, "{\"a\":\"合肥\"}"));
        assertNotEquals(original, WebhookSignature.sign(secret, "msg_1", 1614265330, "{\"a\":\"合肥 \"}"));
    }

    @Test
    void aGeneratedSecretIsWhsecWith32RandomBytes() {
        String secret = WebhookSecret.generate();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNull(WebhookSecret.problem(secret));
        assertNotEquals(secret, WebhookSecret.generate());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw                                          | ",
            "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw                                                | must be in the Standard Webhooks form",
            "'   '                                                                           | must not be empty",
            "whsec_not*base64!                                                               | must be standard base64",
            "whsec_c2hvcnQ=                                                                  | must decode to 24 to 64 bytes; it has 5",
            "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA | it has 66",
    })
    void secretsAreChecked(String secret, String problem) {
        String found = WebhookSecret.problem(secret);
        if (problem == null) {
            assertNull(found);
        } else {
            assertTrue(found != null && found.contains(problem), found);
        }
    }

    @Test
    void aMaskedSecretKeepsOnlyThePrefixAndItsLastFourCharacters() {
        assertEquals("whsec_********LaSw", WebhookSecret.mask("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }
}
